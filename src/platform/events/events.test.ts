import { sql } from 'kysely';
import { pino } from 'pino';
import type { JobHelpers } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, validModel } from '../../../test/harness.ts';
import { dailyEventCounts } from '../../analytics/daily-event-counts.ts';
import { inBrand } from '../database/tenancy.ts';
import type { App } from '../http/server.ts';
import { startWorker } from '../worker.ts';
import type { EventConsumer, StoredEvent } from './consumers.ts';
import { publishEvent } from './publish.ts';
import { eventTasks } from './tasks.ts';

const { db, pool } = testDatabase();
let brand: TestBrand;

beforeAll(async () => {
  brand = await makeBrand(db);
});
afterAll(async () => {
  await db.destroy();
});

const jobsFor = async (eventId: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where key = ${`dispatch:${eventId}`}`.execute(db)).rows[0]?.n;

describe('the outbox', () => {
  it('keeps an event, and its dispatch job, only if the change commits', async () => {
    let eventId = '';
    await expect(
      inBrand(db, brand.brandId, async (scope) => {
        eventId = await publishEvent(scope, { type: 'test.happened', subjectType: 'test', subjectId: null, payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst()).toBeUndefined();
    expect(await jobsFor(eventId)).toBe(0);

    const committed = await inBrand(db, brand.brandId, (scope) => publishEvent(scope, { type: 'test.happened', subjectType: 'test', subjectId: null, payload: { n: 1 } }));
    expect(await jobsFor(committed)).toBe(1);
  });
});

describe('event delivery', () => {
  const helpers = (added: unknown[]) => ({ addJob: async (...args: unknown[]) => void added.push(args) }) as unknown as JobHelpers;

  it('fans an event out to the consumers that want its type, once per consumer', async () => {
    const eventId = await inBrand(db, brand.brandId, (scope) => publishEvent(scope, { type: 'model.created', subjectType: 'model', subjectId: null, payload: {} }));
    const wantsModels: EventConsumer = { name: 'wants-models', types: ['model.created'], handle: async () => {} };
    const wantsClaims: EventConsumer = { name: 'wants-claims', types: ['claim.submitted'], handle: async () => {} };
    const added: unknown[] = [];
    await eventTasks(db, [wantsModels, wantsClaims, dailyEventCounts]).event_dispatch({ eventId }, helpers(added));
    expect(added).toEqual([
      ['event_deliver', { eventId, consumer: 'wants-models' }, { jobKey: `deliver:wants-models:${eventId}` }],
      ['event_deliver', { eventId, consumer: 'analytics.daily_event_counts' }, { jobKey: `deliver:analytics.daily_event_counts:${eventId}` }],
    ]);
  });

  it('runs a handler once in effect when the queue delivers twice, and again after it failed', async () => {
    const seen: StoredEvent[] = [];
    let failNext = true;
    const flaky: EventConsumer = {
      name: 'flaky',
      types: '*',
      async handle(scope, event) {
        await scope.db.insertInto('daily_event_counts').values({ brand_id: scope.brandId, day: '2000-01-01', type: `seen:${event.id}`, count: 1 }).execute();
        if (failNext) {
          failNext = false;
          throw new Error('downstream unavailable');
        }
        seen.push(event);
      },
    };
    const eventId = await inBrand(db, brand.brandId, (scope) => publishEvent(scope, { type: 'test.flaky', subjectType: 'test', subjectId: null, payload: {} }));
    const deliver = eventTasks(db, [flaky]).event_deliver;
    await expect(deliver({ eventId, consumer: 'flaky' }, helpers([]))).rejects.toThrow('downstream unavailable');
    await deliver({ eventId, consumer: 'flaky' }, helpers([])); // the queue's retry
    await deliver({ eventId, consumer: 'flaky' }, helpers([])); // a duplicate delivery
    expect(seen.map((event) => event.id)).toEqual([eventId]);
    const effects = await inBrand(db, brand.brandId, (scope) =>
      scope.db.selectFrom('daily_event_counts').select('count').where('brand_id', '=', scope.brandId).where('type', '=', `seen:${eventId}`).execute(),
    );
    expect(effects).toEqual([{ count: 1 }]); // the failed attempt's write was rolled back with it
  });
});

describe('the worker', () => {
  let app: App;
  beforeAll(async () => {
    app = await testApp(db);
  });
  afterAll(async () => {
    await app.close();
  });

  it('carries events from an API change to the analytics consumer', async () => {
    const fresh = await makeBrand(db);
    const worker = await startWorker({ db, pool, consumers: [dailyEventCounts], config: { workerConcurrency: 2, smtpUrl: undefined, mailFrom: 'test@openox.localhost', publicUrl: 'http://localhost', workerHeartbeatSeconds: 15 }, log: pino({ level: 'silent' }) });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(fresh.keys.admin), payload: validModel() })).statusCode).toBe(201);
      }
      await expect
        .poll(async () => (await app.inject({ url: '/api/v1/activity', headers: bearer(fresh.keys.analyst) })).json().data, { timeout: 20_000, interval: 200 })
        .toEqual([{ day: new Date().toISOString().slice(0, 10), type: 'model.created', count: 3 }]);
    } finally {
      await worker.stop();
    }
  });
});
