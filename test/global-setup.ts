import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/platform/database/database.ts';
import { startEmbeddedDatabase } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database of the test run's own, on the embedded server or on DATABASE_URL's server. */
    databaseUrl: string;
  }
}

/**
 * One database for the whole run: with DATABASE_URL, a fresh database on that server (dropped after);
 * without, an embedded PostgreSQL in a temporary directory. Tests isolate themselves by making brands.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'warn' });
  let databaseUrl: string;
  let teardown: () => Promise<void>;

  if (process.env.DATABASE_URL) {
    const serverUrl = new URL(process.env.DATABASE_URL);
    const name = `openox_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    serverUrl.pathname = `/${name}`;
    databaseUrl = serverUrl.toString();
    teardown = async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'openox-test-'));
    const embedded = await startEmbeddedDatabase(dataDir, log);
    databaseUrl = embedded.url;
    teardown = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const { db, pool } = connect(databaseUrl, 2);
  await migrate(db, pool);
  await db.destroy();

  project.provide('databaseUrl', databaseUrl);
  return teardown;
}
