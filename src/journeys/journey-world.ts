// Test set-up for journeys: a brand with products, a clock the engine runs on, and events delivered
// to the journeys consumer the way the queue delivers them. Scenarios read as: act, move time, assert.
import { sql } from 'kysely';
import { expect } from 'vitest';
import { systemActor } from '../access/principal.ts';
import { createTemplate } from '../messaging/templates/templates.ts';
import { type ClaimWorld, claimWorld, ownedProduct } from '../claims/claim-fixtures.ts';
import type { Db } from '../platform/database/database.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import type { App } from '../platform/http/server.ts';
import { advanceRun } from './advance-run.ts';
import { type Duration, durationMs, journeyDefinitionSchema } from './definition.ts';
import { journeyEffects } from './journey-effects.ts';
import { journeyEvents } from './journey-events.ts';
import { createJourney, setJourneyStatus } from './journeys.ts';
import { refreshSegment } from '../segments/membership.ts';
import type { StepEffects } from './step-effects.ts';

/** The engine's effects with the brand's real templates, as a worker has them. */
export const testEffects: StepEffects = journeyEffects('http://openox.test');

export interface JourneyWorld extends ClaimWorld {
  /** The engine's clock: starts now, moved by `advance`. */
  now: Date;
}

export async function journeyWorld(app: App, db: Db): Promise<JourneyWorld> {
  const world = await claimWorld(app, db, 'Journeys Brand');
  // Real templates: workers of other test files share the database and may move these runs too,
  // rendering for real; the messages queued are the same whoever moves a run.
  await inBrand(db, world.brand.brandId, async (scope) => {
    for (const [key, channel] of [['welcome', 'email'], ['tips', 'email'], ['offer', 'email'], ['reminder', 'email'], ['text-tip', 'sms']] as const) {
      const content = { subject: channel === 'email' ? key : '', body: `${key} for {{ owner.firstName }}`, buttonLabel: null, buttonUrl: null };
      await createTemplate(scope, systemActor, { key, name: key, channel, class: 'marketing', defaultLanguage: 'en', contents: { en: content } });
    }
  });
  return { ...world, now: new Date() };
}

/** A live journey from its JSON definition. */
export async function liveJourney(db: Db, world: JourneyWorld, definition: unknown, name = 'Test journey'): Promise<string> {
  return inBrand(db, world.brand.brandId, async (scope) => {
    const { journey } = await createJourney(scope, systemActor, { name, definition: journeyDefinitionSchema.parse(definition) });
    await setJourneyStatus(scope, systemActor, journey.id, 'live');
    return journey.id;
  });
}

export async function registerProduct(app: App, db: Db, world: JourneyWorld, options: Parameters<typeof ownedProduct>[2] = {}) {
  const product = await ownedProduct(app, world, options);
  await deliverEvents(db, world);
  return product;
}

/** Publishes an event about an owner (and product) and delivers it. */
export async function happen(db: Db, world: JourneyWorld, type: string, payload: Record<string, unknown>): Promise<void> {
  await inBrand(db, world.brand.brandId, (scope) => publishEvent(scope, { type, subjectType: 'owner', subjectId: null, payload }));
  await deliverEvents(db, world);
}

/** Hands every event of the brand the journeys consumer has not had yet to it, as event_deliver does, then runs what is due. */
export async function deliverEvents(db: Db, world: JourneyWorld): Promise<void> {
  await inBrand(db, world.brand.brandId, async (scope) => {
    const pending = await scope.db
      .selectFrom('events')
      .selectAll()
      .where((eb) => eb.not(eb.exists(eb.selectFrom('event_deliveries').select('event_id').whereRef('event_deliveries.event_id', '=', 'events.id').where('consumer', '=', journeyEvents.name))))
      .orderBy('id')
      .execute();
    for (const event of pending) {
      await scope.db.insertInto('event_deliveries').values({ consumer: journeyEvents.name, event_id: event.id, brand_id: scope.brandId }).execute();
      await journeyEvents.handle(scope, event);
    }
  });
  await runDue(db, world);
}

/** Refreshes a segment as its queue job does; `deliver: false` leaves its events undelivered, as a busy queue would. */
export async function refreshSegmentNow(db: Db, world: JourneyWorld, segmentId: string, { deliver = true } = {}): Promise<void> {
  await inBrand(db, world.brand.brandId, (scope) => refreshSegment(scope, segmentId));
  if (deliver) await deliverEvents(db, world);
}

/** Sets an attribute on an owner, as an update step or a brand system would. */
export async function setOwnerAttribute(db: Db, world: JourneyWorld, ownerId: string, name: string, value: unknown): Promise<void> {
  await inBrand(db, world.brand.brandId, (scope) =>
    scope.db.updateTable('owners').set({ attributes: sql`attributes || jsonb_build_object(${name}::text, ${JSON.stringify(value)}::jsonb)` }).where('id', '=', ownerId).execute(),
  );
}

/** Moves the clock on and runs every run whose timer has come, as the queue would. */
export async function advance(db: Db, world: JourneyWorld, by: Duration): Promise<void> {
  world.now = new Date(world.now.getTime() + durationMs(by));
  await runDue(db, world);
}

export async function runDue(db: Db, world: JourneyWorld, effects: StepEffects = testEffects): Promise<void> {
  // Entries are timed by the database's clock, which the test clock must not fall behind.
  if (world.now.getTime() < Date.now()) world.now = new Date();
  for (let round = 0; round < 20; round++) {
    const due = await inBrand(db, world.brand.brandId, (scope) =>
      // A paused journey's jobs run and change nothing; the queue drops them, so does this.
      scope.db
        .selectFrom('journey_runs as r')
        .innerJoin('journeys as j', 'j.id', 'r.journey_id')
        .select('r.id')
        .where('r.status', '=', 'active')
        .where('r.wake_at', '<=', world.now)
        .where('j.status', '!=', 'paused')
        .execute(),
    );
    if (due.length === 0) return;
    for (const run of due) await advanceRun(db, effects, world.brand.brandId, run.id, world.now);
  }
  throw new Error('Runs kept falling due: a run that stays must set its timer in the future.');
}

/** The messages journeys queued for an owner, oldest first, as "template→recipient". */
export async function messagesOf(db: Db, world: JourneyWorld, ownerId: string): Promise<string[]> {
  const rows = await inBrand(db, world.brand.brandId, (scope) =>
    scope.db.selectFrom('messages').select(['template', 'recipient', 'dedupe_key']).where('owner_id', '=', ownerId).where('dedupe_key', 'like', 'journey:%').orderBy('created_at').orderBy('id').execute(),
  );
  return rows.map((row) => row.template);
}

export async function runsOf(db: Db, world: JourneyWorld, journeyId: string) {
  return inBrand(db, world.brand.brandId, (scope) =>
    scope.db.selectFrom('journey_runs').select(['id', 'owner_id', 'status', 'step_id', 'end_reason', 'journey_version_id']).where('journey_id', '=', journeyId).execute(),
  );
}

export function expectOneRun<T>(runs: readonly T[]): T {
  expect(runs).toHaveLength(1);
  return runs[0] as T;
}
