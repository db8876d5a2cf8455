import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeBrand, type TestBrand, testApp, testDatabase } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';
import { type JourneyWorld, journeyWorld, liveJourney, registerProduct } from './journey-world.ts';

const { db } = testDatabase();
let app: App;
let world: JourneyWorld;
let otherBrand: TestBrand;

beforeAll(async () => {
  app = await testApp(db);
  world = await journeyWorld(app, db);
  otherBrand = await makeBrand(db, 'Other tasks brand');
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const tasks = (status: 'open' | 'done' | undefined, key = world.brand.keys.agent) =>
  app.inject({ url: `/api/v1/agent-tasks${status ? `?status=${status}` : ''}`, headers: bearer(key) });
const done = (id: string, key = world.brand.keys.agent) => app.inject({ method: 'POST', url: `/api/v1/agent-tasks/${id}/done`, headers: bearer(key) });

describe('agent tasks from a journey', () => {
  it('lists the task a journey step gave, lets an agent mark it done once, and keeps it to the brand', async () => {
    const journeyId = await liveJourney(db, world, {
      trigger: { kind: 'event', event: 'ownership.registered' },
      steps: [{ id: 'call', type: 'task', title: 'Call to welcome', details: 'Ask how the set-up went.' }],
    }, 'Welcome call');
    const owner = await registerProduct(app, db, world);

    const { serial } = await db.selectFrom('ownerships').select('serial').where('id', '=', owner.ownershipId).executeTakeFirstOrThrow();
    const open = await tasks(undefined);
    expect(open.statusCode, open.body).toBe(200);
    const [task] = open.json().data;
    expect(open.json().data).toHaveLength(1);
    expect(task).toMatchObject({
      owner: { id: owner.ownerId, name: 'Ana Torres' },
      product: { ownershipId: owner.ownershipId, modelName: 'Uno Kettle', serial },
      title: 'Call to welcome',
      details: 'Ask how the set-up went.',
      status: 'open',
      journey: { id: journeyId, name: 'Welcome call', stepId: 'call' },
      doneAt: null,
      doneBy: null,
    });

    // Marketers see the queue, but only agents (and admins) work it; analysts see numbers, not people.
    expect((await tasks('open', world.brand.keys.marketer)).statusCode).toBe(200);
    expect((await done(task.id, world.brand.keys.marketer)).statusCode).toBe(403);
    expect((await tasks('open', world.brand.keys.analyst)).statusCode).toBe(403);
    // Another brand neither sees nor finishes it.
    expect((await tasks('open', otherBrand.keys.agent)).json().data).toEqual([]);
    expect((await done(task.id, otherBrand.keys.agent)).statusCode).toBe(404);

    const finished = await done(task.id);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toMatchObject({ id: task.id, status: 'done', doneBy: expect.stringContaining('agent key'), doneAt: expect.any(String) });

    const again = await done(task.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already done by');

    expect((await tasks('open')).json().data).toEqual([]);
    expect((await tasks('done')).json().data.map((t: { id: string }) => t.id)).toEqual([task.id]);
    const audit = await db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'agent_task.done').where('brand_id', '=', world.brand.brandId).execute();
    expect(audit).toEqual([{ action: 'agent_task.done', subject_id: task.id }]);
  });

  it('answers 404 for a task that does not exist and 400 for a status it does not know', async () => {
    expect((await done('00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/agent-tasks?status=later', headers: bearer(world.brand.keys.agent) })).statusCode).toBe(400);
  });
});
