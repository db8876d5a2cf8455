import { createHash } from 'node:crypto';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import type { ConsentChannel, ConsentSource } from './tables.ts';

export const consentChannels: readonly ConsentChannel[] = ['email', 'sms'];

/** The exact words a consent was given or withdrawn under, and their version. */
export interface ConsentWording {
  readonly text: string;
  readonly language: string;
}

/** Where a consent came from, kept as evidence with it. */
export interface ConsentEvidence {
  readonly source: ConsentSource;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** The version of a wording: its text's fingerprint, so any change of words is a new version. */
export function wordingVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export type ConsentState = Readonly<Record<ConsentChannel, boolean | null>>;

/** Each channel's latest answer: granted, withdrawn (false) or never asked (null). */
export async function consentStateOf(scope: BrandScope, ownerId: string): Promise<ConsentState> {
  const rows = await scope.db.selectFrom('owner_consents').select(['channel', 'granted']).where('owner_id', '=', ownerId).execute();
  const state: Record<ConsentChannel, boolean | null> = { email: null, sms: null };
  for (const row of rows) state[row.channel] = row.granted;
  return state;
}

/**
 * Records a consent answer when it changes the owner's state (a first answer always does), with its
 * words and evidence, and publishes `consent.changed`. Returns whether anything was recorded.
 */
export async function recordConsent(
  scope: BrandScope,
  ownerId: string,
  channel: ConsentChannel,
  granted: boolean,
  wording: ConsentWording,
  evidence: ConsentEvidence,
  current: ConsentState,
): Promise<boolean> {
  if (current[channel] === granted) return false;
  const version = wordingVersion(wording.text);
  await scope.db
    .insertInto('consent_records')
    .values({
      brand_id: scope.brandId,
      owner_id: ownerId,
      channel,
      granted,
      wording: wording.text,
      wording_version: version,
      language: wording.language,
      source: evidence.source,
      ip: evidence.ip,
      user_agent: evidence.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  await publishEvent(scope, { type: 'consent.changed', subjectType: 'owner', subjectId: ownerId, payload: { ownerId, channel, granted, wordingVersion: version, source: evidence.source } });
  return true;
}
