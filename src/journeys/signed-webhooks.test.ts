import type { JobHelpers } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { claimWorld } from '../claims/claim-fixtures.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { type JourneyWorld, happen, journeyWorld, liveJourney, registerProduct, testEffects } from './journey-world.ts';
import { journeyTasks } from './journeys.tasks.ts';
import { type ReceivedCall, verifyAsReceiver, webhookReceiver } from './webhook-receiver-fixture.ts';

const { db } = testDatabase();
let app: App;
let world: JourneyWorld;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let journeyId: string;
let ownerId: string;

beforeAll(async () => {
  app = await testApp(db);
  world = await journeyWorld(app, db);
  receiver = await webhookReceiver();
  journeyId = await liveJourney(db, world, {
    trigger: { kind: 'event', event: 'webhook.tested', entry: 'per_event' },
    steps: [{ id: 'hook', type: 'webhook', url: receiver.url }],
  });
  ownerId = (await registerProduct(app, db, world)).ownerId;
});
afterAll(async () => {
  await receiver.close();
  await app.close();
  await db.destroy();
});

/** Enters the owner once more, runs the webhook step and its call (as the queue would), and returns what the receiver got. */
async function oneCall(): Promise<ReceivedCall & { callId: string }> {
  const known = new Set(await callIds());
  await happen(db, world, 'webhook.tested', { ownerId });
  const [callId] = (await callIds()).filter((id) => !known.has(id));
  if (!callId) throw new Error('The webhook step wrote no call.');
  // Another test file's worker may take the queued job first; the receiver has the call either way.
  await journeyTasks(db, testEffects).journey_webhook({ callId, brandId: world.brand.brandId }, {} as JobHelpers);
  const received = receiver.calls.filter((call) => call.headers['webhook-id'] === callId);
  expect(received.length).toBeGreaterThanOrEqual(1);
  return { ...(received[0] as ReceivedCall), callId };
}

function callIds(): Promise<string[]> {
  return inBrand(db, world.brand.brandId, async (scope) =>
    (
      await scope.db
        .selectFrom('journey_webhook_calls as c')
        .innerJoin('journey_runs as r', 'r.id', 'c.run_id')
        .select('c.id')
        .where('r.journey_id', '=', journeyId)
        .execute()
    ).map((row) => row.id),
  );
}

async function currentSecret(): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/webhook-signing-secret', headers: bearer(world.brand.keys.admin) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().secret as string;
}

describe('signed journey webhooks', () => {
  it('signs each call so the brand\'s receiver can verify it, and a tampered body fails', async () => {
    const call = await oneCall();
    const secret = await currentSecret();
    expect(secret).toMatch(/^whsec_/);
    expect(call.headers['webhook-id']).toBe(call.callId);
    expect(call.headers['idempotency-key']).toBe(call.callId);
    expect(call.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(call.body)).toMatchObject({ journeyId, stepId: 'hook', ownerId });

    expect(verifyAsReceiver(secret, call.headers, call.body)).toBe(true);
    expect(verifyAsReceiver(secret, call.headers, call.body.replace(ownerId, '00000000-0000-7000-8000-000000000000'))).toBe(false);
    expect(verifyAsReceiver(secret, { ...call.headers, 'webhook-timestamp': String(Number(call.headers['webhook-timestamp']) - 1) }, call.body)).toBe(false);
  });

  it('rotates: the new secret signs at once, the previous one beside it for 24 hours, then no more', async () => {
    const before = await currentSecret();
    const refused = await app.inject({ method: 'POST', url: '/api/v1/webhook-signing-secret/rotate', headers: bearer(world.brand.keys.marketer) });
    expect(refused.statusCode).toBe(403);

    const rotated = await app.inject({ method: 'POST', url: '/api/v1/webhook-signing-secret/rotate', headers: bearer(world.brand.keys.admin) });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const after = rotated.json().secret as string;
    expect(after).toMatch(/^whsec_/);
    expect(after).not.toBe(before);
    const signsUntil = Date.parse(rotated.json().previousSecretSignsUntil);
    expect(signsUntil - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(await currentSecret()).toBe(after);

    const duringChangeover = await oneCall();
    expect((duringChangeover.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(verifyAsReceiver(after, duringChangeover.headers, duringChangeover.body)).toBe(true);
    expect(verifyAsReceiver(before, duringChangeover.headers, duringChangeover.body)).toBe(true);

    // A day later the previous secret no longer signs.
    await inBrand(db, world.brand.brandId, (scope) => scope.db.updateTable('webhook_signing_secrets').set({ previous_expires_at: new Date(Date.now() - 1000) }).execute());
    const later = await oneCall();
    expect((later.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    expect(verifyAsReceiver(after, later.headers, later.body)).toBe(true);
    expect(verifyAsReceiver(before, later.headers, later.body)).toBe(false);

    const audit = await app.inject({ method: 'GET', url: '/api/v1/audit-log?limit=200', headers: bearer(world.brand.keys.admin) });
    const entry = (audit.json().data as { action: string; changes: unknown }[]).find((row) => row.action === 'webhook_signing_secret.rotated');
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain(after.slice(6));
  });

  it('shows the secret to admins only, and each brand has its own', async () => {
    for (const role of ['marketer', 'agent', 'analyst'] as const) {
      const response = await app.inject({ method: 'GET', url: '/api/v1/webhook-signing-secret', headers: bearer(world.brand.keys[role]) });
      expect(response.statusCode, role).toBe(403);
    }
    const other = await claimWorld(app, db, 'Other Webhook Brand');
    const theirs = await app.inject({ method: 'GET', url: '/api/v1/webhook-signing-secret', headers: bearer(other.brand.keys.admin) });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().secret).not.toBe(await currentSecret());
  });
});
