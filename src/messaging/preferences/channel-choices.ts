import { type ConsentEvidence, type ConsentState, type ConsentWording, consentChannels, consentStateOf, recordConsent } from '../../owners/consents.ts';
import { type RecognisedOwner, ownerById } from '../../owners/owner-session.ts';
import { type BrandSite, brandSiteById } from '../../owner-site/brand-site.ts';
import type { Db } from '../../platform/database/database.ts';
import { type BrandScope, asBrandId, inBrand } from '../../platform/database/tenancy.ts';
import { isKnownTimeZone, ownerTimeZones } from '../policy/owner-time-zone.ts';
import { liftOptOut, suppress, suppressionsOf } from '../suppressions.ts';
import type { MessageChannel, SuppressionReason } from '../tables.ts';
import { claimedSubject, isSignedWith, linkKeyOf } from '../unsubscribe/link-token.ts';

/** Everything the preference centre shows and changes for one owner. */
export interface ChannelChoices {
  /** Marketing consent per channel: granted, withdrawn, or never asked (null). */
  readonly consents: ConsentState;
  /** Hard opt-outs (and bounces or complaints) standing per channel. */
  readonly stops: Partial<Record<MessageChannel, SuppressionReason>>;
  /** The zone the owner chose, or null when it is worked out from their address. */
  readonly chosenTimeZone: string | null;
  /** The zone OpenOX works out from the address, shown as the automatic choice. */
  readonly addressTimeZone: string;
}

export async function channelChoicesOf(scope: BrandScope, owner: RecognisedOwner): Promise<ChannelChoices> {
  const row = await scope.db.selectFrom('owners').select('time_zone').where('id', '=', owner.id).executeTakeFirstOrThrow();
  return {
    consents: await consentStateOf(scope, owner.id),
    stops: await suppressionsOf(scope, { email: owner.email, phone: owner.phone }),
    chosenTimeZone: row.time_zone,
    addressTimeZone: ownerTimeZones({ timeZone: null, country: owner.country, region: owner.region, postalCode: owner.postalCode })[0] as string,
  };
}

/** What the owner ticked on the preference centre's form. */
export interface ChosenChannels {
  readonly marketing: Readonly<Record<MessageChannel, boolean>>;
  readonly stop: Readonly<Record<MessageChannel, boolean>>;
  /** An IANA zone, or null for "work it out from my address". */
  readonly timeZone: string | null;
}

/**
 * Saves the owner's choices. A marketing consent is recorded only when it changes (an untouched box
 * that was never ticked stays "never asked"), with the words the box showed and where it came from; a
 * safety-only owner has no marketing choice to make. A stop is the owner's own opt-out: ticking it
 * suppresses the channel, unticking lifts it (a bounce or complaint is not theirs to lift).
 */
export async function saveChannelChoices(
  scope: BrandScope,
  owner: RecognisedOwner,
  chosen: ChosenChannels,
  wordings: Readonly<Record<MessageChannel, ConsentWording>>,
  evidence: ConsentEvidence,
): Promise<void> {
  const addresses: Record<MessageChannel, string | null> = { email: owner.email, sms: owner.phone };
  if (!owner.safetyOnly) {
    const current = await consentStateOf(scope, owner.id);
    for (const channel of consentChannels) {
      const wanted = chosen.marketing[channel] && addresses[channel] !== null;
      if (wanted || current[channel] === true) await recordConsent(scope, owner.id, channel, wanted, wordings[channel], evidence, current);
    }
  }
  for (const channel of ['email', 'sms'] as const) {
    const address = addresses[channel];
    if (address === null) continue;
    if (chosen.stop[channel]) await suppress(scope, channel, address, 'opted_out');
    else await liftOptOut(scope, channel, address);
  }
  const timeZone = chosen.timeZone && isKnownTimeZone(chosen.timeZone) ? chosen.timeZone : null;
  await scope.db.updateTable('owners').set({ time_zone: timeZone }).where('id', '=', owner.id).where('time_zone', 'is distinct from', timeZone).execute();
}

/** Withdraws the owner's marketing consent on one channel (an unsubscribe link). Whether anything changed. */
export async function unsubscribe(scope: BrandScope, ownerId: string, channel: MessageChannel, wording: ConsentWording, evidence: ConsentEvidence): Promise<boolean> {
  return recordConsent(scope, ownerId, channel, false, wording, evidence, await consentStateOf(scope, ownerId));
}

/** The brand and owner a link token stands for, once its signature is checked; null for a forged or stale one. */
export async function ownerOfLinkToken(db: Db, token: string): Promise<{ brand: BrandSite; owner: RecognisedOwner; channel: MessageChannel } | null> {
  const subject = claimedSubject(token);
  if (!subject) return null;
  const brand = await brandSiteById(db, subject.brandId);
  if (!brand) return null;
  const owner = await inBrand(db, asBrandId(subject.brandId), async (scope) => (isSignedWith(token, await linkKeyOf(scope)) ? ownerById(scope, subject.ownerId) : null));
  return owner ? { brand, owner, channel: subject.channel } : null;
}
