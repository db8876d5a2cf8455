import type { Task } from 'graphile-worker';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../platform/database/database.ts';
import { isSuppressed } from './suppressions.ts';

export interface Email {
  readonly from: { readonly name: string; readonly address: string };
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  /** Stable per message, so a receiving server can drop a copy sent again after a crash. */
  readonly messageId: string;
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
      });
    },
  };
}

const deliverPayload = z.object({ messageId: z.uuid() });
// Longer than any SMTP exchange takes: a message still "sending" after this was left by a crashed deliverer.
const claimLeaseMinutes = 10;

/**
 * Takes a queued message for sending, atomically: two deliverers (a retry racing a slow first try)
 * cannot both send it. Null when it is sent, logged, or being sent by another.
 */
async function claim(db: Db, messageId: string) {
  const claimed = await db
    .updateTable('messages')
    .set((eb) => ({ status: 'sending', claimed_at: new Date(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', messageId)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', sql<Date>`now() - make_interval(mins => ${claimLeaseMinutes})`)])]))
    .returning(['id', 'channel', 'class', 'recipient', 'subject', 'body_text', 'body_html', 'brand_id'])
    .executeTakeFirst();
  if (!claimed) return null;
  const brand = await db.selectFrom('brands').select('name').where('id', '=', claimed.brand_id).executeTakeFirstOrThrow();
  return { ...claimed, brand_name: brand.name };
}

/**
 * `deliver_message` hands one queued message to its transport, once: it is claimed first, a message
 * already sent or being sent is skipped, a failure is recorded and retried with backoff by the queue. With no transport (no SMTP
 * configured, or an SMS with no provider yet) the message is marked `logged`: it lives in the outbox only. A message to a
 * recipient who opted out of the channel (or bounced, or complained) is marked `suppressed` and not sent, unless it is a
 * safety notice: those go whatever the owner chose.
 */
export function messagingTasks(db: Db, transport: EmailTransport | null, fromAddress: string): { deliver_message: Task } {
  const deliver: Task = async (payload) => {
    const { messageId } = deliverPayload.parse(payload);
    const message = await claim(db, messageId);
    if (!message) return;

    if (message.class !== 'safety' && (await isSuppressed(db, message.brand_id, message.channel, message.recipient))) {
      await db.updateTable('messages').set({ status: 'suppressed' }).where('id', '=', messageId).execute();
      return;
    }
    if (message.channel !== 'email' || !transport) {
      await db.updateTable('messages').set({ status: 'logged' }).where('id', '=', messageId).execute();
      return;
    }
    try {
      await transport.send({
        from: { name: message.brand_name, address: fromAddress },
        to: message.recipient,
        subject: message.subject,
        text: message.body_text,
        html: message.body_html,
        messageId: `<${message.id}@openox>`,
      });
    } catch (error) {
      await db
        .updateTable('messages')
        .set({ status: 'queued', claimed_at: null, last_error: String((error as Error).message ?? error).slice(0, 1000) })
        .where('id', '=', messageId)
        .execute();
      throw error;
    }
    await db.updateTable('messages').set({ status: 'sent', sent_at: new Date(), last_error: null }).where('id', '=', messageId).execute();
  };
  return { deliver_message: deliver };
}
