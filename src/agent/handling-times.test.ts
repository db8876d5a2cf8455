import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';
import { type AgentWorld, agentWorld, fileClaim, register } from './agent-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: AgentWorld;
let other: AgentWorld;
const hour = 3_600_000;
const day = 24 * hour;

/** A claim filed at `filedAt`, answered and resolved so many hours later (null: not yet). */
async function claimHandled(filedAt: string, respondedAfterHours: number | null, resolvedAfterHours: number | null) {
  const owner = await register(app, world, { email: `owner-${filedAt.slice(0, 10)}@example.test`, name: 'Handled Owner' });
  const claim = await fileClaim(app, world, owner);
  const filed = Date.parse(filedAt);
  await db.updateTable('claims').set({
    created_at: new Date(filed),
    first_response_at: respondedAfterHours === null ? null : new Date(filed + respondedAfterHours * hour),
    resolved_at: resolvedAfterHours === null ? null : new Date(filed + resolvedAfterHours * hour),
  }).where('id', '=', claim.id).execute();
  return owner;
}

beforeAll(async () => {
  app = await testApp(db);
  [world, other] = [await agentWorld(app, db, 'Handling brand'), await agentWorld(app, db, 'Other handling brand')];
  const owner = await claimHandled('2026-01-10T10:00:00Z', 1, 48);
  await claimHandled('2026-01-11T10:00:00Z', 3, null);
  await claimHandled('2026-01-31T23:00:00Z', 8, 96);
  await claimHandled('2025-12-31T23:59:59Z', 100, 200); // the day before the period
  for (const [startedAt, durationSeconds, direction] of [
    ['2026-01-05T09:00:00Z', 60, 'inbound'],
    ['2026-01-06T09:00:00Z', 600, 'outbound'],
    ['2026-01-31T23:59:00Z', 120, 'inbound'],
    ['2026-02-01T00:00:00Z', 3000, 'inbound'], // the day after
  ] as const) {
    const logged = await app.inject({ method: 'POST', url: `/api/v1/owners/${owner.ownerId}/calls`, headers: bearer(world.brand.keys.agent), payload: { direction, startedAt, durationSeconds, outcome: 'resolved' } });
    expect(logged.statusCode, logged.body).toBe(201);
  }
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const figures = (query: string, key = world.brand.keys.agent) => app.inject({ url: `/api/v1/agent/handling-times${query}`, headers: bearer(key) });

describe('average handling time', () => {
  it('gives average and median first-response and resolution times of the claims filed in the period, and the calls', async () => {
    const response = await figures('?from=2026-01-01&to=2026-01-31');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      period: { from: '2026-01-01', to: '2026-01-31' },
      claims: {
        filed: 3,
        firstResponse: { count: 3, averageSeconds: 4 * 3600, medianSeconds: 3 * 3600 },
        resolution: { count: 2, averageSeconds: 3 * day / 1000, medianSeconds: 3 * day / 1000 },
      },
      calls: { count: 3, inbound: 2, outbound: 1, totalSeconds: 780, averageSeconds: 260, medianSeconds: 120 },
    });
  });

  it('has no times for a period with nothing in it', async () => {
    const response = await figures('?from=2020-01-01&to=2020-01-31');
    expect(response.json()).toMatchObject({
      claims: { filed: 0, firstResponse: { count: 0, averageSeconds: null, medianSeconds: null } },
      calls: { count: 0, totalSeconds: 0, averageSeconds: null },
    });
  });

  it("counts only the caller's brand", async () => {
    expect((await figures('?from=2026-01-01&to=2026-01-31', other.brand.keys.admin)).json()).toMatchObject({ claims: { filed: 0 }, calls: { count: 0 } });
  });

  it('refuses a period that ends before it starts, and roles that may not read claims', async () => {
    const backwards = await figures('?from=2026-02-01&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([expect.objectContaining({ path: 'query.from' })]);
    expect((await figures('?to=2026-13-45')).statusCode).toBe(400);
    expect((await figures('', world.brand.keys.marketer)).statusCode).toBe(403);
  });
});
