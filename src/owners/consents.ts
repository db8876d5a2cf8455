import { createHash } from 'node:crypto';
import { sql } from 'kysely';
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

/** One line of the consent ledger as evidence: what was agreed or withdrawn, when, how, from where, in which words. */
export interface ConsentLedgerLine {
  readonly id: string;
  readonly recordedAt: Date;
  readonly ownerId: string;
  readonly ownerEmail: string;
  readonly channel: ConsentChannel;
  readonly granted: boolean;
  readonly source: ConsentSource;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly language: string;
  readonly wordingVersion: string;
  readonly wording: string;
}

export interface ConsentLedgerFilter {
  readonly ownerId?: string | undefined;
  /** Records at or after this instant. */
  readonly from?: Date | undefined;
  /** Records before this instant. */
  readonly to?: Date | undefined;
}

/** Where a batch of the ledger ends: the last line's time to the microsecond (a Date keeps milliseconds) and id. */
export interface ConsentLedgerCursor {
  readonly recordedAt: string;
  readonly id: string;
}

/**
 * A batch of the ledger in time order, after `after` (null: from the start), with the cursor of its last
 * line: the export reads it a batch at a time, so a brand's ledger never sits in memory.
 */
export async function consentLedgerBatch(
  scope: BrandScope,
  filter: ConsentLedgerFilter,
  after: ConsentLedgerCursor | null,
  limit: number,
): Promise<{ lines: ConsentLedgerLine[]; cursor: ConsentLedgerCursor | null }> {
  const rows = await scope.db
    .selectFrom('consent_records as c')
    .innerJoin('owners as o', 'o.id', 'c.owner_id')
    .select(['c.id', 'c.recorded_at', 'c.owner_id', 'o.email', 'c.channel', 'c.granted', 'c.source', 'c.ip', 'c.user_agent', 'c.language', 'c.wording_version', 'c.wording'])
    .select(sql<string>`to_char(c.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_time'))
    .where('c.brand_id', '=', scope.brandId)
    .$if(filter.ownerId !== undefined, (q) => q.where('c.owner_id', '=', filter.ownerId as string))
    .$if(filter.from !== undefined, (q) => q.where('c.recorded_at', '>=', filter.from as Date))
    .$if(filter.to !== undefined, (q) => q.where('c.recorded_at', '<', filter.to as Date))
    .$if(after !== null, (q) => q.where(sql<boolean>`(c.recorded_at, c.id) > (${after?.recordedAt}::timestamptz, ${after?.id}::uuid)`))
    .orderBy('c.recorded_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  const last = rows.at(-1);
  const lines = rows.map((row) => ({
    id: row.id,
    recordedAt: row.recorded_at,
    ownerId: row.owner_id,
    ownerEmail: row.email,
    channel: row.channel,
    granted: row.granted,
    source: row.source,
    ip: row.ip,
    userAgent: row.user_agent,
    language: row.language,
    wordingVersion: row.wording_version,
    wording: row.wording,
  }));
  return { lines, cursor: last ? { recordedAt: last.cursor_time, id: last.id } : null };
}
