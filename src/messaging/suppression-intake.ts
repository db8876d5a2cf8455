import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { invalidField } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { recordStatus } from './status-history.ts';
import { suppress } from './suppressions.ts';

export const suppressionBody = z.strictObject({
  channel: z.enum(['email', 'sms']),
  recipient: z.string().trim().min(3).max(254).meta({ description: 'The email address, or the phone number in E.164 (+14155550100).' }),
  reason: z.enum(['bounced', 'complained', 'opted_out']).meta({ description: 'bounced: a hard bounce (the address does not exist); complained: marked as spam; opted_out: the recipient asked elsewhere.' }),
  messageId: z.uuid().optional().meta({ description: "OpenOX's id of the message that bounced (it is in the Message-ID header as <id@openox>)." }),
  detail: z.string().max(500).optional().meta({ description: "The provider's words, kept in the message's history (e.g. 550 5.1.1 user unknown)." }),
});
export type SuppressionInput = z.output<typeof suppressionBody>;

export const suppressionView = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  reason: z.enum(['bounced', 'complained', 'opted_out']),
  createdAt: z.string(),
}).meta({ id: 'Suppression' });
export type SuppressionView = z.output<typeof suppressionView>;

/** The address as suppressions store it: an email lower-cased, a phone number in E.164. */
function canonicalRecipient(input: SuppressionInput): string {
  if (input.channel === 'email') {
    if (!z.email().safeParse(input.recipient).success) throw invalidField('recipient', 'Give the email address that bounced, such as owner@example.com.');
    return input.recipient.toLowerCase();
  }
  const phone = parsePhoneNumberFromString(input.recipient);
  if (!phone?.isPossible()) throw invalidField('recipient', 'Give the phone number in E.164, such as +14155550100.');
  return phone.number;
}

/** Suppresses the address and, when the report names one of the brand's messages, marks it undelivered. */
export async function recordDeliveryFailure(scope: BrandScope, input: SuppressionInput): Promise<SuppressionView> {
  const recipient = canonicalRecipient(input);
  await suppress(scope, input.channel, recipient, input.reason);
  if (input.messageId) {
    const marked = await scope.db
      .updateTable('messages')
      .set({ status: 'undelivered', status_reason: input.reason })
      .where('brand_id', '=', scope.brandId)
      .where('id', '=', input.messageId)
      .where('channel', '=', input.channel)
      .where('status', 'in', ['sent', 'delivered', 'logged'])
      .returning('id')
      .executeTakeFirst();
    if (marked) await recordStatus(scope, marked.id, 'undelivered', 'provider', input.detail ?? input.reason);
  }
  const row = await scope.db
    .selectFrom('suppressions')
    .select(['id', 'channel', 'recipient', 'reason', 'created_at'])
    .where('brand_id', '=', scope.brandId)
    .where('channel', '=', input.channel)
    .where('recipient', '=', recipient)
    .executeTakeFirstOrThrow();
  return toView(row);
}

export function listSuppressions(scope: BrandScope, filter: { readonly limit: number; readonly cursor?: string | undefined; readonly recipient?: string | undefined }) {
  const query = scope.db
    .selectFrom('suppressions')
    .select(['id', 'channel', 'recipient', 'reason', 'created_at'])
    .where('brand_id', '=', scope.brandId)
    .$if(filter.recipient !== undefined, (q) => q.where('recipient', '=', (filter.recipient as string).trim().toLowerCase()));
  return keysetPage(query, filter, toView);
}

function toView(row: { id: string; channel: 'email' | 'sms'; recipient: string; reason: 'bounced' | 'complained' | 'opted_out'; created_at: Date }): SuppressionView {
  return { id: row.id, channel: row.channel, recipient: row.recipient, reason: row.reason, createdAt: row.created_at.toISOString() };
}
