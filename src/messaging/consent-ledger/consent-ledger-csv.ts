import { type ConsentLedgerCursor, type ConsentLedgerFilter, type ConsentLedgerLine, consentLedgerBatch } from '../../owners/consents.ts';
import type { Db } from '../../platform/database/database.ts';
import { type BrandId, inBrand } from '../../platform/database/tenancy.ts';

const header = ['recorded_at', 'owner_id', 'owner_email', 'channel', 'decision', 'source', 'ip', 'user_agent', 'language', 'wording_version', 'wording'];

/**
 * A CSV field: quoted when it must be, and with a leading apostrophe when a spreadsheet would read it
 * as a formula (a user agent or a wording is text someone else wrote).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function consentLedgerLine(line: ConsentLedgerLine): string {
  return [
    line.recordedAt.toISOString(),
    line.ownerId,
    line.ownerEmail,
    line.channel,
    line.granted ? 'granted' : 'withdrawn',
    line.source,
    line.ip ?? '',
    line.userAgent ?? '',
    line.language,
    line.wordingVersion,
    line.wording,
  ].map(csvField).join(',') + '\r\n';
}

/**
 * The consent ledger as CSV evidence, oldest first (by when each answer was given): per owner or brand-wide, within a time range. Read a
 * batch at a time, each in its own short transaction, so an export of any size holds neither memory nor
 * a transaction open.
 */
export async function* consentLedgerCsv(db: Db, brandId: BrandId, filter: ConsentLedgerFilter, batch = 5000): AsyncGenerator<string> {
  yield `${header.join(',')}\r\n`;
  for (let after: ConsentLedgerCursor | null = null; ; ) {
    const { lines, cursor }: { lines: ConsentLedgerLine[]; cursor: ConsentLedgerCursor | null } = await inBrand(db, brandId, (scope) => consentLedgerBatch(scope, filter, after, batch));
    if (lines.length > 0) yield lines.map(consentLedgerLine).join('');
    if (lines.length < batch) return;
    after = cursor;
  }
}
