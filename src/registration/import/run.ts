import type { Readable } from 'node:stream';
import type { Actor } from '../../access/principal.ts';
import { wordingVersion } from '../../owners/consents.ts';
import type { Db } from '../../platform/database/database.ts';
import { type BrandId, inBrand } from '../../platform/database/tenancy.ts';
import { invalidField } from '../../platform/http/errors.ts';
import { type ImportTarget, ImportStopped, finishImport } from './apply.ts';
import { loadImportCatalog } from './catalog.ts';
import { type CsvLine, readCsvLines } from './csv-lines.ts';
import { readHeader } from './header.ts';
import { type ImportView, createImport, failImport, markImporting, toImportView } from './imports.ts';
import { ImportLanes } from './lanes.ts';
import { checkRow } from './row.ts';

export interface ImportRequest {
  readonly csv: Readable;
  readonly fileName: string;
  /** The words owners agreed to, for the file's consent columns; required when it has any. */
  readonly consentWording: string | null;
  /** Who started it: named on the import and in the audit log. */
  readonly actor: Actor;
  /** Once the import exists (after its header was read). */
  readonly onStarted?: (view: ImportView) => void;
  /** After every chunk is written: the import's counts so far. */
  readonly onProgress?: (view: ImportView) => void;
  /** Why reading the file failed, in words for its owner; database failures are called ours. */
  readonly describeFailure?: (error: unknown) => string | null;
  /** Lines read between writes, over all lanes (default: 10,000 per lane). */
  readonly chunkRows?: number;
  /** How many transactions write side by side: 2 uses both of two cores (PostgreSQL does the heavy part). */
  readonly lanes?: number;
}

const ninetyDaysMs = 90 * 24 * 60 * 60 * 1000;
const flushEveryMs = 5000;
const maxWordingLength = 5000;

/**
 * Imports a CSV file of historical registrations for one brand while it streams in: each line is
 * checked and normalised in memory, then written with the lines around it in chunks of `chunkRows`,
 * one transaction per lane (see ImportLanes). The next chunk is read while the database writes the last.
 *
 * A header the import cannot use fails with a 400 before anything is created. Once created, an
 * import that fails part-way is marked failed with the line it reached: everything before that line
 * is applied or listed as rejected, and importing the file again imports nothing twice.
 */
export async function importRegistrations(db: Db, brandId: BrandId, request: ImportRequest): Promise<ImportView> {
  const now = new Date();
  const lines = readCsvLines(request.csv);
  try {
    const header = await readHeaderLine(lines);
    const check = readHeader(header.fields);
    if (!check.ok) throw invalidField('file', check.reason);
    const wording = request.consentWording?.trim() || null;
    if (check.hasConsentColumns && !wording) {
      throw invalidField('consentWording', 'The file has consent columns: give the words the owners agreed to, so each consent is kept with its wording.');
    }
    if (wording && wording.length > maxWordingLength) throw invalidField('consentWording', `At most ${maxWordingLength} characters.`);
    const consentWording = check.hasConsentColumns && wording ? wording : null;

    const catalog = await inBrand(db, brandId, loadImportCatalog);
    const laneCount = request.lanes ?? 2;
    const record = await inBrand(db, brandId, (scope) =>
      createImport(scope, request.actor, { fileName: request.fileName, header: header.raw, consentWording, lanes: laneCount }),
    );
    const target: ImportTarget = {
      importId: record.id,
      enjoyingBefore: new Date(now.getTime() - ninetyDaysMs),
      consentWording: consentWording ? { text: consentWording, version: wordingVersion(consentWording) } : null,
    };
    request.onStarted?.(toImportView(record));

    const lanes = new ImportLanes(db, brandId, target, laneCount, 1, (written) => request.onProgress?.(toImportView(written)));
    const chunkRows = request.chunkRows ?? 10_000 * laneCount;
    let lastFlush = Date.now();
    try {
      for await (const line of lines) {
        if (line.kind === 'malformed') lanes.reject(line.line, line.reason, line.raw);
        else {
          const row = checkRow(line.fields, check.positions, catalog, now);
          if (row.ok) lanes.add(line.line, row.row, line.raw);
          else lanes.reject(line.line, row.reason, line.raw);
        }
        // A slow upload still shows progress, and keeps the sweep of stopped imports away.
        if (lanes.pending >= chunkRows || Date.now() - lastFlush > flushEveryMs) {
          lastFlush = Date.now();
          await lanes.flush();
        }
      }
      await lanes.written();
      await inBrand(db, brandId, (scope) => markImporting(scope, target.importId));
      await lanes.flush();
      await lanes.written();
      return toImportView(await finishImport(db, brandId, target.importId));
    } catch (error) {
      await lanes.written().catch(() => {});
      if (!(error instanceof ImportStopped)) {
        const why = (isDatabaseError(error) ? null : request.describeFailure?.(error)) ?? 'of an error on our side (it has been logged)';
        await inBrand(db, brandId, (scope) => failImport(scope, target.importId, why));
      }
      throw error;
    }
  } finally {
    await lines.return(undefined); // stops reading an upload that is turned away
  }
}

/** The first record: the column names. */
async function readHeaderLine(lines: AsyncGenerator<CsvLine>): Promise<{ fields: string[]; raw: string }> {
  const first = await lines.next();
  if (first.done) throw invalidField('file', 'The file is empty. Its first line must name the columns, e.g. email,name,gtin,serial.');
  if (first.value.kind === 'malformed') throw invalidField('file', `The first line, which names the columns, cannot be read: ${first.value.reason}`);
  return first.value;
}

// PostgreSQL's errors carry a severity; a file that could not be read to its end does not.
function isDatabaseError(error: unknown): boolean {
  return typeof (error as { severity?: unknown } | null)?.severity === 'string';
}
