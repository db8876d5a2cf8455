import type { Generated } from 'kysely';

export type MessageChannel = 'email' | 'sms';
/** Safety always goes; service ignores marketing consent but honours opt-outs; marketing needs opt-in. */
export type MessageClass = 'safety' | 'service' | 'marketing';
/**
 * The class of a queued message: a template's class, or compliance, the one reply an SMS keyword (STOP,
 * START, HELP) calls for, which reaches a number that has just opted out (no template has this class).
 */
export type QueuedMessageClass = MessageClass | 'compliance';
/**
 * `logged`: no transport is configured (development), so the message exists only in the outbox.
 * `suppressed`: the policy stopped it (an opt-out, bounce or complaint, or no marketing consent); `status_reason` says which.
 * `held`: waiting for quiet hours to end or a frequency cap to free, until `hold_until`; `expired`: it could not go while relevant.
 * `delivered` / `undelivered`: the SMS provider's receipt after it accepted the message.
 */
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'logged' | 'suppressed' | 'held' | 'expired' | 'delivered' | 'undelivered';
export const messageStatuses: readonly MessageStatus[] = ['queued', 'sending', 'sent', 'failed', 'logged', 'suppressed', 'held', 'expired', 'delivered', 'undelivered'];
/** Why a recipient gets nothing but safety notices on a channel. */
export type SuppressionReason = 'opted_out' | 'bounced' | 'complained';

export interface MessagingTables {
  messages: {
    id: Generated<string>;
    brand_id: string;
    owner_id: string | null;
    channel: MessageChannel;
    class: QueuedMessageClass;
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
    status_reason: string | null;
    hold_until: Date | null;
    expires_at: Date | null;
    cleared_at: Date | null;
    provider_id: string | null;
    claimed_by: string | null;
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
  message_status_events: {
    id: Generated<string>;
    brand_id: string;
    message_id: string;
    status: string;
    detail: string | null;
    source: 'policy' | 'transport' | 'provider';
    occurred_at: Generated<Date>;
  };
  messaging_settings: {
    brand_id: string;
    email_caps: unknown;
    sms_caps: unknown;
    email_quiet_hours: unknown;
    marketing_expiry_hours: number;
    sms_from: string | null;
    sms_program: string | null;
    sms_frequency: string | null;
    updated_at: Generated<Date>;
  };
  messaging_link_keys: {
    brand_id: string;
    key: Buffer;
    created_at: Generated<Date>;
  };
  sms_inbound: {
    id: Generated<string>;
    brand_id: string;
    provider_sid: string;
    from_number: string;
    to_number: string;
    body: string;
    keyword: 'stop' | 'start' | 'help' | null;
    received_at: Generated<Date>;
  };
}
