import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, freshGtin, testApp, testDatabase, validModel } from '../../test/harness.ts';
import { type TemplateWorld, registerOwner, templateWorld } from '../messaging/templates/template-fixtures.ts';
import type { App } from '../platform/http/server.ts';
import { telemetryLimits } from './telemetry-schema.ts';

const { db } = testDatabase();
let app: App;
let world: TemplateWorld;

const report = (payload: unknown, key = world.brand.keys.admin) => app.inject({ method: 'POST', url: '/api/v1/telemetry/events', payload: payload as object, headers: bearer(key) });
const eventsOf = (ownershipId: string) =>
  db.selectFrom('events').select(['type', 'subject_type', 'payload']).where('subject_id', '=', ownershipId).where('type', 'like', 'telemetry.%').orderBy('id').execute();

beforeAll(async () => {
  app = await testApp(db);
  world = await templateWorld(app, db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('product telemetry', () => {
  it('stores an event against the registered unit and publishes telemetry.<type> once, however often it is resent', async () => {
    const owner = await registerOwner(app, world);
    const event = { serial: owner.serial.toLowerCase(), type: 'filter_life', data: { percent: 8 }, occurredAt: '2025-06-01T08:30:00+02:00', eventId: `evt-${randomUUID()}` };
    const first = await report(event);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ index: 0, status: 'stored', ownershipId: owner.ownershipId, eventId: event.eventId, error: null });

    const again = await report(event);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'duplicate', id: first.json().id, ownershipId: owner.ownershipId });

    const stored = await db.selectFrom('product_telemetry').select(['ownership_id', 'type', 'data', 'occurred_at']).where('ownership_id', '=', owner.ownershipId).execute();
    expect(stored).toEqual([{ ownership_id: owner.ownershipId, type: 'filter_life', data: { percent: 8 }, occurred_at: new Date('2025-06-01T06:30:00Z') }]);
    expect(await eventsOf(owner.ownershipId)).toEqual([
      { type: 'telemetry.filter_life', subject_type: 'ownership', payload: expect.objectContaining({ ownershipId: owner.ownershipId, ownerId: owner.ownerId, type: 'filter_life', data: { percent: 8 } }) },
    ]);
  });

  it('takes a batch and answers for each event, keeping the good ones', async () => {
    const owner = await registerOwner(app, world);
    // Another model whose unit carries the same serial: the serial alone is ambiguous.
    const otherGtin = freshGtin();
    const otherModel = (await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(world.brand.keys.admin), payload: validModel({ name: 'Pure Jug XL', gtins: [otherGtin], serialRules: [{ mask: 'PJ**********' }] }) })).json().id;
    const twin = await registerOwner(app, world, { modelId: otherModel, serial: owner.serial });
    const lonely = await registerOwner(app, world);
    const eventId = `evt-${randomUUID()}`;

    const response = await report({
      events: [
        { serial: lonely.serial, type: 'usage', data: { litres: 120 }, eventId },
        { serial: 'PJ0000000000', type: 'fault', data: { code: 'E21' } },
        { serial: owner.serial, type: 'fault', data: { code: 'E21' } },
        { serial: owner.serial, gtin: otherGtin, type: 'fault', data: { code: 'E21' } },
        { serial: lonely.serial, type: 'Bad Type' },
        { serial: lonely.serial, type: 'usage', data: { litres: 121 }, eventId },
        { serial: lonely.serial, gtin: '1234', type: 'usage' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ stored: 2, duplicates: 1, rejected: 4 });
    expect(body.results.map((result: { status: string; error: { code: string } | null }) => [result.status, result.error?.code ?? null])).toEqual([
      ['stored', null],
      ['rejected', 'telemetry_unit_unknown'],
      ['rejected', 'serial_ambiguous'],
      ['stored', null],
      ['rejected', 'validation_failed'],
      ['duplicate', null],
      ['rejected', 'validation_failed'],
    ]);
    expect(body.results[3].ownershipId).toBe(twin.ownershipId);
    expect(body.results[4].error.message).toContain('type:');
    expect(body.results[6].error.message).toContain('gtin:');
    expect(await eventsOf(twin.ownershipId)).toHaveLength(1);
    expect(await eventsOf(lonely.ownershipId)).toHaveLength(1);
    expect(await eventsOf(owner.ownershipId)).toHaveLength(0);
  });

  it('refuses a single event with the reason as the status', async () => {
    const owner = await registerOwner(app, world);
    const unknown = await report({ serial: 'PJ9999999999', type: 'fault' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('telemetry_unit_unknown');
    const future = await report({ serial: owner.serial, type: 'fault', occurredAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('occurredAt');
    const tooBig = await report({ serial: owner.serial, type: 'log', data: { text: 'x'.repeat(telemetryLimits.dataBytes) } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toContain(`${telemetryLimits.dataBytes} bytes`);
    const tooMany = await report({ events: Array.from({ length: telemetryLimits.batch + 1 }, () => ({ serial: owner.serial, type: 'usage' })) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain(`at most ${telemetryLimits.batch} events`);
    expect((await report([{ serial: owner.serial, type: 'usage' }])).statusCode).toBe(400);
    expect(await db.selectFrom('product_telemetry').select('id').where('ownership_id', '=', owner.ownershipId).execute()).toEqual([]);
  });

  it('needs a key allowed to report, and slows down a key past its events per minute', async () => {
    const owner = await registerOwner(app, world);
    expect((await report({ serial: owner.serial, type: 'usage' }, world.brand.keys.marketer)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/telemetry/events', payload: { serial: owner.serial, type: 'usage' } })).statusCode).toBe(401);

    const { id: keyId } = await db.selectFrom('api_keys').select('id').where('brand_id', '=', world.brand.brandId).where('role', '=', 'admin').executeTakeFirstOrThrow();
    // Two tries, in case the first lands just as the minute turns.
    let limited = null;
    for (let attempt = 0; attempt < 2 && !limited; attempt++) {
      await sql`insert into rate_limit_windows (bucket, subject, window_start, hits)
        values ('telemetry_events', ${keyId}, to_timestamp(floor(extract(epoch from now()) / 60) * 60), ${telemetryLimits.eventsPerMinute})
        on conflict (bucket, subject, window_start) do update set hits = excluded.hits`.execute(db);
      const response = await report({ serial: owner.serial, type: 'usage' });
      if (response.statusCode === 429) limited = response;
    }
    expect(limited?.json().error.code).toBe('rate_limited');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    await sql`delete from rate_limit_windows where subject = ${keyId}`.execute(db);
  });

  it("shows in the agent's 360° view per product, and stays out of the timeline", async () => {
    const owner = await registerOwner(app, world);
    await report({
      events: [
        { serial: owner.serial, type: 'filter_life', data: { percent: 40 }, occurredAt: '2025-05-01T00:00:00Z' },
        { serial: owner.serial, type: 'filter_life', data: { percent: 9 }, occurredAt: '2025-06-01T00:00:00Z' },
        { serial: owner.serial, type: 'fault', data: { code: 'E21' }, occurredAt: '2025-05-15T00:00:00Z' },
      ],
    });
    const overview = (await app.inject({ url: `/api/v1/owners/${owner.ownerId}/overview`, headers: bearer(world.brand.keys.agent) })).json();
    expect(overview.productTelemetry).toEqual([
      {
        ownershipId: owner.ownershipId,
        latestByType: [expect.objectContaining({ type: 'fault', data: { code: 'E21' } }), expect.objectContaining({ type: 'filter_life', data: { percent: 9 } })],
        recent: [expect.objectContaining({ data: { percent: 9 } }), expect.objectContaining({ data: { code: 'E21' } }), expect.objectContaining({ data: { percent: 40 } })],
      },
    ]);
    expect(overview.timeline.flatMap((entry: { events: { type: string }[] }) => entry.events.map((event) => event.type)).filter((type: string) => type.startsWith('telemetry.'))).toEqual([]);

    const history = await app.inject({ url: `/api/v1/ownerships/${owner.ownershipId}/telemetry?type=filter_life&limit=1`, headers: bearer(world.brand.keys.agent) });
    expect(history.json().data).toHaveLength(1);
    expect(history.json().nextCursor).not.toBeNull();
    const otherBrand = await templateWorld(app, db, 'Elsewhere');
    expect((await app.inject({ url: `/api/v1/ownerships/${owner.ownershipId}/telemetry`, headers: bearer(otherBrand.brand.keys.agent) })).statusCode).toBe(404);
  });
});
