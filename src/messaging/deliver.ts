import type { Task } from 'graphile-worker';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Db } from '../platform/database/database.ts';

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

/**
 * `deliver_message` hands one queued message to its transport, once: a message already sent is
 * skipped, a failure is recorded and retried with backoff by the queue. With no transport (no SMTP
 * configured, or an SMS with no provider yet) the message is marked `logged`: it lives in the outbox only.
 */
export function messagingTasks(db: Db, transport: EmailTransport | null, fromAddress: string): { deliver_message: Task } {
  const deliver: Task = async (payload) => {
    const { messageId } = deliverPayload.parse(payload);
    const message = await db
      .selectFrom('messages as m')
      .innerJoin('brands as b', 'b.id', 'm.brand_id')
      .select(['m.id', 'm.channel', 'm.status', 'm.recipient', 'm.subject', 'm.body_text', 'm.body_html', 'b.name as brand_name'])
      .where('m.id', '=', messageId)
      .executeTakeFirst();
    if (!message || message.status !== 'queued') return;

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
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String((error as Error).message ?? error).slice(0, 1000) }))
        .where('id', '=', messageId)
        .execute();
      throw error;
    }
    await db
      .updateTable('messages')
      .set((eb) => ({ status: 'sent', sent_at: new Date(), attempts: eb('attempts', '+', 1), last_error: null }))
      .where('id', '=', messageId)
      .execute();
  };
  return { deliver_message: deliver };
}
