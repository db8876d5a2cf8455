import type { Task } from 'graphile-worker';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../platform/database/database.ts';
import { asBrandId, inBrand } from '../platform/database/tenancy.ts';
import { type ClaimedMessage, applySendPolicy } from './apply-send-policy.ts';
import { type SmsTransport, SmsRejected, recipientUnsubscribedCode } from './sms/sms-transport.ts';
import { recordStatus } from './status-history.ts';
import { suppress } from './suppressions.ts';
import type { MessageStatus } from './tables.ts';

export interface Email {
  readonly from: { readonly name: string; readonly address: string };
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  /** Stable per message, so a receiving server can drop a copy sent again after a crash. */
  readonly messageId: string;
  /** Extra header lines, such as List-Unsubscribe on marketing email. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface EmailTransport {
  send(email: Email): Promise<void>;
}

/** An SMTP transport for a URL like `smtp://user:pass@host:587` or `smtps://host:465`. */
export function smtpTransport(url: string): EmailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(email) {
      await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        messageId: email.messageId,
        ...(email.headers ? { headers: { ...email.headers } } : {}),
      });
    },
  };
}

export interface DeliveryOptions {
  /** Texts go through this; absent or null: they stay in the outbox, marked logged. */
  readonly sms?: SmsTransport | null;
  /** The address owners and providers reach OpenOX at (OPENOX_PUBLIC_URL): unsubscribe links, delivery receipts. */
  readonly publicUrl?: string;
  /** The clock the send-time policy reads; tests set it. */
  readonly now?: () => Date;
}

const deliverPayload = z.object({ messageId: z.uuid() });
// Longer than any SMTP exchange takes: a message still "sending" after this was left by a crashed deliverer.
const claimLeaseMinutes = 10;

/**
 * Takes a queued or held message for sending, atomically: two deliverers (a retry racing a slow first
 * try) cannot both send it. A message left "sending" is taken over once its lease is long past, or at
 * once by the queue worker now running its job (`worker`) when another worker claimed it: the queue runs
 * a job again only after the worker that held it was given up on. Null when it is sent, logged,
 * suppressed, expired, or being sent by another.
 */
async function claim(db: Db, messageId: string, worker: string | null): Promise<ClaimedMessage | null> {
  const claimed = await db
    .updateTable('messages')
    .set((eb) => ({ status: 'sending', claimed_at: new Date(), claimed_by: worker, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', messageId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb('status', '=', 'held'),
        eb.and([
          eb('status', '=', 'sending'),
          eb.or([
            eb('claimed_at', '<', sql<Date>`now() - make_interval(mins => ${claimLeaseMinutes})`),
            ...(worker ? [eb.and([eb('claimed_by', 'is not', null), eb('claimed_by', '<>', worker)])] : []),
          ]),
        ]),
      ]),
    )
    .returning(['id', 'brand_id', 'owner_id', 'channel', 'class', 'recipient', 'subject', 'body_text', 'body_html', 'created_at', 'expires_at'])
    .executeTakeFirst();
  if (!claimed) return null;
  const brand = await db.selectFrom('brands').select(['name', 'slug']).where('id', '=', claimed.brand_id).executeTakeFirstOrThrow();
  return { ...claimed, brand_name: brand.name, brand_slug: brand.slug };
}

/**
 * `deliver_message` hands one message to its transport, once. It is claimed first (a message already
 * sent or being sent is skipped); then the send-time policy decides, in the recipient's time zone,
 * whether it goes now, is held (its job comes back when it may go), expires or is suppressed, and the
 * message row says so with a reason. A transport failure is recorded and retried with backoff by the
 * queue; a text the provider refuses for good is marked failed. With no transport for the channel the
 * message is marked `logged`: it lives in the outbox only.
 */
export function messagingTasks(db: Db, transport: EmailTransport | null, fromAddress: string, options: DeliveryOptions = {}): { deliver_message: Task } {
  const publicUrl = (options.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const sms = options.sms ?? null;

  const finish = (message: ClaimedMessage, status: 'sent' | 'logged', providerId: string | null) =>
    inBrand(db, asBrandId(message.brand_id), async (scope) => {
      // A provider's receipt may have come in first (delivered): it stays.
      await scope.db
        .updateTable('messages')
        .set({ status: sql<MessageStatus>`case when status = 'sending' then ${status} else status end`, sent_at: new Date(), last_error: null, provider_id: providerId })
        .where('id', '=', message.id)
        .execute();
      await recordStatus(scope, message.id, status, 'transport', providerId);
    });

  const deliver: Task = async (payload, helpers) => {
    const { messageId } = deliverPayload.parse(payload);
    const message = await claim(db, messageId, (helpers as Partial<typeof helpers> | undefined)?.job?.locked_by ?? null);
    if (!message) return;

    const outcome = await applySendPolicy(db, message, { now: now(), publicUrl });
    if (outcome.kind !== 'send') return;

    const hasTransport = message.channel === 'email' ? transport !== null : sms !== null;
    if (!hasTransport) {
      await finish(message, 'logged', null);
      return;
    }
    try {
      if (message.channel === 'email') {
        await (transport as EmailTransport).send({
          from: { name: message.brand_name, address: fromAddress },
          to: message.recipient,
          subject: message.subject,
          text: message.body_text,
          html: message.body_html,
          messageId: `<${message.id}@openox>`,
          ...(outcome.unsubscribeUrl
            ? { headers: { 'List-Unsubscribe': `<${outcome.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
            : {}),
        });
        await finish(message, 'sent', null);
      } else {
        const texting = sms as SmsTransport;
        const sent = await texting.send({
          to: message.recipient,
          from: outcome.smsFrom ?? texting.defaultFrom,
          body: message.body_text,
          statusCallback: `${publicUrl}/webhooks/sms/${message.brand_slug}/status?message=${message.id}`,
          messageId: message.id,
        });
        await finish(message, 'sent', sent.providerId);
      }
    } catch (error) {
      const reason = String((error as Error).message ?? error).slice(0, 1000);
      const rejected = error instanceof SmsRejected;
      await inBrand(db, asBrandId(message.brand_id), async (scope) => {
        // A refusal is final; anything else goes back to the queue, whose job retries it with backoff.
        await scope.db
          .updateTable('messages')
          .set({ status: rejected ? 'failed' : 'queued', claimed_at: null, cleared_at: null, last_error: reason })
          .where('id', '=', message.id)
          .execute();
        await recordStatus(scope, message.id, rejected ? 'failed' : 'attempt_failed', 'transport', reason);
        if (rejected && error.providerCode === recipientUnsubscribedCode) await suppress(scope, 'sms', message.recipient, 'opted_out');
      });
      if (!rejected) throw error;
    }
  };
  return { deliver_message: deliver };
}
