import type { MessageChannel, QueuedMessageClass, SuppressionReason } from '../tables.ts';
import { type FrequencyCap, capsFreeAt } from './frequency-caps.ts';
import { type WeeklyHours, hoursOutside, nextAllowedInstant } from './sending-hours.ts';
import { smsHoursFor } from './sms-hours.ts';

/** What the policy needs to know about the message itself. */
export interface PolicyMessage {
  readonly class: QueuedMessageClass;
  readonly channel: MessageChannel;
  readonly createdAt: Date;
  /** Null: the brand's default for marketing, never for other classes. */
  readonly expiresAt: Date | null;
}

/** What is known about the recipient at send time. */
export interface RecipientFacts {
  /** A hard opt-out, bounce or complaint standing against the address on this channel. */
  readonly suppression: SuppressionReason | null;
  /** Null when the message is to an address with no owner behind it. */
  readonly owner: {
    /** The latest consent answer on this channel: granted, withdrawn, or never asked (null). */
    readonly consent: boolean | null;
    readonly safetyOnly: boolean;
    /** Where the owner may be, most likely first (see ownerTimeZones). */
    readonly timeZones: readonly string[];
    readonly country: string | null;
    /** The US state, for the states' own texting hours. */
    readonly state: string | null;
  } | null;
  /** When the marketing messages this owner already got on this channel were let go (the caps' window and more). */
  readonly marketingSent: readonly Date[];
}

/** The brand's rules for marketing on one channel and in general. */
export interface SendPolicy {
  readonly caps: Readonly<Record<MessageChannel, readonly FrequencyCap[]>>;
  readonly emailQuietHours: { readonly start: string; readonly end: string } | null;
  /** How long a marketing message stays worth sending when it says nothing itself. */
  readonly marketingExpiryHours: number;
}

export type SuppressReason = SuppressionReason | 'no_owner' | 'safety_only' | 'no_consent' | 'consent_withdrawn';
export type HoldReason = 'quiet_hours' | 'frequency_cap';

export type SendDecision =
  | { readonly kind: 'send' }
  | { readonly kind: 'suppress'; readonly reason: SuppressReason }
  | { readonly kind: 'hold'; readonly until: Date; readonly reason: HoldReason }
  | { readonly kind: 'expire'; readonly reason: HoldReason | 'past_expiry' };

const send: SendDecision = { kind: 'send' };

/** The hours a marketing message on `channel` may reach this recipient. */
export function marketingHours(channel: MessageChannel, owner: NonNullable<RecipientFacts['owner']>, policy: SendPolicy): WeeklyHours {
  return channel === 'sms' ? smsHoursFor(owner.country, owner.state).hours : hoursOutside(policy.emailQuietHours);
}

/**
 * Whether a message goes now, and if not, why and what becomes of it. Safety notices always go; the
 * reply to an SMS keyword always goes. Everything else honours a hard opt-out, bounce or complaint.
 * Service messages need no marketing consent and are exempt from caps and quiet hours. Marketing needs
 * the channel's opt-in from an owner whose data is not for safety only, fits under the frequency caps
 * and goes in the owner's sending hours: otherwise it is held until it may go, or expires if that is
 * after it stops being relevant.
 */
export function sendDecision(message: PolicyMessage, recipient: RecipientFacts, policy: SendPolicy, now: Date): SendDecision {
  if (message.class === 'safety' || message.class === 'compliance') return send;
  if (recipient.suppression) return { kind: 'suppress', reason: recipient.suppression };
  if (message.class === 'service') {
    return message.expiresAt && message.expiresAt.getTime() <= now.getTime() ? { kind: 'expire', reason: 'past_expiry' } : send;
  }

  const owner = recipient.owner;
  if (!owner) return { kind: 'suppress', reason: 'no_owner' };
  if (owner.safetyOnly) return { kind: 'suppress', reason: 'safety_only' };
  if (owner.consent === null) return { kind: 'suppress', reason: 'no_consent' };
  if (!owner.consent) return { kind: 'suppress', reason: 'consent_withdrawn' };

  const expiresAt = message.expiresAt ?? new Date(message.createdAt.getTime() + policy.marketingExpiryHours * 3_600_000);
  if (expiresAt.getTime() <= now.getTime()) return { kind: 'expire', reason: 'past_expiry' };

  const capsFree = capsFreeAt(recipient.marketingSent, policy.caps[message.channel], now);
  const reason: HoldReason = capsFree.getTime() > now.getTime() ? 'frequency_cap' : 'quiet_hours';
  const goes = nextAllowedInstant(capsFree, owner.timeZones, marketingHours(message.channel, owner, policy));
  if (goes === null || goes.getTime() >= expiresAt.getTime()) return { kind: 'expire', reason };
  if (goes.getTime() <= now.getTime()) return send;
  return { kind: 'hold', until: goes, reason };
}
