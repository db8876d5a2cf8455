import { sql } from 'kysely';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { recordStatus } from '../status-history.ts';
import { suppress } from '../suppressions.ts';
import type { MessageStatus, SuppressionReason } from '../tables.ts';
import { recipientUnsubscribedCode } from './sms-transport.ts';

/** A delivery receipt from the provider's status callback. */
export interface DeliveryReceipt {
  readonly messageId: string;
  /** The provider's id (MessageSid). */
  readonly sid: string;
  /** The provider's word: queued, sending, sent, delivered, undelivered, failed… */
  readonly status: string;
  readonly errorCode: string | null;
}

// Final receipts change the message's status; the steps before them only go into its history.
const finalStatuses: Readonly<Record<string, MessageStatus>> = { delivered: 'delivered', undelivered: 'undelivered', failed: 'failed' };

// Provider error codes that say the number will not take texts again (Twilio's): a STOP at the carrier,
// a number that does not exist, or a landline.
const suppressingErrors: Readonly<Record<string, SuppressionReason>> = { [recipientUnsubscribedCode]: 'opted_out', '30005': 'bounced', '30006': 'bounced' };

/**
 * Records a receipt in the message's history (each status once) and, when final, as its status. A
 * receipt naming another provider id than the message's is ignored: it is not about this message.
 * Returns whether the receipt was about a message of the brand.
 */
export async function recordDeliveryReceipt(scope: BrandScope, receipt: DeliveryReceipt): Promise<boolean> {
  const message = await scope.db.selectFrom('messages').select(['id', 'recipient', 'provider_id', 'channel']).where('id', '=', receipt.messageId).executeTakeFirst();
  if (!message || message.channel !== 'sms' || (message.provider_id !== null && message.provider_id !== receipt.sid)) return false;

  const status = receipt.status.trim().toLowerCase().slice(0, 40);
  await recordStatus(scope, message.id, status, 'provider', receipt.errorCode);
  const final = finalStatuses[status];
  await scope.db
    .updateTable('messages')
    .set({
      provider_id: receipt.sid,
      ...(final ? { status: final, last_error: receipt.errorCode ? `provider error ${receipt.errorCode}` : null } : {}),
    })
    .where('id', '=', message.id)
    // A receipt can overtake the deliverer's own "sent": it is kept, and the deliverer does not undo it.
    .where(sql<boolean>`status in ('sending', 'sent', 'delivered', 'undelivered', 'failed')`)
    .execute();
  const suppression = receipt.errorCode ? suppressingErrors[receipt.errorCode] : undefined;
  if (suppression) await suppress(scope, 'sms', message.recipient, suppression);
  return true;
}
