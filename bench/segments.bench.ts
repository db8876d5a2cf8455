/**
 * Segment refreshes over 1,000,000 ownerships, on one database and machine:
 *
 * 1. The condition alone: counting the products a typical marketing condition selects (consent,
 *    country, days owned, what else the owner bought), the set-based SQL every refresh runs.
 * 2. A full refresh: the first one, where every selected product enters, with its `segment.entered`
 *    event (and that event's dispatch job) written in the same statement.
 * 3. A refresh with few changes: a few hundred owners withdrew their email consent and a few hundred
 *    gave it, so a few hundred products leave and a few hundred enter.
 * 4. A refresh with nothing to change.
 *
 *   node --import tsx bench/segments.bench.ts                 # 1,000,000 ownerships
 *   node --import tsx bench/segments.bench.ts --rows 20000    # a quick check that it works
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { pino } from 'pino';
import { systemActor } from '../src/access/principal.ts';
import { conditionSchema } from '../src/journeys/conditions.ts';
import { todayUtc } from '../src/platform/calendar.ts';
import { connect } from '../src/platform/database/database.ts';
import { startEmbeddedDatabase } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { type BrandScope, asBrandId, inBrand } from '../src/platform/database/tenancy.ts';
import { meetingProducts, refreshSegment } from '../src/segments/membership.ts';
import { createSegment } from '../src/segments/segments.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, changes: { type: 'string', default: '500' } } });
const rows = Number(values.rows);
const changes = Number(values.changes);
const log = pino({ level: 'warn' });

// Owners in the US who opted in to email, have had this product a year or more, and own no dishwasher yet.
const typical = conditionSchema.parse({
  all: [
    { fact: 'consent.email', op: 'eq', value: true },
    { fact: 'owner.country', op: 'eq', value: 'US' },
    { fact: 'ownership.daysOwned', op: 'gte', value: 365 },
    { fact: 'purchases.categories', op: 'excludes', value: 'dishwashers' },
  ],
});

async function main() {
  const dataDir = process.env.DATABASE_URL ? null : await mkdtemp(path.join(os.tmpdir(), 'openox-segments-bench-'));
  const embedded = dataDir ? await startEmbeddedDatabase(dataDir, log) : null;
  const url = process.env.DATABASE_URL ?? (embedded as { url: string }).url;
  const { db, pool } = connect(url, 4);
  try {
    await migrate(db, pool);
    const brandId = asBrandId(randomUUID());
    await inBrand(db, brandId, (scope) => scope.db.insertInto('brands').values({ id: brandId, slug: `bench-${brandId.slice(0, 8)}`, name: 'Segments bench' }).execute());
    console.log(`Segments benchmark: ${os.cpus().length} cores, PostgreSQL ${embedded ? 'embedded' : 'at DATABASE_URL'}\n`);

    let started = performance.now();
    await inBrand(db, brandId, (scope) => seed(scope, rows));
    await sql`analyze owners, ownerships, models, consent_records`.execute(db);
    console.log(`seeded ${rows.toLocaleString('en-US')} ownerships of ${Math.ceil(rows / 4).toLocaleString('en-US')} owners in ${seconds(started)} s`);

    const segmentId = await inBrand(db, brandId, (scope) => createSegment(scope, systemActor, { name: 'Typical', description: null, condition: typical }));
    // The refreshes below are run by hand; the queued one would only repeat them.
    await sql`delete from graphile_worker._private_jobs where key = ${`segment-refresh:${segmentId}`}`.execute(db);

    const line = (what: string, ms: number, detail: string) => console.log(`${what.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(8)} s   ${detail}`);
    console.log(`\n${'what'.padEnd(52)} ${'time'.padStart(10)}`);

    started = performance.now();
    const counted = await inBrand(db, brandId, async (scope) => {
      const { rows: found } = await sql<{ n: number }>`select count(*)::integer as n from (${meetingProducts(scope, typical, todayUtc())}) x`.execute(scope.db);
      return found[0]?.n ?? 0;
    });
    line('the condition alone (count of products meeting it)', performance.now() - started, `${counted.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')}`);

    started = performance.now();
    const first = await inBrand(db, brandId, (scope) => refreshSegment(scope, segmentId));
    line('first (full) refresh, events and their jobs included', performance.now() - started, describe(first));

    await inBrand(db, brandId, (scope) => changeConsents(scope, changes));
    started = performance.now();
    const few = await inBrand(db, brandId, (scope) => refreshSegment(scope, segmentId));
    line(`refresh after ${changes * 2} consent changes`, performance.now() - started, describe(few));

    started = performance.now();
    const none = await inBrand(db, brandId, (scope) => refreshSegment(scope, segmentId));
    line('refresh with nothing to change', performance.now() - started, describe(none));

    const { rows: queued } = await sql<{ n: number }>`select count(*)::integer as n from graphile_worker.jobs where task_identifier = 'event_dispatch'`.execute(db);
    console.log(`\n${queued[0]?.n.toLocaleString('en-US')} event dispatch jobs queued by the refreshes (one per product that entered)`);
  } finally {
    await db.destroy();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

function describe(result: { entered: number; left: number; members: number } | null): string {
  return result ? `${result.entered.toLocaleString('en-US')} entered, ${result.left.toLocaleString('en-US')} left, ${result.members.toLocaleString('en-US')} members` : 'no segment';
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

/**
 * Four products per owner from five models, bought over the last three years; owners in three
 * countries; about 70% opted in to email (a tenth of them after first saying no).
 */
