import { z } from 'zod';
import { pageQuery } from '../platform/http/pagination.ts';
import { claimStatuses } from './claim-lifecycle.ts';
import { contactChannels, maxDescriptionLength } from './claim-input.ts';
import { claimRefSchema } from './claim-records.ts';
import { maxMessageLength } from './claim-conversation.ts';

const text = (max: number) => z.string().trim().max(max);

export const claimRefParams = z.object({ ref: claimRefSchema.meta({ description: 'The claim id, or its number (C-10482).' }) });

export const listClaimsQuery = z.object({
  ...pageQuery,
  status: z.enum([...claimStatuses, 'open']).optional().meta({ description: '`open`: every status someone still works on (not resolved or closed).' }),
  assignee: z.union([z.uuid(), z.enum(['none', 'me'])]).optional().meta({ description: "A staff user's id, `me` (the signed-in staff user), or `none` (unassigned)." }),
  owner: z.uuid().optional(),
  ownership: z.uuid().optional(),
});

export const createClaimBody = z.strictObject({
  ownershipId: z.uuid().meta({ description: 'The product (ownership) the claim is about; it must be active.' }),
  ownerId: z.uuid().optional().meta({ description: "If given, the ownership must be this owner's, or the answer is 404." }),
  problemCategory: z.string().max(60).meta({ description: "A code from the product category's problem categories (GET /api/v1/claim-categories)." }),
  description: text(maxDescriptionLength).min(1, 'Describe the problem.'),
  videoUrl: text(500).nullable().optional(),
  contactChannels: z.array(z.enum(contactChannels as ['email', 'sms', 'phone'])).min(1).default(['email']),
  contactPhone: text(40).nullable().optional().meta({ description: "Needed for sms or phone; the owner's phone number is used when left out." }),
  kind: z.enum(['warranty', 'service']).optional().meta({ description: 'Defaults to warranty. Out of warranty, a claim is always a paid service request.' }),
  submissionId: z.uuid().optional().meta({ description: 'Sending the same id again returns the claim it filed instead of filing another.' }),
});
export type CreateClaimBody = z.output<typeof createClaimBody>;

const fulfilmentBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('repair'), bookedFor: z.iso.datetime({ offset: true, message: 'Give the booking time as an ISO 8601 date and time, like 2026-05-04T09:00:00Z.' }) }),
  z.strictObject({ kind: z.literal('replacement'), carrier: text(100).min(1, 'Name the carrier.'), trackingNumber: text(100).min(1, 'Give the tracking number.') }),
  z.strictObject({
    kind: z.literal('refund'),
    amountMinor: z.number().int().min(0).max(100_000_000).meta({ description: 'In minor units: 12999 is 129.99.' }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Give an ISO 4217 currency code, like USD.'),
  }),
]);

export const transitionBody = z.strictObject({
  to: z.enum(claimStatuses),
  reason: text(2000).optional().meta({ description: 'Required to deny and to ask for information; the owner reads it.' }),
  fulfilment: fulfilmentBody.optional().meta({ description: 'Required to move to fulfilment.' }),
});

export const assignBody = z.strictObject({ assigneeId: z.uuid().nullable().meta({ description: 'An enabled admin or agent; null unassigns.' }) });

export const messageBody = z.strictObject({
  visibility: z.enum(['internal', 'owner']).meta({ description: '`internal`: a note among staff; `owner`: a reply the owner sees and is sent.' }),
  body: text(maxMessageLength).min(1, 'Write the message.'),
});

export const rmaBody = z.strictObject({ rmaNumber: text(60).min(1).nullable().meta({ description: 'null clears it.' }) });

export const proofRequestBody = z.strictObject({
  note: text(2000).optional().meta({ description: "What to tell the owner; a standard request in the owner's language when left out." }),
});

export const proofDecisionBody = z.strictObject({
  verdict: z.enum(['verified', 'rejected']),
  reason: text(2000).optional().meta({ description: 'Told to the owner when the receipt is rejected.' }),
});

export const attachmentQuery = z.object({
  visibility: z.enum(['internal', 'owner']).default('internal').meta({ description: '`owner`: the owner sees the file on their claim.' }),
});

export const assigneeView = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.string() }).meta({ id: 'ClaimAssignee' });
