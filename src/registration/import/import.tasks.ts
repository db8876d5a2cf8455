import type { Task } from 'graphile-worker';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import { stoppedMessage } from './imports.ts';

/** An unfinished import writes its progress at least every few seconds; this long without it, it has stopped. */
export const stalledAfterMs = 15 * 60 * 1000;

/**
 * The queue task `registration_import_sweep` (run it every few minutes from the crontab): an import
 * whose process ended mid-way (a restart, a crash, a dropped connection it never heard of) would
 * otherwise say "receiving" for ever. It is failed with the line it reached; everything before that
 * line stands, and importing the file again finishes it without importing anything twice.
 */
export function registrationImportTasks(db: Db): { registration_import_sweep: Task } {
  return {
    registration_import_sweep: async () => {
      await failStalledImports(db, new Date(Date.now() - stalledAfterMs));
    },
  };
}

/** Fails the unfinished imports, of every brand, that have not moved since `before`. */
export async function failStalledImports(db: Db, before: Date): Promise<number> {
  const result = await sql`
    update registration_imports
    set status = 'failed', error = ${stoppedMessage('the process running it ended (a restart, a crash or a lost connection)')}, finished_at = now(), updated_at = now()
    where status in ('receiving', 'importing') and updated_at < ${before}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
