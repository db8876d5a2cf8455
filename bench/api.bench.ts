/**
 * API throughput and latency for creating and reading models, beside a bare PostgreSQL insert and
 * select of the same row over a pool of the same size, measured in the same run on the same database.
 *
 *   npm run bench                      # embedded PostgreSQL in a temporary directory
 *   DATABASE_URL=postgres://... npm run bench
 *   BENCH_SECONDS=20 npm run bench
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApiKey } from '../src/access/api-keys.ts';
import { systemActor } from '../src/access/principal.ts';
import { routeModules } from '../src/composition.ts';
import { readConfig } from '../src/config.ts';
import { type Db, connect } from '../src/platform/database/database.ts';
import { startEmbeddedDatabase } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { asBrandId, inBrand } from '../src/platform/database/tenancy.ts';
import { buildServer } from '../src/platform/http/server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 10;
const poolSize = 10;
const log = pino({ level: 'warn' });

interface Figures {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

const modelBody = () => ({
  name: 'Bench dishwasher',
  sku: `B-${randomUUID()}`,
  category: 'dishwashers',
  warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'receipt' },
});

async function main() {
  const dataDir = process.env.DATABASE_URL ? null : await mkdtemp(path.join(os.tmpdir(), 'openox-bench-'));
  const embedded = dataDir ? await startEmbeddedDatabase(dataDir, log) : null;
  const url = process.env.DATABASE_URL ?? (embedded as { url: string }).url;
  const { db, pool } = connect(url, poolSize);
  await migrate(db, pool);

  const brandId = asBrandId(randomUUID());
  const key = await inBrand(db, brandId, async (scope) => {
    await scope.db.insertInto('brands').values({ id: brandId, slug: `bench-${brandId.slice(0, 8)}`, name: 'Bench' }).execute();
    return (await createApiKey(scope, systemActor, { name: 'bench', role: 'admin' })).key;
  });
  const config = readConfig({ ...process.env, DATABASE_URL: url });
  const app = await buildServer({ db, config, log, isMigrated: async () => true }, routeModules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  const sample = await (await fetch(`${base}/api/v1/models`, { method: 'POST', headers, body: JSON.stringify(modelBody()) })).json();
  const results: Figures[] = [];

  results.push(await cannon('API  POST /api/v1/models (create)', { url: `${base}/api/v1/models`, method: 'POST', headers, requests: [{ setupRequest: fileURLToPath(new URL('./create-model-request.cjs', import.meta.url)) as never }] }));
  results.push(await bare('SQL  INSERT INTO models (same row, pool of 10)', db, async () => {
    await db.insertInto('models').values({ brand_id: brandId, name: 'Bench dishwasher', sku: `B-${randomUUID()}`, category: 'dishwashers', warranty_parts_months: 24, warranty_labour_months: 12, warranty_starts_at: 'purchase', proof_required: 'receipt' }).execute();
  }));
  results.push(await cannon('API  GET /api/v1/models/:id (read)', { url: `${base}/api/v1/models/${sample.id}`, headers }));
  results.push(await bare('SQL  SELECT a model by id (pool of 10)', db, async () => {
    await db.selectFrom('models').selectAll().where('id', '=', sample.id).executeTakeFirst();
  }));
  results.push(await cannon('HTTP GET /healthz (no database)', { url: `${base}/healthz` }));

  const cores = os.cpus().length;
  console.log(`\nOpenOX API benchmark: ${seconds} s per row, ${connections} connections (autocannon in a worker thread), pool of ${poolSize}, ${cores} cores, PostgreSQL ${embedded ? 'embedded' : 'at DATABASE_URL'}\n`);
  console.log(`${'what'.padEnd(50)} ${'per second'.padStart(11)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const r of results) console.log(`${r.name.padEnd(50)} ${r.perSecond.toFixed(0).padStart(11)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}`);
  const [create, insert, read, select] = results as [Figures, Figures, Figures, Figures];
  console.log(`\ncreate through the API / bare insert: ${(create.perSecond / insert.perSecond).toFixed(3)} of the throughput`);
  console.log(`read through the API / bare select:   ${(read.perSecond / select.perSecond).toFixed(3)} of the throughput`);
  console.log('(an API create also validates, writes GTINs/rules/schedule, the audit entry and the outbox event with its queue job, and reads the model back)\n');

  await app.close();
  await db.destroy();
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

async function cannon(name: string, options: autocannon.Options): Promise<Figures> {
  // One worker thread generates the load, so it does not share the server's event loop.
  const result = await autocannon({ connections, duration: seconds, workers: 1, ...options });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  return { name, perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** `connections` concurrent loops of one query each over the pool, for the same duration. */
async function bare(name: string, _db: Db, query: () => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      await query();
      latencies.push(performance.now() - start);
    }
  }));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { name, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

await main();
