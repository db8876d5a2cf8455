import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMigrations as runQueueMigrations } from 'graphile-worker';
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type pg from 'pg';
import type { Db } from './database.ts';

const sourceRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Migrations are plain SQL files in each capability's `migrations/` folder, applied in the order of
 * their numbered names across all folders, each in its own transaction.
 */
export async function findMigrationFiles(root = sourceRoot): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.sql') || path.basename(entry.parentPath) !== 'migrations') continue;
    const name = entry.name.slice(0, -'.sql'.length);
    if (files.has(name)) throw new Error(`Two migrations are named ${name}; migration names must be unique.`);
    files.set(name, path.join(entry.parentPath, entry.name));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

const sqlFileProvider: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    for (const [name, file] of await findMigrationFiles()) {
      const text = await readFile(file, 'utf8');
      migrations[name] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return migrations;
  },
};

/** Brings the database to the newest schema: the job queue's tables, then OpenOX's own. Safe to run concurrently. */
export async function migrate(db: Db, pool: pg.Pool): Promise<string[]> {
  await runQueueMigrations({ pgPool: pool });
  const { error, results } = await new Migrator({ db, provider: sqlFileProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // The tenant role may read and write what the migrations made; row-level security decides which rows.
  await sql`grant usage on schema public to openox_app;
            grant select, insert, update, delete on all tables in schema public to openox_app;
            grant execute on all functions in schema public to openox_app`.execute(db);
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

// The files on disk do not change while OpenOX runs: readiness checks list them once.
let migrationNames: Promise<string[]> | undefined;

/** Migrations on disk that the database has not applied yet (empty when ready). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  migrationNames ??= findMigrationFiles().then((files) => [...files.keys()]);
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db).catch(() => ({ rows: [] }));
  const done = new Set(applied.rows.map((row) => row.name));
  return (await migrationNames).filter((name) => !done.has(name));
}
