import type { Actor } from '../access/principal.ts';
import { z } from 'zod';
import { fileView } from '../platform/files/files.ts';
import { entitlementSchema } from '../warranty/entitlement-view.ts';
import { claimStatuses, fulfilmentKinds } from './claim-lifecycle.ts';

/** Who did something: the owner, a staff user, a brand system's API key, or OpenOX. */
const claimActorView = z.object({
  type: z.enum(['owner', 'staff', 'api_key', 'system']),
  id: z.uuid().nullable(),
  label: z.string(),
}).meta({ id: 'Actor' });

const claimSlaView = z.object({
  ageSeconds: z.number().int().meta({ description: 'Since filing; stops when the claim is closed.' }),
  timeInStatusSeconds: z.number().int().meta({ description: 'Since the last change of status; stops when the claim is closed.' }),
  firstResponseSeconds: z.number().int().nullable().meta({ description: "Filing to the brand's first reply or change of status." }),
  resolutionSeconds: z.number().int().nullable().meta({ description: 'Filing to resolution.' }),
}).meta({ id: 'ClaimSla' });

export const claimSummaryView = z.object({
  id: z.uuid(),
  number: z.string().meta({ description: 'Short and per brand, for the owner to quote: C-10482.' }),
  status: z.enum(claimStatuses),
  kind: z.enum(['warranty', 'service']),
  paidService: z.boolean().meta({ description: 'Out of warranty when filed: a paid service request (see serviceNote).' }),
  problem: z.object({ code: z.string(), label: z.string() }),
  owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  ownership: z.object({ id: z.uuid(), serial: z.string().nullable() }),
  model: z.object({ id: z.uuid(), name: z.string(), sku: z.string() }),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  rmaNumber: z.string().nullable(),
  createdAt: z.string(),
  statusChangedAt: z.string(),
  sla: claimSlaView,
}).meta({ id: 'ClaimSummary' });
export type ClaimSummary = z.output<typeof claimSummaryView>;

const claimTransitionView = z.object({
  id: z.uuid(),
  from: z.enum(claimStatuses).nullable().meta({ description: 'Null for the filing.' }),
  to: z.enum(claimStatuses),
  reason: z.string().nullable(),
  actor: claimActorView,
  at: z.string(),
}).meta({ id: 'ClaimTransition' });

const claimMessageView = z.object({
  id: z.uuid(),
  visibility: z.enum(['internal', 'owner']).meta({ description: '`internal`: a note among staff; `owner`: a reply the owner sees.' }),
  author: claimActorView,
  body: z.string(),
  createdAt: z.string(),
}).meta({ id: 'ClaimMessage' });

const claimAttachmentView = z.object({
  id: z.uuid(),
  visibility: z.enum(['internal', 'owner']),
  addedBy: claimActorView,
  file: fileView,
  createdAt: z.string(),
}).meta({ id: 'ClaimAttachment' });

export const claimDetailView = claimSummaryView.extend({
  description: z.string(),
  videoUrl: z.string().nullable(),
  contactChannels: z.array(z.enum(['email', 'sms', 'phone'])),
  contactPhone: z.string().nullable(),
  serviceNote: z.string().nullable(),
  denialReason: z.string().nullable(),
  fulfilment: z.object({
    kind: z.enum(fulfilmentKinds),
    bookedFor: z.string().nullable(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    amountMinor: z.number().int().nullable(),
    currency: z.string().nullable(),
  }).nullable(),
  coverage: entitlementSchema.meta({ description: 'The warranty as it stood when the claim was filed.' }),
  currentCoverage: entitlementSchema.nullable().meta({ description: 'The warranty today (a receipt verified since may have changed it).' }),
  proofRequested: z.boolean(),
  proof: z.object({ status: z.enum(['none', 'submitted', 'verified', 'rejected']), fileUrl: z.string().nullable() }),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  source: z.enum(['owner_page', 'api', 'console']),
  createdBy: claimActorView,
  nextStatuses: z.array(z.enum(claimStatuses)).meta({ description: 'The statuses it may move to now.' }),
  transitions: z.array(claimTransitionView),
  messages: z.array(claimMessageView),
  attachments: z.array(claimAttachmentView),
}).meta({ id: 'Claim' });
export type ClaimDetail = z.output<typeof claimDetailView>;
