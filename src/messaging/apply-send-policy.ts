import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { sql } from 'kysely';
import type { Db } from '../platform/database/database.ts';
import { type BrandScope, asBrandId, inBrand } from '../platform/database/tenancy.ts';
import { registrationSettingsOf } from '../registration/settings.ts';
import { defaultMessagingSettings, messagingSettingsOf, sendPolicyOf } from './settings/messaging-settings.ts';
import { recordStatus } from './status-history.ts';
import type { MessageChannel, QueuedMessageClass, SuppressionReason } from './tables.ts';
import { ownerLinks } from './unsubscribe/link-token.ts';
import { ownerTimeZones, usState } from './policy/owner-time-zone.ts';
import { type RecipientFacts, type SendDecision, sendDecision } from './policy/send-decision.ts';

/** A message a deliverer has claimed, with what sending it needs. */
export interface ClaimedMessage {
  readonly id: string;
  readonly brand_id: string;
  readonly brand_name: string;
  readonly brand_slug: string;
  readonly owner_id: string | null;
  readonly channel: MessageChannel;
  readonly class: QueuedMessageClass;
  readonly recipient: string;
  readonly subject: string;
  readonly body_text: string;
  readonly body_html: string | null;
  readonly created_at: Date;
  readonly expires_at: Date | null;
}

export type PolicyOutcome =
  | { readonly kind: 'send'; readonly unsubscribeUrl: string | null; readonly smsFrom: string | null }
  | { readonly kind: Exclude<SendDecision['kind'], 'send'> };

// The longest cap window a brand may set (messaging-settings.ts): older sends never count.
const longestCapHours = 24 * 90;

/**
 * Decides a claimed message's fate at send time and writes it down. A marketing message is decided under
 * a lock on its owner and channel, and a message let go is stamped `cleared_at` in the same transaction,
 * so two workers deciding two messages for one owner count each other against the caps. A hold puts the
 * delivery job back for the time it may go; held, expired and suppressed messages keep their reason.
 */
export function applySendPolicy(db: Db, message: ClaimedMessage, context: { readonly now: Date; readonly publicUrl: string }): Promise<PolicyOutcome> {
  const { now } = context;
  return inBrand(db, asBrandId(message.brand_id), async (scope) => {
    const marketing = message.class === 'marketing' && message.owner_id !== null;
    if (marketing) await sql`select pg_advisory_xact_lock(hashtextextended(${`marketing:${message.owner_id}:${message.channel}`}, 0))`.execute(scope.db);
    // Only marketing is held to the brand's rules, and only a text needs its sender: others skip the read.
    const settings = message.class === 'marketing' || message.channel === 'sms' ? await messagingSettingsOf(scope) : defaultMessagingSettings;
    const facts = await recipientFacts(scope, message, now);
    const decision = sendDecision(
      { class: message.class, channel: message.channel, createdAt: message.created_at, expiresAt: message.expires_at },
      facts,
      sendPolicyOf(settings),
      now,
    );

    if (decision.kind === 'send') {
      if (message.class === 'marketing') {
        await scope.db.updateTable('messages').set({ cleared_at: now, status_reason: null, hold_until: null }).where('id', '=', message.id).execute();
      }
      const unsubscribeUrl = message.class === 'marketing' && message.channel === 'email' && message.owner_id
        ? (await ownerLinks(scope, context.publicUrl, message.brand_slug, message.owner_id, 'email')).unsubscribeUrl
        : null;
      return { kind: 'send', unsubscribeUrl, smsFrom: settings.smsFrom };
    }

    const status = decision.kind === 'hold' ? 'held' : decision.kind === 'expire' ? 'expired' : 'suppressed';
    await scope.db
      .updateTable('messages')
      .set({ status, status_reason: decision.reason, hold_until: decision.kind === 'hold' ? decision.until : null, claimed_at: null, cleared_at: null })
      .where('id', '=', message.id)
      .execute();
    if (decision.kind === 'hold') await sql`select schedule_message_delivery(${message.id}::uuid, ${decision.until})`.execute(scope.db);
    await recordStatus(scope, message.id, status, 'policy', decision.kind === 'hold' ? `${decision.reason} until ${decision.until.toISOString()}` : decision.reason);
    return { kind: decision.kind };
  });
}

/** What the policy needs to know about the recipient: suppression, consent, where they live, and what marketing they already got. */
async function recipientFacts(scope: BrandScope, message: ClaimedMessage, now: Date): Promise<RecipientFacts> {
  // Safety notices and keyword replies go whatever is known about the recipient.
  if (message.class === 'safety' || message.class === 'compliance') return { suppression: null, owner: null, marketingSent: [] };
  const suppression = await scope.db
    .selectFrom('suppressions')
    .select('reason')
    .where('brand_id', '=', scope.brandId)
    .where('channel', '=', message.channel)
    .where('recipient', '=', message.recipient.trim().toLowerCase())
    .executeTakeFirst();
  const base = { suppression: (suppression?.reason ?? null) as SuppressionReason | null };
  // Service needs only the suppression.
  if (message.class !== 'marketing' || !message.owner_id) return { ...base, owner: null, marketingSent: [] };

  const owner = await scope.db
    .selectFrom('owners')
    .select(['safety_only', 'country', 'region', 'postal_code', 'time_zone'])
    .where('id', '=', message.owner_id)
    .executeTakeFirst();
  if (!owner) return { ...base, owner: null, marketingSent: [] };
  const consent = await scope.db
    .selectFrom('owner_consents')
    .select('granted')
    .where('owner_id', '=', message.owner_id)
    .where('channel', '=', message.channel)
    .executeTakeFirst();
  const sent = await scope.db
    .selectFrom('messages')
    .select('cleared_at')
    .where('brand_id', '=', scope.brandId)
    .where('owner_id', '=', message.owner_id)
    .where('channel', '=', message.channel)
    .where('class', '=', 'marketing')
    .where('cleared_at', '>', new Date(now.getTime() - longestCapHours * 3_600_000))
    .where('id', '<>', message.id)
    .execute();

  // An owner with no country on record is placed by their phone number's, else the brand's first registration country.
  const country = owner.country
    ?? (message.channel === 'sms' ? parsePhoneNumberFromString(message.recipient)?.country : undefined)
    ?? (await registrationSettingsOf(scope)).countries[0]
    ?? null;
  const whereabouts = { timeZone: owner.time_zone, country, region: owner.region, postalCode: owner.postal_code };
  return {
    ...base,
    owner: {
      consent: consent?.granted ?? null,
      safetyOnly: owner.safety_only,
      timeZones: ownerTimeZones(whereabouts),
      country,
      state: country === 'US' ? usState(whereabouts) : null,
    },
    marketingSent: sent.map((row) => row.cleared_at as Date),
  };
}
