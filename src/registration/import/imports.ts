import { sql } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../../access/audit.ts';
import type { Actor } from '../../access/principal.ts';
import type { Db } from '../../platform/database/database.ts';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { keysetPage } from '../../platform/http/pagination.ts';
import type { ImportRecord } from './apply.ts';

export const importStatuses = ['receiving', 'importing', 'done', 'failed'] as const;

export const importView = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    status: z.enum(importStatuses).meta({
      description: 'receiving: the file is arriving and its lines are imported as they come; importing: the last lines are being written; done; failed (see error).',
    }),
    rowsReceived: z.number().int().meta({ description: 'Data lines read from the file so far, good and bad.' }),
    rowsImported: z.number().int(),
    rowsRejected: z.number().int().meta({ description: 'Lines not imported; GET .../rejections says why, line by line.' }),
    rowsAlreadyRegistered: z.number().int().meta({ description: 'Lines whose unit was already registered to the same email: skipped, nothing to fix.' }),
    error: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'RegistrationImport' });
export type ImportView = z.output<typeof importView>;

export const rejectionView = z
  .object({
    line: z.number().int().meta({ description: 'The line of the file, counting the header as line 1.' }),
    reason: z.string(),
    raw: z.string().meta({ description: 'The line as it was in the file (at most 1 KB of it).' }),
  })
  .meta({ id: 'RegistrationImportRejection' });
export type RejectionView = z.output<typeof rejectionView>;

export function toImportView(record: ImportRecord): ImportView {
  return {
    id: record.id,
    fileName: record.file_name,
    status: record.status,
    rowsReceived: record.rows_received,
    rowsImported: record.rows_imported,
    rowsRejected: record.rows_rejected,
    rowsAlreadyRegistered: record.rows_already_registered,
    error: record.error,
    createdBy: record.created_by,
    createdAt: record.created_at.toISOString(),
    finishedAt: record.finished_at?.toISOString() ?? null,
  };
}

export interface NewImport {
  readonly fileName: string;
  readonly header: string;
  readonly consentWording: string | null;
  /** How many lanes will write it (each keeps its own progress). */
  readonly lanes: number;
}

export async function createImport(scope: BrandScope, actor: Actor, input: NewImport): Promise<ImportRecord> {
  const record = await scope.db
    .insertInto('registration_imports')
    .values({
      brand_id: scope.brandId,
      file_name: input.fileName.slice(0, 255),
      header: input.header,
      consent_wording: input.consentWording,
      through_lines: Array.from({ length: input.lanes }, () => 1),
      created_by: actor.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(scope, actor, {
    action: 'registration_import.started',
    subjectType: 'registration_import',
    subjectId: record.id,
    changes: { fileName: record.file_name, consentWording: record.consent_wording },
  });
  return record;
}

export async function getImportRecord(scope: BrandScope, id: string): Promise<ImportRecord> {
  const record = await scope.db.selectFrom('registration_imports').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', id).executeTakeFirst();
  if (!record) throw new ApiError('not_found', 'There is no registration import with this id in your brand.');
  return record;
}

export async function listImports(scope: BrandScope, page: { readonly limit: number; readonly cursor?: string | undefined }) {
  return keysetPage(scope.db.selectFrom('registration_imports').selectAll().where('brand_id', '=', scope.brandId), page, toImportView);
}

/** Rejected lines in file order, a page at a time; the cursor is the last line of the page before. */
export async function listRejections(scope: BrandScope, importId: string, page: { readonly limit: number; readonly cursor?: string | undefined }) {
  await getImportRecord(scope, importId);
  const rows = await rejectionsAfter(scope, importId, lineCursor(page.cursor), page.limit + 1);
  const data = rows.slice(0, page.limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > page.limit && last ? Buffer.from(`line:${last.line}`).toString('base64url') : null };
}

function lineCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^line:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ApiError('invalid_cursor');
  return Number(match[1]);
}

/** Up to `limit` rejected lines after file line `afterLine`, in file order. */
export async function rejectionsAfter(scope: BrandScope, importId: string, afterLine: number, limit: number): Promise<RejectionView[]> {
  return scope.db
    .selectFrom('registration_import_rejections')
    .select(['line', 'reason', 'raw'])
    .where('brand_id', '=', scope.brandId)
    .where('import_id', '=', importId)
    .where('line', '>', afterLine)
    .orderBy('line')
    .limit(limit)
    .execute();
}

/** The file's last lines have arrived: what is left is writing them. */
export async function markImporting(scope: BrandScope, importId: string): Promise<void> {
  await scope.db.updateTable('registration_imports').set({ status: 'importing', updated_at: new Date() }).where('id', '=', importId).where('status', '=', 'receiving').execute();
}

/** Ends an unfinished import as failed, saying why (`because ${why}`); what it applied stays applied. */
export async function failImport(scope: BrandScope, importId: string, why: string): Promise<void> {
  await sql`
    update registration_imports set status = 'failed', error = ${stoppedMessage(why)}, finished_at = now(), updated_at = now()
    where id = ${importId} and status in ('receiving', 'importing')`.execute(scope.db);
}

/** Why an import stopped, and what to do, as an SQL text expression over the import's row. */
export function stoppedMessage(why: string) {
  return sql<string>`
    'The import stopped after line ' || (select min(line) from unnest(through_lines) as lane (line)) || ' because ' || ${why} || '. ' ||
    'Every line up to there is imported or listed as rejected. ' ||
    'Import the file again to finish: lines already imported are counted as already registered, never imported twice.'`;
}

/**
 * Samples the tables an import writes, for the query planner. Maintenance rather than tenant work,
 * so it runs as the database owner; a login that does not own them is skipped with a warning.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await sql`analyze owners, ownerships`.execute(db);
}
