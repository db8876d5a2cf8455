/**
 * The journey engine's figures, on one database and machine, each beside its own ceiling:
 *
 * 1. A daily date trigger over 1,000,000 ownerships ("purchase date + 30 days"): the time to find the
 *    day's owners and enqueue their first step, set-based; and again, when there is nothing new.
 * 2. Sends per second through the engine (event → journey → message → SMTP) beside a bare
 *    enqueue-and-dequeue of as many no-op jobs through the same queue.
 * 3. Event-to-send latency (p50/p99) at a sustained event rate: from the event's commit to the SMTP
 *    server receiving the message, through dispatch, the journeys consumer, the run and delivery.
 *
 *   node --import tsx bench/journeys.bench.ts                  # 1,000,000 ownerships, 5,000 sends, 20 events/s for 30 s
 *   node --import tsx bench/journeys.bench.ts --ownerships 100000 --sends 1000 --rate 10 --seconds 10
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Logger, run } from 'graphile-worker';
import { sql } from 'kysely';
import { pino } from 'pino';
import { startTestMailbox } from '../test/smtp.ts';
import { systemActor } from '../src/access/principal.ts';
import { createModelBody } from '../src/catalog/model-schema.ts';
import { createModel } from '../src/catalog/models.ts';
import { eventConsumers } from '../src/composition.ts';
import { readConfig } from '../src/config.ts';
import { enterDueOwners } from '../src/journeys/date-triggers.ts';
import { journeyDefinitionSchema } from '../src/journeys/definition.ts';
import { createJourney, setJourneyStatus } from '../src/journeys/journeys.ts';
import { createTemplate } from '../src/messaging/templates/templates.ts';
import { connect } from '../src/platform/database/database.ts';
import { startEmbeddedDatabase } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { type BrandScope, asBrandId, inBrand } from '../src/platform/database/tenancy.ts';
import { startWorker } from '../src/platform/worker.ts';

const { values } = parseArgs({
  options: {
    ownerships: { type: 'string', default: '1000000' },
    sends: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '30' },
  },
});
const ownerships = Number(values.ownerships);
const sends = Number(values.sends);
const rate = Number(values.rate);
const sustainSeconds = Number(values.seconds);
const log = pino({ level: 'warn' });
const concurrency = 4;

async function main() {
  const dataDir = process.env.DATABASE_URL ? null : await mkdtemp(path.join(os.tmpdir(), 'openox-journeys-bench-'));
  const embedded = dataDir ? await startEmbeddedDatabase(dataDir, log) : null;
  const url = process.env.DATABASE_URL ?? (embedded as { url: string }).url;
  const { db, pool } = connect(url, 10);
  const mailbox = await startTestMailbox();
  try {
    await migrate(db, pool);
    const brandId = asBrandId(randomUUID());
    await inBrand(db, brandId, async (scope) => {
      await scope.db.insertInto('brands').values({ id: brandId, slug: `bench-${brandId.slice(0, 8)}`, name: 'Journeys bench' }).execute();
      await createTemplate(scope, systemActor, { key: 'bench-note', name: 'Bench note', channel: 'email', class: 'service', defaultLanguage: 'en', contents: { en: { subject: 'Hello {{ owner.firstName }}', body: 'A note for {{ owner.name }}.', buttonLabel: null, buttonUrl: null } } });
    });
    console.log(`Journeys benchmark: ${os.cpus().length} cores, PostgreSQL ${embedded ? 'embedded' : 'at DATABASE_URL'}\n`);

    // 1. The daily date trigger over a million ownerships.
    let started = performance.now();
    await inBrand(db, brandId, (scope) => seedOwnerships(scope, ownerships));
    await sql`analyze owners, ownerships`.execute(db);
    console.log(`seeded ${ownerships.toLocaleString('en-US')} ownerships (purchases over the last 3 years) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await inBrand(db, brandId, (scope) => liveJourney(scope, 'Thirty days in', { kind: 'date', attribute: 'purchase_date', offsetDays: 30 }));
    const today = new Date().toISOString().slice(0, 10);
    started = performance.now();
    const entered = await enterDueOwners(db, today);
    const firstMs = performance.now() - started;
    const jobs = await sql<{ count: number }>`select count(*)::integer as count from graphile_worker.jobs where task_identifier = 'journey_advance'`.execute(db);
    started = performance.now();
    const again = await enterDueOwners(db, today);
    const againMs = performance.now() - started;
    console.log(`date trigger over ${ownerships.toLocaleString('en-US')} ownerships: ${entered.toLocaleString('en-US')} owners entered (today's), ${jobs.rows[0]?.count.toLocaleString('en-US')} jobs enqueued, in ${firstMs.toFixed(0)} ms`);
    console.log(`the same trigger run again: ${again} entered in ${againMs.toFixed(0)} ms`);
    await sql`delete from graphile_worker._private_jobs`.execute(db);
    await sql`update journeys set status = 'off'`.execute(db);

    // 2. Bare queue: as many no-op jobs, enqueued in one statement, drained by a worker of the same concurrency.
    started = performance.now();
    await sql`select graphile_worker.add_jobs(array(select row('bench_noop', '{}'::json, null, null, null, null, null, null)::graphile_worker.job_spec from generate_series(1, ${sends})))`.execute(db);
    let done = 0;
    const bare = await run({ pgPool: pool, concurrency, noHandleSignals: true, logger: new Logger(() => () => {}), taskList: { bench_noop: async () => void done++ } });
    await until(() => done >= sends);
    const bareSeconds = (performance.now() - started) / 1000;
    await bare.stop();

    // 2'. The engine: an event per owner enters them into a journey whose one step sends an email.
    const config = readConfig({ ...process.env, DATABASE_URL: url, OPENOX_SMTP_URL: `${mailbox.url}?pool=true&maxConnections=${concurrency}`, OPENOX_WORKER_CONCURRENCY: String(concurrency), OPENOX_LOG_LEVEL: 'warn' });
    const worker = await startWorker({ db, pool, consumers: eventConsumers, config, log });
    await inBrand(db, brandId, (scope) => liveJourney(scope, 'Bench sends', { kind: 'event', event: 'bench.sent', entry: 'per_event' }));
    const before = mailbox.received.length;
    started = performance.now();
    await inBrand(db, brandId, (scope) =>
      sql`insert into events (brand_id, type, subject_type, subject_id, payload)
          select ${brandId}, 'bench.sent', 'owner', id, jsonb_build_object('ownerId', id) from owners order by id limit ${sends}`.execute(scope.db),
    );
    await until(() => mailbox.received.length - before >= sends);
    const engineSeconds = (performance.now() - started) / 1000;
    console.log(`\n${'what'.padEnd(62)} ${'count'.padStart(7)} ${'seconds'.padStart(8)} ${'per second'.padStart(11)}`);
    const line = (what: string, count: number, s: number) => console.log(`${what.padEnd(62)} ${String(count).padStart(7)} ${s.toFixed(2).padStart(8)} ${(count / s).toFixed(0).padStart(11)}`);
    line(`bare queue: enqueue and run no-op jobs (concurrency ${concurrency})`, sends, bareSeconds);
    line('engine: event → journey → message → SMTP (4 jobs each)', sends, engineSeconds);

    // 3. Latency at a sustained rate.
    await sql`update journeys set status = 'off' where name = 'Bench sends'`.execute(db);
    await inBrand(db, brandId, (scope) => liveJourney(scope, 'Bench latency', { kind: 'event', event: 'bench.latency', entry: 'per_event' }));
    const sentAt = new Map<string, number>();
    const offset = mailbox.received.length;
    const { rows: owners } = await sql<{ id: string; email: string }>`select id, email from owners where brand_id = ${brandId} order by id desc limit ${rate * sustainSeconds}`.execute(db);
    started = performance.now();
    for (let i = 0; i < owners.length; i++) {
      const due = started + (i * 1000) / rate;
      if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      const owner = owners[i] as { id: string; email: string };
      await inBrand(db, brandId, (scope) => sql`insert into events (brand_id, type, subject_type, subject_id, payload) values (${brandId}, 'bench.latency', 'owner', ${owner.id}, ${JSON.stringify({ ownerId: owner.id })})`.execute(scope.db));
      sentAt.set(owner.email, Date.now());
    }
    const arrivedAt = new Map<string, number>();
    await until(() => {
      mailbox.received.forEach((mail, index) => {
        const to = index >= offset ? [mail.to].flat()[0]?.value[0]?.address : undefined;
        if (to && !arrivedAt.has(to)) arrivedAt.set(to, mailbox.receivedAt[index] as number);
      });
      return arrivedAt.size >= owners.length;
    }, 50);
    const latencies = [...arrivedAt].map(([to, at]) => at - (sentAt.get(to) as number)).sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] as number;
    console.log(`\nevent-to-send latency at ${rate} events/s for ${sustainSeconds} s (${latencies.length} events): p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, max ${pct(100).toFixed(0)} ms`);
    if (process.env.BENCH_STAGES) {
      const { rows } = await sql`select percentile_cont(0.5) within group (order by extract(epoch from r.entered_at - e.occurred_at)) as to_run,
        percentile_cont(0.5) within group (order by extract(epoch from m.created_at - r.entered_at)) as to_message,
        percentile_cont(0.5) within group (order by extract(epoch from m.sent_at - m.created_at)) as to_sent
        from events e join journey_runs r on r.owner_id = (e.payload->>'ownerId')::uuid join messages m on m.dedupe_key = 'journey:' || r.id || ':note'
        where e.type = 'bench.latency' and r.journey_id = (select id from journeys where name = 'Bench latency')`.execute(db);
      console.log('median stage seconds', rows);
    }
    await worker.stop();
  } finally {
    await mailbox.close();
    await db.destroy();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

async function seedOwnerships(scope: BrandScope, count: number): Promise<void> {
  const model = await createModel(scope, systemActor, createModelBody.parse({ name: 'Bench washer', sku: 'BENCH-1', category: 'washers', warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' } }));
  // Four products per owner, bought on days spread over three years.
  const owners = Math.ceil(count / 4);
  await sql`insert into owners (brand_id, email, name, country, postal_code)
            select ${scope.brandId}, 'bench-' || i || '@example.com', 'Owner ' || i, 'US', '60601' from generate_series(1, ${owners}) as i`.execute(scope.db);
  await sql`insert into ownerships (brand_id, owner_id, model_id, serial, purchase_date, source, registered_at)
            select ${scope.brandId}, o.id, ${model.id}, 'SN' || o.n || '-' || k, current_date - ((o.n * 7 + k * 131) % 1095)::integer, 'import', now() - ((o.n * 7 + k * 131) % 1095)::integer * interval '1 day'
            from (select id, row_number() over (order by id) as n from owners where brand_id = ${scope.brandId}) o
            cross join generate_series(1, 4) as k
            where (o.n - 1) * 4 + k <= ${count}`.execute(scope.db);
}

async function liveJourney(scope: BrandScope, name: string, trigger: unknown): Promise<void> {
  const { journey } = await createJourney(scope, systemActor, {
    name,
    definition: journeyDefinitionSchema.parse({ trigger, steps: [{ id: 'note', type: 'send', channel: 'email', template: 'bench-note' }] }),
  });
  await setJourneyStatus(scope, systemActor, journey.id, 'live');
}

async function until(condition: () => boolean, everyMs = 20): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, everyMs));
}

await main();