async function seed(scope: BrandScope, count: number): Promise<void> {
  await sql`insert into models (brand_id, name, sku, category, warranty_parts_months, warranty_labour_months, warranty_starts_at, proof_required)
            select ${scope.brandId}, 'Bench ' || c, 'BENCH-' || i, c, 24, 12, 'purchase', 'none'
            from unnest(array['washers', 'dryers', 'dishwashers', 'fridges', 'ovens']) with ordinality as t (c, i)`.execute(scope.db);
  const owners = Math.ceil(count / 4);
  await sql`insert into owners (brand_id, email, name, country, postal_code)
            select ${scope.brandId}, 'bench-' || i || '@example.com', 'Owner ' || i, (array['US', 'US', 'US', 'CA', 'MX'])[1 + i % 5], '60601'
            from generate_series(1, ${owners}) as i`.execute(scope.db);
  await sql`insert into ownerships (brand_id, owner_id, model_id, serial, purchase_date, source, registered_at)
            select ${scope.brandId}, o.id, m.id, 'SN' || o.n || '-' || k, current_date - ((o.n * 7 + k * 131) % 1095)::integer, 'import',
              now() - ((o.n * 7 + k * 131) % 1095)::integer * interval '1 day'
            from (select id, row_number() over (order by id) as n from owners where brand_id = ${scope.brandId}) o
            cross join generate_series(1, 4) as k
            join (select id, row_number() over (order by sku) as n from models where brand_id = ${scope.brandId}) m on m.n = 1 + (o.n * 3 + k * k) % 5
            where (o.n - 1) * 4 + k <= ${count}`.execute(scope.db);
  await sql`insert into consent_records (brand_id, owner_id, channel, granted, wording, wording_version, language, source, recorded_at)
            select ${scope.brandId}, o.id, 'email', answer.granted, 'Yes, email me', 'v1', 'en', 'import', now() - answer.days_ago * interval '1 day'
            from (select id, row_number() over (order by id) as n from owners where brand_id = ${scope.brandId}) o
            cross join lateral (values (o.n % 10 < 6, 30), (true, 10)) as answer (granted, days_ago)
            where answer.days_ago = 30 or o.n % 10 = 7`.execute(scope.db);
}

/** Some opted-in owners withdraw their email consent and as many others give it. */
async function changeConsents(scope: BrandScope, count: number): Promise<void> {
  await sql`insert into consent_records (brand_id, owner_id, channel, granted, wording, wording_version, language, source)
            select ${scope.brandId}, o.id, 'email', o.granted, 'Yes, email me', 'v1', 'en', 'api'
            from (
              (select id, false as granted from owners o where o.brand_id = ${scope.brandId} and o.country = 'US'
                 and (select c.granted from consent_records c where c.owner_id = o.id and c.channel = 'email' order by c.recorded_at desc, c.id desc limit 1)
               order by id limit ${count})
              union all
              (select id, true from owners o where o.brand_id = ${scope.brandId} and o.country = 'US'
                 and not (select c.granted from consent_records c where c.owner_id = o.id and c.channel = 'email' order by c.recorded_at desc, c.id desc limit 1)
               order by id desc limit ${count})
            ) o`.execute(scope.db);
}

await main();
