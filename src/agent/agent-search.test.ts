import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';
import { type AgentWorld, type Registered, agentWorld, fileClaim, register } from './agent-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: AgentWorld;
let other: AgentWorld;
let jane: Registered;
let janesSecond: Registered;
let bob: Registered;
let claim: { id: string; number: string };

beforeAll(async () => {
  app = await testApp(db);
  [world, other] = [await agentWorld(app, db, 'Search brand'), await agentWorld(app, db, 'Other search brand')];
  jane = await register(app, world, { email: 'jane.smith@example.test', name: 'Jane Smith', phone: '+14155550132' });
  janesSecond = await register(app, world, { email: 'jane.smith@example.test', name: 'Jane Smith' });
  bob = await register(app, world, { email: 'bob@example.test', name: 'Bob Jones' });
  claim = await fileClaim(app, world, janesSecond);
  // The other brand knows a Jane Smith too, with the same email and phone.
  await register(app, other, { email: 'jane.smith@example.test', name: 'Jane Smith', phone: '+14155550132' });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

interface Hit {
  id: string;
  matches: { on: string; ownershipId: string | null; ownershipStatus: string | null; claimId: string | null; claimNumber: string | null }[];
}
const search = async (q: string, key = world.brand.keys.agent): Promise<Hit[]> => {
  const response = await app.inject({ url: `/api/v1/owners?q=${encodeURIComponent(q)}`, headers: bearer(key) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data;
};
const noMatch = { ownershipId: null, ownershipStatus: null, claimId: null, claimNumber: null };

describe("the agent's search box", () => {
  it('lands on the owner by email, saying it matched the email', async () => {
    expect(await search('Jane.Smith@Example.test')).toEqual([expect.objectContaining({ id: jane.ownerId, matches: [{ on: 'email', ...noMatch }] })]);
  });

  it('lands on the owner by phone, however it is written', async () => {
    expect(await search('(415) 555-0132')).toEqual([expect.objectContaining({ id: jane.ownerId, matches: [{ on: 'phone', ...noMatch }] })]);
  });

  it('lands on the owner by serial, naming the product to highlight', async () => {
    const hits = await search(janesSecond.serial.toLowerCase().replace(/(.{4})/, '$1 '));
    expect(hits).toEqual([expect.objectContaining({ id: jane.ownerId, matches: [{ on: 'serial', ...noMatch, ownershipId: janesSecond.ownershipId, ownershipStatus: 'active' }] })]);
  });

  it('lands on the owner by claim number in any case, naming the claim and its product', async () => {
    expect(claim.number).toMatch(/^C-\d+$/);
    for (const typed of [claim.number, claim.number.toLowerCase(), claim.number.replace('-', '')]) {
      expect(await search(typed)).toEqual([expect.objectContaining({
        id: jane.ownerId,
        matches: [{ on: 'claim', ownershipId: janesSecond.ownershipId, ownershipStatus: 'active', claimId: claim.id, claimNumber: claim.number }],
      })]);
    }
  });

  it('finds owners by the start of words of their name', async () => {
    expect(await search('jan smi')).toEqual([expect.objectContaining({ id: jane.ownerId, matches: [{ on: 'name', ...noMatch }] })]);
    expect((await search('jones')).map((hit) => hit.id)).toEqual([bob.ownerId]);
    expect(await search('nobody')).toEqual([]);
    expect(await search('C-999999')).toEqual([]);
  });

  it('lists several owners when the term matches several, newest first', async () => {
    const again = await register(app, world, { email: 'bob.smith@example.test', name: 'Bob Smith' });
    expect((await search('smith')).map((hit) => hit.id)).toEqual([again.ownerId, jane.ownerId]);
  });

  it('lists the current and the former holder of a serial after a transfer', async () => {
    const transferred = await app.inject({
      method: 'POST',
      url: `/api/v1/ownerships/${bob.ownershipId}/transfer`,
      headers: bearer(world.brand.keys.agent),
      payload: { owner: { email: 'carla@example.test', name: 'Carla Diaz' } },
    });
    expect(transferred.statusCode, transferred.body).toBe(201);
    const hits = await search(bob.serial);
    expect(hits.map((hit) => [hit.id, hit.matches[0]?.ownershipStatus])).toEqual([
      [transferred.json().ownerId, 'active'],
      [bob.ownerId, 'transferred'],
    ]);
  });

  it("finds nothing of another brand's owners, by any kind of term", async () => {
    const theirs = other.brand.keys.agent;
    for (const term of [jane.serial, claim.number, 'bob@example.test', 'jones']) expect(await search(term, theirs)).toEqual([]);
    const sameEmail = await search('jane.smith@example.test', theirs);
    expect(sameEmail).toHaveLength(1);
    expect(sameEmail[0]?.id).not.toBe(jane.ownerId);
  });

  it('lists everyone without a term, with no matches to report', async () => {
    const page = await app.inject({ url: '/api/v1/owners?limit=1', headers: bearer(world.brand.keys.agent) });
    expect(page.json()).toMatchObject({ data: [{ matches: [] }], nextCursor: expect.any(String) });
  });
});
