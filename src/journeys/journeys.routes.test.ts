import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { type ClaimWorld, claimWorld, ownedProduct } from '../claims/claim-fixtures.ts';
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
