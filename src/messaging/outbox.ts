import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { type MessageStatus, type MessagingTables, messageStatuses } from './tables.ts';

export const outboxMessageView = z.object({
  id: z.uuid(),
  ownerId: z.uuid().nullable(),
  channel: z.enum(['email', 'sms']),
  class: z.enum(['safety', 'service', 'marketing', 'compliance']).meta({ description: '`compliance`: the reply to an SMS keyword (STOP, START, HELP).' }),
  template: z.string(),
  recipient: z.string(),
  subject: z.string().meta({ description: 'Empty for an SMS.' }),
  status: z.enum(messageStatuses as [MessageStatus, ...MessageStatus[]]).meta({
    description:
      '`logged`: no transport is configured, so the message exists only here. `suppressed`: not sent, see statusReason (an opt-out, bounce, complaint, or no marketing consent). ' +
      '`held`: a marketing message waiting for quiet hours to end or a frequency cap to free, until holdUntil. `expired`: it could not go while still relevant. ' +
      '`delivered` / `undelivered`: the SMS provider\'s receipt.',
  }),
  statusReason: z.string().nullable().meta({
    description: 'Why it was held, expired or suppressed: quiet_hours, frequency_cap, past_expiry, opted_out, bounced, complained, no_owner, safety_only, no_consent, consent_withdrawn.',
  }),
  holdUntil: z.string().nullable(),
  expiresAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
}).meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.output<typeof outboxMessageView>;

const statusEventView = z.object({
  status: z.string(),
  detail: z.string().nullable(),
  source: z.enum(['policy', 'transport', 'provider']),
  at: z.string(),
}).meta({ id: 'MessageStatusEvent' });

export const outboxMessageDetailView = outboxMessageView.extend({
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
  history: z.array(statusEventView).meta({ description: 'Every status it went through, oldest first: policy decisions, hand-overs to the transport, provider receipts.' }),
}).meta({ id: 'OutboxMessageDetail' });
export type OutboxMessageDetail = z.output<typeof outboxMessageDetailView>;

type MessageRow = Selectable<MessagingTables['messages']>;

export interface OutboxFilter {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly ownerId?: string | undefined;
  readonly status?: MessageStatus | undefined;
}

/** Messages newest first, without their bodies (a page of HTML emails would be heavy). */
export function listOutbox(scope: BrandScope, filter: OutboxFilter) {
  const query = scope.db
    .selectFrom('messages')
    .select(['id', 'owner_id', 'channel', 'class', 'template', 'recipient', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'sent_at', 'status_reason', 'hold_until', 'expires_at'])
    .where('brand_id', '=', scope.brandId)
    .$if(filter.ownerId !== undefined, (q) => q.where('owner_id', '=', filter.ownerId as string))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status as MessageStatus));
  return keysetPage(query, filter, toView);
}

export async function getOutboxMessage(scope: BrandScope, id: string): Promise<OutboxMessageDetail> {
  const row = await scope.db.selectFrom('messages').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no message with this id in your brand.');
  const history = await scope.db
    .selectFrom('message_status_events')
    .select(['status', 'detail', 'source', 'occurred_at'])
    .where('message_id', '=', id)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return {
    ...toView(row),
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    history: history.map((event) => ({ status: event.status, detail: event.detail, source: event.source, at: event.occurred_at.toISOString() })),
  };
}

function toView(row: Omit<MessageRow, 'brand_id' | 'dedupe_key' | 'body_text' | 'body_html' | 'claimed_at' | 'claimed_by' | 'cleared_at' | 'provider_id'>): OutboxMessage {
  return {
    id: row.id,
    ownerId: row.owner_id,
    channel: row.channel,
    class: row.class,
    template: row.template,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    statusReason: row.status_reason,
    holdUntil: row.hold_until?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}
