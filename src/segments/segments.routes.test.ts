import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeBrand, testApp, testDatabase } from '../../test/harness.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { refreshSegment } from './membership.ts';
import { type SegmentWorld, segmentWorld } from './segment-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: SegmentWorld;

beforeAll(async () => {
  app = await testApp(db);
  world = await segmentWorld(db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const as = (role: 'admin' | 'marketer' | 'agent' | 'analyst') => bearer(world.brand.keys[role]);
const usOwners = { fact: 'owner.country', op: 'eq', value: 'US' };

describe('the segments API', () => {
  it('creates a segment, queues its refresh, and lists it with its member count once refreshed', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as('marketer'), payload: { name: 'US owners', condition: usOwners } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'US owners', memberCount: 0, refreshedAt: null, refreshPending: true, journeys: [] });
    const id = created.json().id as string;

    await inBrand(db, world.brand.brandId, (scope) => refreshSegment(scope, id));
    const listed = await app.inject({ method: 'GET', url: '/api/v1/segments', headers: as('analyst') });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data).toEqual([expect.objectContaining({ id, memberCount: 6, lastEntered: 6, lastLeft: 0, refreshPending: false })]);

    const taken = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as('marketer'), payload: { name: 'US owners', condition: { all: [] } } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('There is already a segment called "US owners"');
  });

  it('refuses facts a segment cannot compute, pointing at the rule', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: as('marketer'),
      payload: { name: 'Chicago time', condition: { all: [usOwners, { fact: 'owner.timeZone', op: 'eq', value: 'America/Chicago' }] } },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.condition.all.1.fact', message: expect.stringContaining('time zone is worked out from their postal code') }] });

    const event = await app.inject({ method: 'POST', url: '/api/v1/segments/preview', headers: as('marketer'), payload: { condition: { fact: 'event.data.code', op: 'eq', value: 'E21' } } });
    expect(event.statusCode).toBe(400);
    expect(event.json().error.message).toContain('a segment has no event');

    const unknown = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as('marketer'), payload: { name: 'Shoes', condition: { fact: 'owner.shoeSize', op: 'eq', value: 9 } } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('is not a fact journeys know');
  });

  it('previews an unsaved condition: how many products and a sample', async () => {
    const preview = await app.inject({
      method: 'POST',
      url: '/api/v1/segments/preview',
      headers: as('marketer'),
      payload: { condition: { fact: 'purchases.categories', op: 'includes', value: 'dryers' }, sample: 2 },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    // Owners with a dryer: A (three products), D (one active), H; F's dryer is safety-only, F's kettle is in.
    expect(preview.json().count).toBe(6);
    expect(preview.json().sample).toHaveLength(2);
    expect(preview.json().sample[0]).toMatchObject({ ownerEmail: expect.stringContaining('@example.com'), modelName: expect.any(String) });
    const analyst = await app.inject({ method: 'POST', url: '/api/v1/segments/preview', headers: as('analyst'), payload: { condition: usOwners } });
    expect(analyst.statusCode).toBe(403);
  });

  it('pages through members, those who entered last first, without repeats', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as('marketer'), payload: { name: 'Everyone', condition: { all: [] } } });
    const id = created.json().id as string;
    await inBrand(db, world.brand.brandId, (scope) => refreshSegment(scope, id));
    // Entries at different times, so the order is by time and then by product.
    await sql`update segment_members set entered_at = entered_at - (random() * interval '1 hour') where segment_id = ${id}`.execute(db);

    const seen: { ownershipId: string; enteredAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const response = await app.inject({ method: 'GET', url: `/api/v1/segments/${id}/members?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: as('marketer') });
      expect(response.statusCode, response.body).toBe(200);
      const page: { data: { ownershipId: string; enteredAt: string }[]; nextCursor: string | null; count: number } = response.json();
      expect(page.count).toBe(10);
      seen.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen.map((member) => member.ownershipId)).size).toBe(10);
    const times = seen.map((member) => member.enteredAt);
    expect(times).toEqual([...times].sort().reverse());

    const analyst = await app.inject({ method: 'GET', url: `/api/v1/segments/${id}/members`, headers: as('analyst') });
    expect(analyst.statusCode).toBe(403);
    const badCursor = await app.inject({ method: 'GET', url: `/api/v1/segments/${id}/members?cursor=nope`, headers: as('marketer') });
    expect(badCursor.json().error.code).toBe('invalid_cursor');
  });

  it('refreshes on demand through the queue, and edits and deletes segments no journey uses', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as('marketer'), payload: { name: 'Covered', condition: { fact: 'coverage.covered', op: 'eq', value: true } } });
    const id = created.json().id as string;
    await inBrand(db, world.brand.brandId, (scope) => refreshSegment(scope, id));
    await sql`delete from graphile_worker._private_jobs where key = ${`segment-refresh:${id}`}`.execute(db);

    const refresh = await app.inject({ method: 'POST', url: `/api/v1/segments/${id}/refresh`, headers: as('marketer') });
    expect(refresh.statusCode, refresh.body).toBe(202);
    expect(refresh.json()).toMatchObject({ id, refreshPending: true });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where key = ${`segment-refresh:${id}`}`.execute(db);
    expect(rows[0]?.n).toBe(1);
    expect((await app.inject({ method: 'POST', url: `/api/v1/segments/${id}/refresh`, headers: as('analyst') })).statusCode).toBe(403);

    const edited = await app.inject({ method: 'PUT', url: `/api/v1/segments/${id}`, headers: as('marketer'), payload: { name: 'Covered, with a plan', description: 'Care plan holders', condition: { fact: 'coverage.carePlan', op: 'eq', value: true } } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Covered, with a plan', description: 'Care plan holders', condition: { fact: 'coverage.carePlan', op: 'eq', value: true } });

    const deleted = await app.inject({ method: 'DELETE', url: `/api/v1/segments/${id}`, headers: as('marketer') });
    expect(deleted.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/v1/segments/${id}`, headers: as('marketer') })).statusCode).toBe(404);
  });

  it('lets a journey be triggered by a segment of the brand, keeps that segment while it is, and previews the entry', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as('marketer'), payload: { name: 'Kettle owners', condition: { fact: 'purchases.categories', op: 'includes', value: 'kettles' } } });
    const segmentId = created.json().id as string;
    const definition = (id: string) => ({ trigger: { kind: 'segment', segmentId: id }, steps: [{ id: 'bye', type: 'exit' }] });

    const unknown = await app.inject({ method: 'POST', url: '/api/v1/journeys', headers: as('marketer'), payload: { name: 'Lost', definition: definition('0190f3c2-6a7b-7c8d-9e0f-1a2b3c4d5e6f') } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.definition.trigger.segmentId', message: expect.stringContaining('There is no segment with this id') }]);

    const journey = await app.inject({ method: 'POST', url: '/api/v1/journeys', headers: as('marketer'), payload: { name: 'Kettle tips', definition: definition(segmentId) } });
    expect(journey.statusCode, journey.body).toBe(201);
    const detail = await app.inject({ method: 'GET', url: `/api/v1/segments/${segmentId}`, headers: as('analyst') });
    expect(detail.json().journeys).toEqual([{ id: journey.json().id, name: 'Kettle tips', status: 'off' }]);

    const kept = await app.inject({ method: 'DELETE', url: `/api/v1/segments/${segmentId}`, headers: as('marketer') });
    expect(kept.statusCode).toBe(409);
    expect(kept.json().error.message).toContain('"Kettle tips" enters owners from this segment');

    // Before a refresh the kettle is not in yet, but meets the condition; after one, it is in.
    const preview = () => app.inject({ method: 'POST', url: `/api/v1/journeys/${journey.json().id}/preview`, headers: as('marketer'), payload: { ownerId: world.owners.A, ownershipId: world.products.A1 } });
    const before = await preview();
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().steps[0]).toMatchObject({ stepId: 'trigger', decision: expect.stringContaining('Not in "Kettle owners" yet, but meets its condition') });
    await inBrand(db, world.brand.brandId, (scope) => refreshSegment(scope, segmentId));
    expect((await preview()).json().steps[0].decision).toContain('In "Kettle owners" since');
  });

  it('answers 404 for another brand\'s segment, and a journey cannot be triggered by one', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as('marketer'), payload: { name: 'Ours only', condition: usOwners } });
    const id = created.json().id as string;
    const other = await makeBrand(db, 'Other brand');
    const theirs = bearer(other.keys.admin);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/segments/${id}`],
      ['PUT', `/api/v1/segments/${id}`, { name: 'Taken over', condition: { all: [] } }],
      ['DELETE', `/api/v1/segments/${id}`],
      ['POST', `/api/v1/segments/${id}/refresh`],
      ['GET', `/api/v1/segments/${id}/members`],
    ] as const) {
      const response = await app.inject({ method, url, headers: theirs, payload: payload as object | undefined });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/segments', headers: theirs })).json().data).toEqual([]);
    const journey = await app.inject({ method: 'POST', url: '/api/v1/journeys', headers: theirs, payload: { name: 'Borrowed', definition: { trigger: { kind: 'segment', segmentId: id }, steps: [{ id: 'x', type: 'exit' }] } } });
    expect(journey.statusCode).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of ['/api/v1/segments', '/api/v1/segments/{id}', '/api/v1/segments/{id}/refresh', '/api/v1/segments/{id}/members', '/api/v1/segments/preview']) {
      expect(Object.keys(document.paths)).toContain(path);
    }
  });
});
