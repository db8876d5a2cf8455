import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/principal.ts';
import { testApp, testDatabase } from '../../test/harness.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { advanceRun } from './advance-run.ts';
import { enterDueOwners } from './date-triggers.ts';
import { journeyDefinitionSchema } from './definition.ts';
import {
  type JourneyWorld, advance, expectOneRun, happen, journeyWorld, testEffects, liveJourney, messagesOf, refreshSegmentNow, registerProduct, runDue, runsOf,
  setOwnerAttribute,
} from './journey-world.ts';
import { createSegment } from '../segments/segments.ts';
import { conditionSchema } from './conditions.ts';
import { deliverEvents } from './journey-world.ts';
import { publishJourneyVersion, setJourneyStatus } from './journeys.ts';
import { journeyCounts } from './step-counts.ts';

const { db } = testDatabase();
let app: App;
let world: JourneyWorld;

beforeAll(async () => {
  app = await testApp(db);
  world = await journeyWorld(app, db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const registered = { kind: 'event', event: 'ownership.registered' } as const;

describe('the journey engine', () => {
  it('sends a welcome at once and tips three days later, each once, then completes', async () => {
    const journeyId = await liveJourney(db, world, {
      trigger: registered,
      steps: [
        { id: 'welcome', type: 'send', channel: 'email', template: 'welcome', next: 'wait' },
        { id: 'wait', type: 'wait', duration: { days: 3 }, next: 'tips' },
        { id: 'tips', type: 'send', channel: 'email', template: 'tips' },
      ],
    });
    const ana = await registerProduct(app, db, world);
    expect(await messagesOf(db, world, ana.ownerId)).toEqual(['welcome']);
    expect(expectOneRun(await runsOf(db, world, journeyId))).toMatchObject({ status: 'active', step_id: 'wait' });

    await advance(db, world, { days: 2, hours: 23 });
    expect(await messagesOf(db, world, ana.ownerId)).toEqual(['welcome']);
    await advance(db, world, { hours: 1 });
    expect(await messagesOf(db, world, ana.ownerId)).toEqual(['welcome', 'tips']);
    const run = expectOneRun(await runsOf(db, world, journeyId));
    expect(run).toMatchObject({ status: 'completed', end_reason: 'end', step_id: 'tips' });

    // A job run twice (a retry after a crash) changes nothing.
    await advanceRun(db, testEffects, world.brand.brandId, run.id, world.now);
    expect(await messagesOf(db, world, ana.ownerId)).toEqual(['welcome', 'tips']);
    await off(journeyId);
  });

  it('keeps out owners the entry conditions do not fit, and every safety-only owner', async () => {
    const journeyId = await liveJourney(db, world, {
      trigger: registered,
      conditions: { fact: 'model.category', op: 'eq', value: 'toasters' },
      steps: [{ id: 'welcome', type: 'send', channel: 'email', template: 'welcome' }],
    });
    const kettleOwner = await registerProduct(app, db, world);
    const toasterOwner = await registerProduct(app, db, world, { modelId: world.expiredModelId });
    expect(await messagesOf(db, world, kettleOwner.ownerId)).toEqual([]);
    expect(await messagesOf(db, world, toasterOwner.ownerId)).toEqual(['welcome']);
    const runs = await runsOf(db, world, journeyId);
    expect(runs.find((run) => run.owner_id === kettleOwner.ownerId)).toMatchObject({ status: 'exited', end_reason: 'not_eligible' });

    await off(journeyId);

    // Registered under a safety rule (16 CFR 1130): contact data for safety notices only.
    const anyone = await liveJourney(db, world, { trigger: { kind: 'event', event: 'owner.tested', entry: 'per_event' }, steps: [{ id: 'welcome', type: 'send', channel: 'email', template: 'welcome' }] });
    await inBrand(db, world.brand.brandId, (scope) => scope.db.updateTable('owners').set({ safety_only: true }).where('id', '=', toasterOwner.ownerId).execute());
    await happen(db, world, 'owner.tested', { ownerId: toasterOwner.ownerId });
    expect(await messagesOf(db, world, toasterOwner.ownerId)).toEqual(['welcome']);
    expect(expectOneRun(await runsOf(db, world, anyone))).toMatchObject({ status: 'exited', end_reason: 'safety_only' });
    await off(anyone);
  });

  it('ends in a conversion when the goal happens, and takes the event path of a wait', async () => {
    const journeyId = await liveJourney(db, world, {
      trigger: { kind: 'event', event: 'warranty.expiring', entry: 'per_event' },
      goal: { event: 'care_plan.added', withinDays: 30 },
      steps: [
        { id: 'offer', type: 'send', channel: 'email', template: 'offer', offer: { title: 'Three more years' }, next: 'wait' },
        { id: 'wait', type: 'wait_for_event', event: 'owner.replied', timeout: { days: 14 }, onEvent: 'thanks', onTimeout: 'reminder' },
        { id: 'thanks', type: 'send', channel: 'email', template: 'tips' },
        { id: 'reminder', type: 'send', channel: 'email', template: 'reminder' },
      ],
    });
    const buyer = await registerProduct(app, db, world);
    const replier = await registerProduct(app, db, world);
    const silent = await registerProduct(app, db, world);
    for (const owner of [buyer, replier, silent]) await happen(db, world, 'warranty.expiring', { ownerId: owner.ownerId, ownershipId: owner.ownershipId });

    await happen(db, world, 'care_plan.added', { ownerId: buyer.ownerId, ownershipId: buyer.ownershipId });
    await happen(db, world, 'owner.replied', { ownerId: replier.ownerId });
    await advance(db, world, { days: 14 });

    expect(await messagesOf(db, world, buyer.ownerId)).toEqual(['offer']);
    expect(await messagesOf(db, world, replier.ownerId)).toEqual(['offer', 'tips']);
    expect(await messagesOf(db, world, silent.ownerId)).toEqual(['offer', 'reminder']);
    const runs = await runsOf(db, world, journeyId);
    expect(runs.find((run) => run.owner_id === buyer.ownerId)).toMatchObject({ status: 'converted', end_reason: 'goal' });

    const counts = await inBrand(db, world.brand.brandId, (scope) => journeyCounts(scope, journeyId));
    expect(counts).toMatchObject({ entered: 3, converted: 1, completed: 2, active: 0 });
    expect(counts.steps.find((step) => step.stepId === 'offer')).toMatchObject({ entered: 3, converted: 1 });
    expect(counts.steps.find((step) => step.stepId === 'reminder')).toMatchObject({ entered: 1, exited: 1 });
    await off(journeyId);
  });

  it('lets owners inside finish on their version while new entrants take the new one', async () => {
    const journeyId = await liveJourney(db, world, {
      trigger: registered,
      steps: [{ id: 'wait', type: 'wait', duration: { days: 1 }, next: 'say' }, { id: 'say', type: 'send', channel: 'email', template: 'welcome' }],
    });
    const early = await registerProduct(app, db, world);
    await inBrand(db, world.brand.brandId, (scope) =>
      publishJourneyVersion(scope, systemActor, journeyId, {
        definition: journeyDefinitionSchema.parse({ trigger: registered, steps: [{ id: 'wait', type: 'wait', duration: { days: 1 }, next: 'say' }, { id: 'say', type: 'send', channel: 'email', template: 'tips' }] }),
      }),
    );
    const late = await registerProduct(app, db, world);
    await advance(db, world, { days: 1 });
    expect(await messagesOf(db, world, early.ownerId)).toEqual(['welcome']);
    expect(await messagesOf(db, world, late.ownerId)).toEqual(['tips']);
    await off(journeyId);
  });

  it('holds everyone while paused and moves them on when switched back on', async () => {
    const journeyId = await liveJourney(db, world, {
      trigger: registered,
      steps: [{ id: 'wait', type: 'wait', duration: { hours: 1 }, next: 'say' }, { id: 'say', type: 'send', channel: 'email', template: 'welcome' }],
    });
    const owner = await registerProduct(app, db, world);
    await inBrand(db, world.brand.brandId, (scope) => setJourneyStatus(scope, systemActor, journeyId, 'paused'));
    await advance(db, world, { hours: 2 });
    expect(await messagesOf(db, world, owner.ownerId)).toEqual([]);
    await inBrand(db, world.brand.brandId, (scope) => setJourneyStatus(scope, systemActor, journeyId, 'live'));
    await runDue(db, world);
    expect(await messagesOf(db, world, owner.ownerId)).toEqual(['welcome']);
    await off(journeyId);
  });

  it('enters owners on their purchase date plus an offset, once however often the trigger runs', async () => {
    // Registration refuses purchase dates after the real today, which the test clock may have passed.
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const thirtyDaysAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const due = await registerProduct(app, db, world, { purchaseDate: thirtyDaysAgo });
    const notDue = await registerProduct(app, db, world, { purchaseDate: new Date(now.getTime() - 10 * 86_400_000).toISOString().slice(0, 10) });
    const journeyId = await liveJourney(db, world, {
      trigger: { kind: 'date', attribute: 'purchase_date', offsetDays: 30 },
      steps: [{ id: 'tip', type: 'send', channel: 'email', template: 'tips' }],
    });
    await enterDueOwners(db, today);
    await enterDueOwners(db, today);
    await runDue(db, world);
    expect(await messagesOf(db, world, due.ownerId)).toEqual(['tips']);
    expect(await messagesOf(db, world, notDue.ownerId)).toEqual([]);
    // Earlier tests' owners bought 30 days ago too (the fixture's default): each entered once.
    const entered = (await runsOf(db, world, journeyId)).map((run) => run.owner_id);
    expect(entered).toContain(due.ownerId);
    expect(entered).not.toContain(notDue.ownerId);
    expect(new Set(entered).size).toBe(entered.length);
    await off(journeyId);
  });

  it('updates the stage and attributes, branches on them, gives agents a task, and skips what it cannot send', async () => {
    const journeyId = await liveJourney(db, world, {
      trigger: registered,
      steps: [
        { id: 'mark', type: 'update', stage: 'enjoying', attribute: { name: 'welcomed', value: true }, next: 'check' },
        { id: 'check', type: 'branch', condition: { all: [{ fact: 'attributes.welcomed', op: 'eq', value: true }, { fact: 'ownership.stage', op: 'eq', value: 'enjoying' }] }, then: 'sms', else: 'exit' },
        { id: 'sms', type: 'send', channel: 'sms', template: 'text-tip', next: 'call' },
        { id: 'call', type: 'task', title: 'Call to check the installation', next: 'exit' },
        { id: 'exit', type: 'exit' },
      ],
    });
    const owner = await registerProduct(app, db, world);
    const run = expectOneRun(await runsOf(db, world, journeyId));
    expect(run).toMatchObject({ status: 'exited', end_reason: 'exit' });
    await inBrand(db, world.brand.brandId, async (scope) => {
      const log = await scope.db.selectFrom('journey_step_log').select(['step_id', 'outcome']).where('run_id', '=', run.id).orderBy('at').execute();
      expect(Object.fromEntries(log.map((entry) => [entry.step_id, entry.outcome]))).toEqual({ mark: 'done', check: 'then', sms: 'no_address', call: 'done', exit: 'exit' });
      const ownership = await scope.db.selectFrom('ownerships').select('stage').where('id', '=', owner.ownershipId).executeTakeFirstOrThrow();
      expect(ownership.stage).toBe('enjoying');
      const tasks = await scope.db.selectFrom('agent_tasks').select(['title', 'status']).where('owner_id', '=', owner.ownerId).execute();
      expect(tasks).toEqual([{ title: 'Call to check the installation', status: 'open' }]);
    });
    await off(journeyId);
  });
});

describe('journeys triggered by entering a segment', () => {
  it('enter a product when a refresh finds it meeting the segment, once; leaving and coming back follows the entry rule', async () => {
    const segmentId = await inBrand(db, world.brand.brandId, (scope) =>
      createSegment(scope, systemActor, { name: 'Gold club', description: null, condition: conditionSchema.parse({ fact: 'attributes.club', op: 'eq', value: 'gold' }) }),
    );
    // Already in the segment when the journeys go live (its event still on its way): not swept in.
    const early = await registerProduct(app, db, world);
    await setOwnerAttribute(db, world, early.ownerId, 'club', 'gold');
    await refreshSegmentNow(db, world, segmentId, { deliver: false });
    const once = await liveJourney(db, world, { trigger: { kind: 'segment', segmentId }, steps: [{ id: 'hello', type: 'send', channel: 'email', template: 'welcome' }] }, 'Gold welcome');
    const everyTime = await liveJourney(db, world, { trigger: { kind: 'segment', segmentId, entry: 'per_event' }, steps: [{ id: 'note', type: 'send', channel: 'email', template: 'tips' }] }, 'Gold note');
    await deliverEvents(db, world);
    expect(await messagesOf(db, world, early.ownerId)).toEqual([]);

    // Registered, not gold: a refresh leaves it out.
    const ana = await registerProduct(app, db, world);
    await refreshSegmentNow(db, world, segmentId);
    expect(await messagesOf(db, world, ana.ownerId)).toEqual([]);

    // Gold: the next refresh takes the product in, and both journeys with it.
    await setOwnerAttribute(db, world, ana.ownerId, 'club', 'gold');
    await refreshSegmentNow(db, world, segmentId);
    expect((await messagesOf(db, world, ana.ownerId)).sort()).toEqual(['tips', 'welcome']);
    await refreshSegmentNow(db, world, segmentId);
    expect(await messagesOf(db, world, ana.ownerId)).toHaveLength(2);

    // Out of the club and back in: a new entry, which "every time" takes and "once per product" does not.
    await setOwnerAttribute(db, world, ana.ownerId, 'club', 'silver');
    await refreshSegmentNow(db, world, segmentId);
    await setOwnerAttribute(db, world, ana.ownerId, 'club', 'gold');
    await refreshSegmentNow(db, world, segmentId);
    expect((await messagesOf(db, world, ana.ownerId)).sort()).toEqual(['tips', 'tips', 'welcome']);

    const runs = await runsOf(db, world, once);
    expect(runs.map((run) => run.owner_id)).toEqual([ana.ownerId]);
    expect((await runsOf(db, world, everyTime)).map((run) => run.owner_id)).toEqual([ana.ownerId, ana.ownerId]);
    await inBrand(db, world.brand.brandId, async (scope) => {
      const run = await scope.db.selectFrom('journey_runs').select(['ownership_id', 'trigger_payload']).where('journey_id', '=', once).executeTakeFirstOrThrow();
      expect(run).toEqual({ ownership_id: ana.ownershipId, trigger_payload: { type: 'segment.entered', data: { segmentId, segment: 'Gold club', ownerId: ana.ownerId, ownershipId: ana.ownershipId } } });
    });
    await off(once);
    await off(everyTime);
  });
});

async function off(journeyId: string) {
  await inBrand(db, world.brand.brandId, (scope) => setJourneyStatus(scope, systemActor, journeyId, 'off'));
}
