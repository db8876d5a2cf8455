import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { systemActor } from '../access/principal.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { logCall as logCallIn } from './call-logs.ts';
import { type AgentWorld, type Registered, agentWorld, fileClaim, register } from './agent-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: AgentWorld;
let other: AgentWorld;
let ana: Registered;
let bob: Registered;
let bobsClaim: { id: string; number: string };

beforeAll(async () => {
  app = await testApp(db);
  [world, other] = [await agentWorld(app, db, 'Calls brand'), await agentWorld(app, db, 'Other calls brand')];
  ana = await register(app, world, { email: 'ana@example.test', name: 'Ana Torres' });
  bob = await register(app, world, { email: 'bob@example.test', name: 'Bob Jones' });
  bobsClaim = await fileClaim(app, world, bob);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const logCall = (ownerId: string, payload: Record<string, unknown>, key = world.brand.keys.agent) =>
  app.inject({ method: 'POST', url: `/api/v1/owners/${ownerId}/calls`, headers: bearer(key), payload });
const callsOf = (ownerId: string) => db.selectFrom('call_logs').selectAll().where('owner_id', '=', ownerId).execute();

describe('logging a call', () => {
  it('records who called about what, lists it, and puts it on the timeline without the notes', async () => {
    const response = await logCall(bob.ownerId, { direction: 'inbound', durationSeconds: 245, outcome: 'follow_up', notes: 'Asked when the engineer comes.', claimId: bobsClaim.id });
    expect(response.statusCode, response.body).toBe(201);
    const call = response.json();
    expect(call).toMatchObject({
      ownerId: bob.ownerId,
      claimId: bobsClaim.id,
      ownershipId: bob.ownershipId, // the claim's product
      direction: 'inbound',
      durationSeconds: 245,
      outcome: 'follow_up',
      notes: 'Asked when the engineer comes.',
      loggedBy: { staffId: null, label: expect.stringContaining('agent key') },
    });

    const listed = await app.inject({ url: `/api/v1/owners/${bob.ownerId}/calls`, headers: bearer(world.brand.keys.marketer) });
    expect(listed.json()).toEqual({ data: [call], nextCursor: null });

    const event = await db.selectFrom('events').selectAll().where('type', '=', 'call.logged').where('subject_id', '=', bob.ownerId).executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ callId: call.id, ownerId: bob.ownerId, claimId: bobsClaim.id, outcome: 'follow_up', actor: { type: 'api_key' } });
    expect(JSON.stringify(event.payload)).not.toContain('engineer');
    const overview = (await app.inject({ url: `/api/v1/owners/${bob.ownerId}/overview`, headers: bearer(world.brand.keys.agent) })).json();
    expect(overview.calls).toEqual([call]);
    expect(overview.timeline.map((entry: { type: string }) => entry.type)).toContain('call.logged');
  });

  it('counts a call logged without a start time as one that just ended', async () => {
    const now = new Date('2026-02-02T10:00:00Z');
    const call = await inBrand(db, world.brand.brandId, (scope) => logCallIn(scope, systemActor, ana.ownerId, { direction: 'inbound', durationSeconds: 245, outcome: 'resolved', notes: '' }, now));
    expect(call.startedAt).toBe('2026-02-02T09:55:55.000Z');
  });

  it('takes the start time given, about one of the owner’s products', async () => {
    const response = await logCall(ana.ownerId, { direction: 'outbound', startedAt: '2026-01-05T09:30:00+01:00', durationSeconds: 60, outcome: 'left_voicemail', ownershipId: ana.ownershipId });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ startedAt: '2026-01-05T08:30:00.000Z', ownershipId: ana.ownershipId, claimId: null, notes: '' });
  });

  it("refuses another owner's product or claim, a future call and a nonsense duration, recording nothing", async () => {
    const before = (await callsOf(ana.ownerId)).length;
    const refusals: [Record<string, unknown>, string][] = [
      [{ ownershipId: bob.ownershipId }, 'body.ownershipId'],
      [{ claimId: bobsClaim.id }, 'body.claimId'],
      [{ ownershipId: ana.ownershipId, claimId: bobsClaim.id }, 'body.claimId'],
      [{ startedAt: new Date(Date.now() + 86_400_000).toISOString() }, 'body.startedAt'],
      [{ durationSeconds: -1 }, 'body.durationSeconds'],
      [{ outcome: 'hung_up' }, 'body.outcome'],
    ];
    for (const [change, path] of refusals) {
      const response = await logCall(ana.ownerId, { direction: 'inbound', durationSeconds: 30, outcome: 'resolved', ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().error.details).toContainEqual(expect.objectContaining({ path }));
    }
    expect(await callsOf(ana.ownerId)).toHaveLength(before);
  });

  it('needs owners:write, and an owner of the caller’s brand', async () => {
    const call = { direction: 'inbound', durationSeconds: 30, outcome: 'resolved' };
    expect((await logCall(ana.ownerId, call, world.brand.keys.marketer)).statusCode).toBe(403);
    expect((await logCall(ana.ownerId, call, world.brand.keys.analyst)).statusCode).toBe(403);
    const theirs = await logCall(ana.ownerId, call, other.brand.keys.agent);
    expect(theirs.statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/owners/${ana.ownerId}/calls`, headers: bearer(other.brand.keys.agent) })).statusCode).toBe(404);
    expect((await callsOf(ana.ownerId)).every((row) => row.brand_id === world.brand.brandId)).toBe(true);
  });
});
