import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { addDaysTo } from '../platform/calendar.ts';
import type { App } from '../platform/http/server.ts';
import { type AgentWorld, type Registered, agentWorld, fileClaim, register } from './agent-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: AgentWorld;
let other: AgentWorld;
let kettle: Registered;
let spare: Registered;
let claim: { id: string; number: string };

beforeAll(async () => {
  app = await testApp(db);
  [world, other] = [await agentWorld(app, db, 'Overview brand'), await agentWorld(app, db, 'Other overview brand')];
  kettle = await register(app, world, { email: 'ana@example.test', name: 'Ana Torres', phone: '+14155550199' });
  spare = await register(app, world, { email: 'ana@example.test', name: 'Ana Torres' });
  claim = await fileClaim(app, world, kettle, ['phone', 'email']);
  // The same agent takes the claim through two statuses within seconds: one entry on the timeline.
  for (const to of ['in_review', 'approved']) {
    const moved = await app.inject({ method: 'POST', url: `/api/v1/claims/${claim.id}/transitions`, headers: bearer(world.brand.keys.agent), payload: { to } });
    expect(moved.statusCode, moved.body).toBe(200);
  }
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const overview = async (ownerId: string, key = world.brand.keys.agent) => app.inject({ url: `/api/v1/owners/${ownerId}/overview`, headers: bearer(key) });
interface Entry { type: string; count: number; subjectId: string | null; actor: { type: string } | null; events: { payload: Record<string, unknown> }[] }

describe("the agent's 360° view of an owner", () => {
  it('shows every product with its stage, warranty today, maintenance due and open claims', async () => {
    const response = await overview(kettle.ownerId);
    expect(response.statusCode, response.body).toBe(200);
    const owner = response.json();
    expect(owner).toMatchObject({ id: kettle.ownerId, name: 'Ana Torres', email: 'ana@example.test', phone: '+14155550199' });
    const byId = new Map(owner.ownerships.map((product: { id: string }) => [product.id, product]));
    expect(byId.get(kettle.ownershipId)).toMatchObject({
      serial: kettle.serial,
      status: 'active',
      stage: expect.any(String),
      proofStatus: 'none',
      proofFileUrl: null,
      coverage: { covered: true, basis: 'purchase_date', parts: { covered: true, until: expect.any(String) }, carePlan: null },
      maintenance: { tasks: [{ name: 'Descale', status: 'ok', lastDoneOn: null }] },
      openClaims: 1,
    });
    const { purchaseDate, maintenance } = byId.get(kettle.ownershipId) as { purchaseDate: string; maintenance: { tasks: { dueOn: string }[] } };
    expect(maintenance.tasks[0]?.dueOn).toBe(addDaysTo(purchaseDate, 90));
    expect(byId.get(spare.ownershipId)).toMatchObject({ openClaims: 0, coverage: { covered: true } });
  });

  it('lists claims with number, status and age, and prefers the channel of the latest claim', async () => {
    const owner = (await overview(kettle.ownerId)).json();
    expect(owner.claims).toEqual([expect.objectContaining({
      id: claim.id,
      number: claim.number,
      status: 'approved',
      ownership: { id: kettle.ownershipId, serial: kettle.serial },
      sla: expect.objectContaining({ ageSeconds: expect.any(Number), firstResponseSeconds: expect.any(Number) }),
    })]);
    expect(owner.preferredChannel).toEqual({ channel: 'phone', basis: 'latest_claim' });
  });

  it('keeps a timeline of registrations, claims and messages, folding repeated edits by one agent', async () => {
    const timeline: Entry[] = (await overview(kettle.ownerId)).json().timeline;
    const types = timeline.map((entry) => entry.type);
    expect(types.filter((type) => type === 'ownership.registered')).toHaveLength(2);
    expect(types).toContain('claim.submitted');
    const statusChanges = timeline.filter((entry) => entry.type === 'claim.status_changed');
    expect(statusChanges).toEqual([expect.objectContaining({ subjectId: claim.id, count: 2, actor: expect.objectContaining({ type: 'api_key' }) })]);
    expect(statusChanges[0]?.events.map((event) => event.payload.to)).toEqual(['approved', 'in_review']);
    // The claim's emails to the owner are on it too, one entry each.
    const messages = timeline.filter((entry) => entry.type === 'message');
    expect(messages.length).toBeGreaterThanOrEqual(1);
    expect(messages.every((entry) => entry.count === 1)).toBe(true);
    expect(messages.map((entry) => entry.events[0]?.payload.template)).toContain('claim_submitted');
  });

  it('shows a transfer made from it: the product stays, ended, and its warranty no longer applies', async () => {
    const transferred = await app.inject({
      method: 'POST',
      url: `/api/v1/ownerships/${spare.ownershipId}/transfer`,
      headers: bearer(world.brand.keys.agent),
      payload: { owner: { email: 'ben@example.test', name: 'Ben Ortiz', country: 'US' } },
    });
    expect(transferred.statusCode, transferred.body).toBe(201);
    const owner = (await overview(kettle.ownerId)).json();
    const former = owner.ownerships.find((product: { id: string }) => product.id === spare.ownershipId);
    expect(former).toMatchObject({ status: 'transferred', endedAt: expect.any(String), maintenance: null, coverage: { covered: false, excludedBecause: 'transferred_away' } });
    expect(owner.timeline.map((entry: Entry) => entry.type)).toContain('ownership.transferred');

    const newOwner = (await overview(transferred.json().ownerId)).json();
    expect(newOwner.ownerships).toEqual([expect.objectContaining({ serial: spare.serial, status: 'active', coverage: expect.objectContaining({ covered: true }) })]);
  });

  it('shows a product retired from it as retired, with nothing more due', async () => {
    const old = await register(app, world, { email: 'ana@example.test', name: 'Ana Torres' });
    const retired = await app.inject({ method: 'POST', url: `/api/v1/ownerships/${old.ownershipId}/retire`, headers: bearer(world.brand.keys.agent) });
    expect(retired.statusCode, retired.body).toBe(200);
    const owner = (await overview(kettle.ownerId)).json();
    expect(owner.ownerships.find((product: { id: string }) => product.id === old.ownershipId)).toMatchObject({
      status: 'retired', endedAt: expect.any(String), maintenance: null, coverage: { covered: false, excludedBecause: 'retired' },
    });
    expect(owner.timeline.map((entry: Entry) => entry.type)).toContain('ownership.retired');
  });

  it('leaves out claims for a role without claims:read, and messages for one without messages:read', async () => {
    const owner = (await overview(kettle.ownerId, world.brand.keys.marketer)).json();
    expect(owner.claims).toBeNull();
    expect(owner.ownerships.every((product: { openClaims: number | null }) => product.openClaims === null)).toBe(true);
    expect(owner.timeline.some((entry: Entry) => entry.type.startsWith('claim.'))).toBe(false);
  });

  it('is for staff who may see owners, of their own brand', async () => {
    expect((await overview(kettle.ownerId, world.brand.keys.analyst)).statusCode).toBe(403);
    const theirs = await overview(kettle.ownerId, other.brand.keys.admin);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('not_found');
    expect((await app.inject({ url: '/api/v1/owners/nope/overview', headers: bearer(world.brand.keys.agent) })).statusCode).toBe(400);
  });
});
