// What every HTTP benchmark needs: a database (embedded in a temporary directory unless DATABASE_URL
// is set), a brand with an admin API key, the whole app listening, and load and ceiling measurements.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApiKey } from '../src/access/api-keys.ts';
import { systemActor } from '../src/access/principal.ts';
import { routeModules } from '../src/composition.ts';
import { readConfig } from '../src/config.ts';
import { type Db, connect } from '../src/platform/database/database.ts';
import { startEmbeddedDatabase } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { type BrandId, asBrandId, inBrand } from '../src/platform/database/tenancy.ts';
import { buildServer } from '../src/platform/http/server.ts';

export const seconds = Number(process.env.BENCH_SECONDS ?? 10);
export const connections = 10;
const poolSize = 10;
const log = pino({ level: 'warn' });

export interface Figures {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

export interface BenchServer {
  readonly db: Db;
  readonly brandId: BrandId;
  readonly slug: string;
  readonly base: string;
  readonly headers: Record<string, string>;
  readonly where: string;
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = process.env.DATABASE_URL ? null : await mkdtemp(path.join(os.tmpdir(), 'openox-bench-'));
  const embedded = dataDir ? await startEmbeddedDatabase(dataDir, log) : null;
  const url = process.env.DATABASE_URL ?? (embedded as { url: string }).url;
  const { db, pool } = connect(url, poolSize);
  await migrate(db, pool);

  const brandId = asBrandId(randomUUID());
  const slug = `bench-${brandId.slice(0, 8)}`;
  const key = await inBrand(db, brandId, async (scope) => {
    await scope.db.insertInto('brands').values({ id: brandId, slug, name: 'Bench' }).execute();
    return (await createApiKey(scope, systemActor, { name: 'bench', role: 'admin' })).key;
  });
  const config = readConfig({ ...process.env, DATABASE_URL: url, OPENOX_LOG_LEVEL: 'warn' });
  const app = await buildServer({ db, config, log, isMigrated: async () => true }, routeModules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    db,
    brandId,
    slug,
    base,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    where: `${os.cpus().length} cores, PostgreSQL ${embedded ? 'embedded' : 'at DATABASE_URL'}, pool of ${poolSize}`,
    async close() {
      await app.close();
      await db.destroy();
      await embedded?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** HTTP load from one worker thread, so it does not share the server's event loop. */
export async function cannon(name: string, options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ connections, duration: seconds, workers: 1, ...options });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  return { name, perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** `connections` concurrent loops of one query each over the pool, for the same duration: the ceiling. */
export async function bare(name: string, query: () => Promise<void>): Promise<Figures> {
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

export function printFigures(title: string, results: readonly Figures[]): void {
  console.log(`\n${title}\n`);
  console.log(`${'what'.padEnd(56)} ${'per second'.padStart(11)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const r of results) console.log(`${r.name.padEnd(56)} ${r.perSecond.toFixed(0).padStart(11)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}`);
}
