/**
 * CSV import of historical registrations, in lines per second, beside a bare PostgreSQL COPY of the
 * same file measured in the same run on the same database.
 *
 *   node --import tsx bench/import.bench.ts               # 1,000,000 lines, embedded PostgreSQL
 *   node --import tsx bench/import.bench.ts --rows 100000
 *   DATABASE_URL=postgres://... node --import tsx bench/import.bench.ts
 *
 * The ceiling: `COPY ... (format csv, header)` of the file into a plain table of its 14 columns as text
 * plus an identity key, with 6 b-tree indexes: as many as `ownerships` has (the table every imported
 * line becomes a row of), and of the same kinds: the sequential key, the unit (gtin, serial), the owner
 * (email), the registration time, the serial, and a mostly empty column like submission_id. Shown
 * too: the same COPY with no index, and with 13, as many as the three tables the import writes have
 * together. A COPY checks nothing, so it is given the file without the 0.25% of lines PostgreSQL's
 * CSV reader refuses (an extra field, a stray quote).
 *
 * The import does all a real one does: parses with csv-parse, checks and normalises every line (GTIN
 * check digits, serial masks, phone numbers to E.164, dates, consents), writes owners (5 indexes, 1
 * foreign key), ownerships (6 indexes, 4 foreign keys) and consent records (2 indexes, 2 foreign keys)
 * under row-level security, and lists each rejected line with its reason.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pino } from 'pino';
import { systemActor } from '../src/access/principal.ts';
import { createModelBody } from '../src/catalog/model-schema.ts';
import { createModel } from '../src/catalog/models.ts';
import { connect } from '../src/platform/database/database.ts';
import { startEmbeddedDatabase } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { asBrandId, inBrand } from '../src/platform/database/tenancy.ts';
import { importRegistrations } from '../src/registration/import/run.ts';
import { freshGtinFor } from './fresh-gtin.ts';
import { benchHeader, benchModels, writeImportCsv } from './import-data.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 100) throw new Error('--rows must be a whole number of at least 100');
const log = pino({ level: 'warn' });

async function main() {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'openox-import-bench-'));
  const dataDir = process.env.DATABASE_URL ? null : await mkdtemp(path.join(os.tmpdir(), 'openox-import-bench-db-'));
  const embedded = dataDir ? await startEmbeddedDatabase(dataDir, log) : null;
  const url = process.env.DATABASE_URL ?? (embedded as { url: string }).url;
  const { db, pool } = connect(url, 4);
  try {
    await migrate(db, pool);
    const brandId = asBrandId(randomUUID());
    const models = benchModels((label) => freshGtinFor(`import-bench-${label}`));
    await inBrand(db, brandId, async (scope) => {
      await scope.db.insertInto('brands').values({ id: brandId, slug: `import-bench-${brandId.slice(0, 8)}`, name: 'Import bench' }).execute();
      for (const model of models) {
        const body = { name: model.name, sku: model.sku, category: model.category, gtins: model.sku === 'BENCH-KT' ? [] : [model.gtin], serialRules: model.mask ? [{ mask: model.mask }] : [] };
        await createModel(scope, systemActor, createModelBody.parse({ ...body, warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' } }));
      }
    });

    const file = path.join(workDir, 'registrations.csv');
    const copyable = path.join(workDir, 'registrations-copyable.csv');
    console.log(`Writing ${rows.toLocaleString('en-US')} lines, then copying and importing them...`);
    await writeImportCsv(file, rows, models);
    const copyableRows = await writeImportCsv(copyable, rows, models, { copyable: true });
    const megabytes = (await stat(file)).size / 1024 / 1024;

    const bare = await bareCopy(pool, copyable, 0);
    const indexed = await bareCopy(pool, copyable, 6);
    const allIndexed = await bareCopy(pool, copyable, 13);
    await sql`checkpoint`.execute(db);

    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let lastShown = 0;
    const view = await importRegistrations(db, brandId, {
      csv: createReadStream(file, { highWaterMark: 1024 * 1024 }),
      onProgress: (progress) => {
        if (progress.rowsReceived - lastShown < 100_000) return;
        lastShown = progress.rowsReceived;
        console.log(`  import: ${progress.rowsReceived.toLocaleString('en-US')} lines in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      },
      fileName: 'registrations.csv',
      consentWording: 'Yes, send me tips and offers by email or SMS.',
      actor: systemActor,
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);

    const line = (what: string, lines: number, s: number) =>
      console.log(`${what.padEnd(52)} ${lines.toLocaleString('en-US').padStart(10)} ${s.toFixed(2).padStart(8)} ${Math.round(lines / s).toLocaleString('en-US').padStart(10)}`);
    console.log(`\nCSV import benchmark: ${megabytes.toFixed(0)} MB, ${os.cpus().length} cores, PostgreSQL ${embedded ? 'embedded' : 'at DATABASE_URL'}\n`);
    console.log(`${'what'.padEnd(52)} ${'lines'.padStart(10)} ${'seconds'.padStart(8)} ${'lines/s'.padStart(10)}`);
    line('COPY into a plain table, no index', copyableRows, bare);
    line('COPY into a plain table, 6 indexes (the ceiling)', copyableRows, indexed);
    line('COPY into a plain table, 13 indexes', copyableRows, allIndexed);
    line('OpenOX import (check, owners, ownerships, consents)', rows, seconds);
    console.log(
      `\nimport: ${view.rowsImported.toLocaleString('en-US')} imported, ${view.rowsRejected.toLocaleString('en-US')} rejected, ` +
        `${view.rowsAlreadyRegistered.toLocaleString('en-US')} already registered (${view.status})`,
    );
    const times = (copySeconds: number) => (copyableRows / copySeconds / (rows / seconds)).toFixed(2);
    console.log(`the import takes ${times(indexed)}x the time of the 6-index COPY (target: within 3x); ${times(allIndexed)}x the 13-index one; ${times(bare)}x the unindexed one`);
    console.log(`peak RSS during the import: ${(peakRss / 1024 / 1024).toFixed(0)} MB (${(rssBefore / 1024 / 1024).toFixed(0)} MB before it)`);
    // The rest of the import's time is PostgreSQL's (another process): where the time goes, roughly.
    console.log(`Node.js CPU during the import: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of ${seconds.toFixed(1)} s\n`);
  } finally {
    await db.destroy();
    await embedded?.stop();
    await rm(workDir, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

const sixIndexes = ['id', 'gtin, serial', 'email', 'registered_at', 'serial', 'sku'];
// The rest of what owners and consent_records index, on the columns closest to theirs.
const thirteenIndexes = [...sixIndexes, 'email, name', 'name', 'phone', 'postal_code', 'purchase_date', 'email_consent', 'sms_consent'];

/** Seconds to COPY the file into a fresh plain table with `indexes` of the kinds described above. */
async function bareCopy(pool: pg.Pool, file: string, indexes: 0 | 6 | 13): Promise<number> {
  const client = await pool.connect();
  try {
    const columns = benchHeader.split(',');
    await client.query('drop table if exists bench_bare_copy');
    await client.query(`create table bench_bare_copy (id bigint generated always as identity, ${columns.map((c) => `${c} text`).join(', ')})`);
    for (const key of indexes === 13 ? thirteenIndexes : indexes === 6 ? sixIndexes : []) await client.query(`create index on bench_bare_copy (${key})`);
    await client.query('checkpoint');
    const started = performance.now();
    await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), client.query(copyFrom(`copy bench_bare_copy (${columns.join(', ')}) from stdin with (format csv, header true)`)));
    const seconds = (performance.now() - started) / 1000;
    await client.query('drop table bench_bare_copy');
    return seconds;
  } finally {
    client.release();
  }
}

await main();
