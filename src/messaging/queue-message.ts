import type { BrandScope } from '../platform/database/tenancy.ts';
import type { MessageChannel, QueuedMessageClass } from './tables.ts';

export interface OutgoingMessage {
  readonly ownerId: string | null;
  readonly channel: MessageChannel;
  readonly class: QueuedMessageClass;
  readonly template: string;
  /** The same key twice is the same message: the second is not queued, so it cannot be sent twice. */
  readonly dedupeKey: string;
  readonly recipient: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  /**
   * After this the message is no longer worth sending: a held one expires instead. Absent: a marketing
   * message keeps for the brand's default (messaging settings); any other class never expires.
   */
  readonly expiresAt?: Date | null;
}

/**
 * Queues a message in the caller's transaction; a trigger adds its delivery job in the same
 * transaction. Returns the message id, or null when a message with this key already exists.
 */
export async function queueMessage(scope: BrandScope, message: OutgoingMessage): Promise<string | null> {
  const row = await scope.db
    .insertInto('messages')
    .values({
      brand_id: scope.brandId,
      owner_id: message.ownerId,
      channel: message.channel,
      class: message.class,
      template: message.template,
      dedupe_key: message.dedupeKey,
      recipient: message.recipient,
      subject: message.subject,
      body_text: message.text,
      body_html: message.html,
      expires_at: message.expiresAt ?? null,
    })
    .onConflict((conflict) => conflict.columns(['brand_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
