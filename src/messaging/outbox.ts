import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import type { MessagingTables } from './tables.ts';

export const outboxMessageView = z.object({
  id: z.uuid(),
  ownerId: z.uuid().nullable(),
  channel: z.enum(['email', 'sms']),
  class: z.enum(['safety', 'service', 'marketing']),
  template: z.string(),
  recipient: z.string(),
  subject: z.string().meta({ description: 'Empty for an SMS.' }),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'logged', 'suppressed']).meta({
    description: '`logged`: no transport is configured, so the message exists only here. `suppressed`: the recipient opted out of this channel (or bounced, or complained); not sent.',
  }),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
}).meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.output<typeof outboxMessageView>;

export const outboxMessageDetailView = outboxMessageView.extend({
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
}).meta({ id: 'OutboxMessageDetail' });
export type OutboxMessageDetail = z.output<typeof outboxMessageDetailView>;

type MessageRow = Selectable<MessagingTables['messages']>;

export interface OutboxFilter {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly ownerId?: string | undefined;
}

/** Messages newest first, without their bodies (a page of HTML emails would be heavy). */
export function listOutbox(scope: BrandScope, filter: OutboxFilter) {
  const query = scope.db
    .selectFrom('messages')
    .select(['id', 'owner_id', 'channel', 'class', 'template', 'recipient', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where('brand_id', '=', scope.brandId)
    .$if(filter.ownerId !== undefined, (q) => q.where('owner_id', '=', filter.ownerId as string));
  return keysetPage(query, filter, toView);
}

export async function getOutboxMessage(scope: BrandScope, id: string): Promise<OutboxMessageDetail> {
  const row = await scope.db.selectFrom('messages').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no message with this id in your brand.');
  return { ...toView(row), bodyText: row.body_text, bodyHtml: row.body_html };
}

function toView(row: Omit<MessageRow, 'brand_id' | 'dedupe_key' | 'body_text' | 'body_html' | 'claimed_at'>): OutboxMessage {
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
  };
}
