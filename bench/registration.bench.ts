/**
 * Registrations through the API (validation, owner, consent evidence, ownership, outbox events,
 * confirmation email queued; all in one transaction) beside a bare single-row INSERT into ownerships
 * over a pool of the same size, measured in the same run on the same database.
 *
 *   node --import tsx bench/registration.bench.ts      (BENCH_SECONDS, DATABASE_URL as for npm run bench)
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { freshGtinFor } from './fresh-gtin.ts';
import { type Figures, bare, cannon, connections, printFigures, seconds, startBenchServer } from './bench-harness.ts';

const server = await startBenchServer();
const { db, brandId, base, headers } = server;
const gtin = freshGtinFor('bench');
const model = await (await fetch(`${base}/api/v1/models`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ name: 'Bench kettle', sku: 'BK-1', category: 'kettles', gtins: [gtin], serialRules: [{ mask: 'R**************' }], warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' } }),
})).json();
// The load runs in a worker thread, which reads the GTIN from the environment it inherits.
process.env.BENCH_GTIN = gtin;

const results: Figures[] = [];
results.push(await cannon('API  POST /api/v1/registrations (new owner + unit)', { url: `${base}/api/v1/registrations`, method: 'POST', headers, requests: [{ setupRequest: fileURLToPath(new URL('./register-request.cjs', import.meta.url)) as never }] }));

const owner = await db.insertInto('owners').values({ brand_id: brandId, email: `bare-${randomUUID()}@bench.example`, name: 'Bare Owner' }).returning('id').executeTakeFirstOrThrow();
results.push(await bare('SQL  INSERT INTO ownerships (one row, pool of 10)', async () => {
  await db.insertInto('ownerships').values({ brand_id: brandId, owner_id: owner.id, model_id: model.id, serial: `S${randomUUID()}`, purchase_date: '2026-10-01', source: 'api' }).execute();
}));

printFigures(`OpenOX registration benchmark: ${seconds} s per row, ${connections} connections, ${server.where}`, results);
const [api, insert] = results as [Figures, Figures];
console.log(`\nregistrations through the API / bare insert: ${(api.perSecond / insert.perSecond).toFixed(3)} of the throughput`);
const counts = await db.selectFrom('ownerships').select((eb) => eb.fn.countAll<number>().as('n')).where('brand_id', '=', brandId).where('source', '=', 'api').executeTakeFirstOrThrow();
console.log(`(${counts.n} ownerships written in total; each API registration also writes an owner, a consent record, 2 events with their jobs and a queued email)\n`);
await server.close();
