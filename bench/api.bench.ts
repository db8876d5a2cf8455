/**
 * API throughput and latency for creating and reading models, beside a bare PostgreSQL insert and
 * select of the same row over a pool of the same size, measured in the same run on the same database.
 *
 *   npm run bench                      # embedded PostgreSQL in a temporary directory
 *   DATABASE_URL=postgres://... npm run bench
 *   BENCH_SECONDS=20 npm run bench
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Figures, bare, cannon, connections, printFigures, seconds, startBenchServer } from './bench-harness.ts';

const modelBody = () => ({
  name: 'Bench dishwasher',
  sku: `B-${randomUUID()}`,
  category: 'dishwashers',
  warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'receipt' },
});

const server = await startBenchServer();
const { db, brandId, base, headers } = server;
const sample = await (await fetch(`${base}/api/v1/models`, { method: 'POST', headers, body: JSON.stringify(modelBody()) })).json();
const results: Figures[] = [];

results.push(await cannon('API  POST /api/v1/models (create)', { url: `${base}/api/v1/models`, method: 'POST', headers, requests: [{ setupRequest: fileURLToPath(new URL('./create-model-request.cjs', import.meta.url)) as never }] }));
results.push(await bare('SQL  INSERT INTO models (same row, pool of 10)', async () => {
  await db.insertInto('models').values({ brand_id: brandId, name: 'Bench dishwasher', sku: `B-${randomUUID()}`, category: 'dishwashers', warranty_parts_months: 24, warranty_labour_months: 12, warranty_starts_at: 'purchase', proof_required: 'receipt' }).execute();
}));
results.push(await cannon('API  GET /api/v1/models/:id (read)', { url: `${base}/api/v1/models/${sample.id}`, headers }));
results.push(await bare('SQL  SELECT a model by id (pool of 10)', async () => {
  await db.selectFrom('models').selectAll().where('id', '=', sample.id).executeTakeFirst();
}));
results.push(await cannon('HTTP GET /healthz (no database)', { url: `${base}/healthz` }));

printFigures(`OpenOX API benchmark: ${seconds} s per row, ${connections} connections (autocannon in a worker thread), ${server.where}`, results);
const [create, insert, read, select] = results as [Figures, Figures, Figures, Figures];
console.log(`\ncreate through the API / bare insert: ${(create.perSecond / insert.perSecond).toFixed(3)} of the throughput`);
console.log(`read through the API / bare select:   ${(read.perSecond / select.perSecond).toFixed(3)} of the throughput`);
console.log('(an API create also validates, writes GTINs/rules/schedule, the audit entry and the outbox event with its queue job, and reads the model back)\n');
await server.close();
