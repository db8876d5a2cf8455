import type { Generated } from 'kysely';

export type MessageChannel = 'email' | 'sms';
/** Safety always goes; service ignores marketing consent but honours opt-outs; marketing needs opt-in. */
export type MessageClass = 'safety' | 'service' | 'marketing';
/**
 * `logged`: no transport is configured (development), so the message exists only in the outbox.
 * `suppressed`: the recipient opted out of the channel (or bounced, or complained), so it was not sent.
 */
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'logged' | 'suppressed';
/** Why a recipient gets nothing but safety notices on a channel. */
export type SuppressionReason = 'opted_out' | 'bounced' | 'complained';

export interface MessagingTables {
  messages: {
    id: Generated<string>;
    brand_id: string;
    owner_id: string | null;
    channel: MessageChannel;
    class: MessageClass;
    template: string;
    dedupe_key: string;
    recipient: string;
    subject: Generated<string>;
    body_text: string;
    body_html: string | null;
    status: Generated<MessageStatus>;
    attempts: Generated<number>;
    claimed_at: Date | null;
    last_error: string | null;
    created_at: Generated<Date>;
    sent_at: Date | null;
  };
  suppressions: {
    id: Generated<string>;
    brand_id: string;
    channel: MessageChannel;
    /** Lower-cased: an email address or an E.164 phone number. */
    recipient: string;
    reason: SuppressionReason;
    created_at: Generated<Date>;
  };
}
