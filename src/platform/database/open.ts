import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { type Db, connect } from './database.ts';
import { startEmbeddedDatabase } from './embedded.ts';

export interface OpenDatabase {
  readonly db: Db;
  readonly pool: pg.Pool;
  readonly embedded: boolean;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded server when there is none. */
export async function openDatabase(config: Config, log: Logger, poolSize = 10): Promise<OpenDatabase> {
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir, log);
  const { db, pool } = connect(config.databaseUrl ?? (embedded as { url: string }).url, poolSize);
  return {
    db,
    pool,
    embedded: embedded !== null,
    async close() {
      await db.destroy(); // ends the pool
      await embedded?.stop();
    },
  };
}
