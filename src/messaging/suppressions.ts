import type { Db } from '../platform/database/database.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import type { MessageChannel, SuppressionReason } from './tables.ts';

/** Suppressions are kept per address as written lower-case, so `Ana@Example.com` and `ana@example.com` are one. */
function suppressionKey(recipient: string): string {
  return recipient.trim().toLowerCase();
}

/**
 * Whether a brand must not send anything but safety notices to `recipient` on `channel`. Delivery asks
 * this before every send; it runs outside a brand scope (a job), so it names the brand itself.
 */
export async function isSuppressed(db: Db, brandId: string, channel: MessageChannel, recipient: string): Promise<boolean> {
  const row = await db
    .selectFrom('suppressions')
    .select('id')
    .where('brand_id', '=', brandId)
    .where('channel', '=', channel)
    .where('recipient', '=', suppressionKey(recipient))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records that a recipient gets no more non-safety messages on a channel. A bounce or complaint replaces
 * an owner's own opt-out (which they could lift, sending again to an address that fails); otherwise an
 * existing suppression keeps its reason.
 */
export async function suppress(scope: BrandScope, channel: MessageChannel, recipient: string, reason: SuppressionReason): Promise<void> {
  await scope.db
    .insertInto('suppressions')
    .values({ brand_id: scope.brandId, channel, recipient: suppressionKey(recipient), reason })
    .onConflict((conflict) =>
      reason === 'opted_out'
        ? conflict.columns(['brand_id', 'channel', 'recipient']).doNothing()
        : conflict.columns(['brand_id', 'channel', 'recipient']).doUpdateSet({ reason }).where('suppressions.reason', '=', 'opted_out'),
    )
    .execute();
}

/**
 * Lifts an owner's own opt-out. A bounce or a complaint is not theirs to lift: the address itself
 * failed or the mailbox provider reported abuse, and sending again would harm the brand's reputation.
 */
export async function liftOptOut(scope: BrandScope, channel: MessageChannel, recipient: string): Promise<void> {
  await scope.db
    .deleteFrom('suppressions')
    .where('brand_id', '=', scope.brandId)
    .where('channel', '=', channel)
    .where('recipient', '=', suppressionKey(recipient))
    .where('reason', '=', 'opted_out')
    .execute();
}

/** The suppressions standing against these addresses, by channel. */
export async function suppressionsOf(scope: BrandScope, recipients: { readonly email: string; readonly phone: string | null }) {
  const rows = await scope.db
    .selectFrom('suppressions')
    .select(['channel', 'reason'])
    .where('brand_id', '=', scope.brandId)
    .where((eb) =>
      eb.or([
        eb.and([eb('channel', '=', 'email'), eb('recipient', '=', suppressionKey(recipients.email))]),
        ...(recipients.phone ? [eb.and([eb('channel', '=', 'sms'), eb('recipient', '=', suppressionKey(recipients.phone))])] : []),
      ]),
    )
    .execute();
  const byChannel: Partial<Record<MessageChannel, SuppressionReason>> = {};
  for (const row of rows) byChannel[row.channel] = row.reason;
  return byChannel;
}
