import type { BrandScope } from '../platform/database/tenancy.ts';

/** Who moved a message to a status: the send-time policy, the transport handing it over, or the provider's receipt. */
export type StatusSource = 'policy' | 'transport' | 'provider';

/** Adds a line to the message's status history; a provider's repeated receipt for the same status is kept once. */
export async function recordStatus(scope: BrandScope, messageId: string, status: string, source: StatusSource, detail: string | null): Promise<void> {
  await scope.db
    .insertInto('message_status_events')
    .values({ brand_id: scope.brandId, message_id: messageId, status, source, detail })
    .onConflict((conflict) => conflict.columns(['message_id', 'status']).where('source', '=', 'provider').doNothing())
    .execute();
}
