import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { type ClaimWorld, claimWorld, ownedProduct } from '../claims/claim-fixtures.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { playbook } from './playbook.ts';

const { db } = testDatabase();
let app: App;
let world: ClaimWorld;

beforeAll(async () => {
  app = await testApp(db);
  world = await claimWorld(app, db, 'Journey API Brand');
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const welcome = {
  trigger: { kind: 'event', event: 'ownership.registered' },
  steps: [
    { id: 'wait', type: 'wait', duration: { days: 1 }, next: 'say' },
    { id: 'say', type: 'send', channel: 'email', template: 'playbook-welcome' },
  ],
};

describe('the journeys API', () => {
  it('adopts every playbook journey with its templates, switched off', async () => {
    for (const entry of playbook) {
      const adopted = await app.inject({ method: 'POST', url: `/api/v1/journey-playbook/${entry.key}/adopt`, headers: bearer(world.brand.keys.marketer) });
      expect(adopted.statusCode, adopted.body).toBe(201);
      expect(adopted.json()).toMatchObject({ name: entry.name, status: 'off', version: 1, playbookKey: entry.key });
    }
    const again = await app.inject({ method: 'POST', url: '/api/v1/journey-playbook/welcome-series/adopt', headers: bearer(world.brand.keys.marketer) });
    expect(again.statusCode).toBe(409);
    const listed = await app.inject({ method: 'GET', url: '/api/v1/journey-playbook', headers: bearer(world.brand.keys.analyst) });
    expect(listed.json().every((entry: { journeyId: string | null }) => entry.journeyId !== null)).toBe(true);
  });

  it('creates, publishes versions, switches and previews a journey with a real owner and template', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/journeys', headers: bearer(world.brand.keys.marketer), payload: { name: 'Welcome', definition: welcome } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const edited = await app.inject({ method: 'PUT', url: `/api/v1/journeys/${id}`, headers: bearer(world.brand.keys.marketer), payload: { name: 'Welcome', definition: { ...welcome, steps: [welcome.steps[1]] } } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, versions: [{ version: 2 }, { version: 1 }] });

    const owner = await ownedProduct(app, world);
    const preview = await app.inject({ method: 'POST', url: `/api/v1/journeys/${id}/preview`, headers: bearer(world.brand.keys.marketer), payload: { ownerId: owner.ownerId, ownershipId: owner.ownershipId, definition: welcome } });
    expect(preview.statusCode, preview.body).toBe(200);
    const steps = preview.json().steps as { stepId: string; decision: string; message?: { subject: string; recipient: string } }[];
    expect(steps.map((step) => step.stepId)).toEqual(['entry', 'wait', 'say']);
    expect(steps[1]?.decision).toMatch(/^Waits until /);
    expect(steps[2]?.message).toMatchObject({ subject: 'Welcome to your Uno Kettle, Ana', recipient: owner.email });

    // Nothing was queued by the preview (the journey is not live yet, so nothing else queues it either).
    const outbox = await app.inject({ method: 'GET', url: `/api/v1/messages?ownerId=${owner.ownerId}`, headers: bearer(world.brand.keys.admin) });
    expect(JSON.stringify(outbox.json())).not.toContain('playbook-welcome');

    const live = await app.inject({ method: 'POST', url: `/api/v1/journeys/${id}/status`, headers: bearer(world.brand.keys.marketer), payload: { status: 'live' } });
    expect(live.json().status).toBe('live');
  });

  it('refuses a definition that sends a template the brand does not have, naming the step', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/journeys',
      headers: bearer(world.brand.keys.marketer),
      payload: { name: 'Typo', definition: { ...welcome, steps: [{ id: 'say', type: 'send', channel: 'email', template: 'welcme' }] } },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.definition.steps.0.template' }] });
    expect(refused.json().error.message).toContain('There is no email template "welcme"');
  });

  it('pages the owners in a journey: 250 over two pages, none twice, none missing, the filter kept', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/journeys', headers: bearer(world.brand.keys.marketer), payload: { name: 'Crowded', definition: welcome } });
    const id = created.json().id as string;
    const owner = await ownedProduct(app, world);
    // Runs written straight into the table: entering 250 owners through the engine would test the engine.
    const inserted = await inBrand(db, world.brand.brandId, async (scope) => {
      const finished = await sql<{ id: string }>`
        insert into journey_runs (brand_id, journey_id, journey_version_id, owner_id, entry_key, status, step_id, end_reason, ended_at)
        select j.brand_id, j.id, j.current_version_id, ${owner.ownerId}, 'paging:' || n, 'completed', 'say', 'end', now()
        from journeys j, generate_series(1, 250) n where j.id = ${id}
        returning id`.execute(scope.db);
      // Waiting for an event, so no timer job is queued for them.
      await sql`
        insert into journey_runs (brand_id, journey_id, journey_version_id, owner_id, entry_key, status, step_id)
        select j.brand_id, j.id, j.current_version_id, ${owner.ownerId}, 'active:' || n, 'active', 'say'
        from journeys j, generate_series(1, 7) n where j.id = ${id}`.execute(scope.db);
      return finished.rows.map((row) => row.id);
    });

    const url = `/api/v1/journeys/${id}/runs?status=completed&limit=200`;
    const first = await app.inject({ method: 'GET', url, headers: bearer(world.brand.keys.marketer) });
    expect(first.statusCode, first.body).toBe(200);
    const firstPage = first.json() as { data: { id: string; status: string }[]; nextCursor: string | null };
    expect(firstPage.data).toHaveLength(200);
    expect(firstPage.nextCursor).not.toBeNull();
    const second = await app.inject({ method: 'GET', url: `${url}&cursor=${firstPage.nextCursor}`, headers: bearer(world.brand.keys.marketer) });
    const secondPage = second.json() as typeof firstPage;
    expect(secondPage.data).toHaveLength(50);
    expect(secondPage.nextCursor).toBeNull();

    const seen = [...firstPage.data, ...secondPage.data];
    expect(seen.every((run) => run.status === 'completed')).toBe(true);
    expect(new Set(seen.map((run) => run.id)).size).toBe(250);
    expect([...seen.map((run) => run.id)].sort()).toEqual([...inserted].sort());
    // Latest entry first: run ids are time-ordered.
    expect(seen.map((run) => run.id)).toEqual([...inserted].sort().reverse());

    const active = await app.inject({ method: 'GET', url: `/api/v1/journeys/${id}/runs?status=active`, headers: bearer(world.brand.keys.marketer) });
    expect(active.json()).toMatchObject({ nextCursor: null });
    expect(active.json().data).toHaveLength(7);
    const badCursor = await app.inject({ method: 'GET', url: `${url}&cursor=not-ours`, headers: bearer(world.brand.keys.marketer) });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.code).toBe('invalid_cursor');
  });

  it('answers a loop with the schema\'s message, and keeps other roles and brands out', async () => {
    const loop = await app.inject({
      method: 'POST',
      url: '/api/v1/journeys',
      headers: bearer(world.brand.keys.marketer),
      payload: { name: 'Loop', definition: { ...welcome, steps: [{ id: 'a', type: 'wait', duration: { days: 1 }, next: 'b' }, { id: 'b', type: 'wait', duration: { days: 1 }, next: 'a' }] } },
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.body).toContain('a journey must always move forward');

    const analystWrite = await app.inject({ method: 'POST', url: '/api/v1/journeys', headers: bearer(world.brand.keys.analyst), payload: { name: 'x', definition: welcome } });
    expect(analystWrite.statusCode).toBe(403);
    const agentRead = await app.inject({ method: 'GET', url: '/api/v1/journeys', headers: bearer(world.brand.keys.agent) });
    expect(agentRead.statusCode).toBe(403);
    const ours0 = (await app.inject({ method: 'GET', url: '/api/v1/journeys', headers: bearer(world.brand.keys.analyst) })).json() as { id: string }[];
    const analystPeople = await app.inject({ method: 'GET', url: `/api/v1/journeys/${ours0[0]?.id}/runs`, headers: bearer(world.brand.keys.analyst) });
    expect(analystPeople.statusCode, 'analysts see numbers, not people').toBe(403);
    const analystCounts = await app.inject({ method: 'GET', url: `/api/v1/journeys/${ours0[0]?.id}/counts`, headers: bearer(world.brand.keys.analyst) });
    expect(analystCounts.statusCode).toBe(200);

    const other = await claimWorld(app, db, 'Other Journey Brand');
    const ours = (await app.inject({ method: 'GET', url: '/api/v1/journeys', headers: bearer(world.brand.keys.marketer) })).json() as { id: string }[];
    expect(ours.length).toBeGreaterThan(0);
    const theirs = await app.inject({ method: 'GET', url: `/api/v1/journeys/${ours[0]?.id}`, headers: bearer(other.brand.keys.marketer) });
    expect(theirs.statusCode).toBe(404);
    expect(((await app.inject({ method: 'GET', url: '/api/v1/journeys', headers: bearer(other.brand.keys.marketer) })).json() as unknown[]).length).toBe(0);
  });
});
