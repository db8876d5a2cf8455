import { type Selectable, sql } from 'kysely';
import type { Db } from '../platform/database/database.ts';
import { type BrandId, type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import { type JourneyFacts, meets } from './conditions.ts';
import { type JourneyDefinition, type JourneyStep, stepOf } from './definition.ts';
import { loadJourneyFacts } from './journey-facts.ts';
import { type StepEffect, decideStep } from './step-decision.ts';
import { type StepEffects, carryOut } from './step-effects.ts';
import type { JourneyTables } from './tables.ts';
import { versionDefinition } from './versions.ts';

type Run = Selectable<JourneyTables['journey_runs']>;

// A journey has at most 100 steps and never loops, so this bounds a run's moves in one go.
const maxMovesPerAdvance = 100;

/**
 * Moves one run as far as it can go now, in one transaction with the run's row locked: checks the
 * entry conditions on entry, then decides step after step (carrying out each step's effect once,
 * keyed by (run, step)) until a step says to wait or the run ends. A crash anywhere rolls it all back
 * and the queue runs the job again; a second worker with the same job waits for the lock and then
 * finds the run already moved on.
 */
export async function advanceRun(db: Db, effects: StepEffects, brandId: BrandId, runId: string, now = new Date()): Promise<void> {
  await inBrand(db, brandId, async (scope) => {
    const run = await scope.db.selectFrom('journey_runs').selectAll().where('id', '=', runId).forUpdate().executeTakeFirst();
    if (!run || run.status !== 'active') return;
    // A paused journey holds everyone where they are; switching it back on wakes them (journeys.ts).
    const journey = await scope.db.selectFrom('journeys').select(['status', 'name']).where('id', '=', run.journey_id).executeTakeFirstOrThrow();
    if (journey.status === 'paused') return;
    const definition = await versionDefinition(scope, run.journey_version_id);
    await move(scope, effects, run, definition, campaignOf(journey.name), now);
  });
}

/** A journey's name as utm_campaign: "Welcome series" → "welcome-series". */
export function campaignOf(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'journey';
}

async function move(scope: BrandScope, effects: StepEffects, run: Run, definition: JourneyDefinition, campaign: string, now: Date): Promise<void> {
  let facts: JourneyFacts | undefined;
  const factsNow = async () => (facts ??= await loadJourneyFacts(scope, { ownerId: run.owner_id, ownershipId: run.ownership_id, triggerPayload: run.trigger_payload }, now));

  let stepId = run.step_id;
  let stepStartedAt = run.step_started_at ?? now;
  let eventArrived = run.event_arrived;
  if (stepId === null) {
    const entrant = await factsNow();
    // Safety-only contact data may serve safety notices only (16 CFR 1130): such owners never enter a journey.
    const refusal = entrant.owner.safetyOnly ? 'safety_only' : definition.conditions && !meets(definition.conditions, entrant) ? 'not_eligible' : null;
    if (refusal) return end(scope, run.id, 'exited', refusal, null, now);
    stepId = (definition.steps[0] as JourneyStep).id;
    stepStartedAt = now;
  }

  for (let moves = 0; moves < maxMovesPerAdvance; moves++) {
    const step = stepOf(definition, stepId) as JourneyStep;
    if (step.type === 'branch' || step.type === 'wait_until' || (step.type === 'wait_for_event' && step.until)) await factsNow();
    const decision = decideStep(step, definition, { runId: run.id, enteredAt: run.entered_at, stepStartedAt, eventArrived }, () => facts as JourneyFacts, now);

    if (decision.kind === 'stay') {
      if (decision.outcome) await logStep(scope, run, step.id, decision.outcome, null);
      await scope.db
        .updateTable('journey_runs')
        .set({ step_id: step.id, step_started_at: stepStartedAt, wake_at: decision.until, awaiting_event: decision.awaitEvent, event_arrived: false })
        .where('id', '=', run.id)
        .execute();
      return;
    }
    if (decision.kind === 'end') {
      await logStep(scope, run, step.id, decision.outcome, null);
      return end(scope, run.id, 'exited', decision.reason, step.id, now);
    }
    await passStep(scope, effects, run, campaign, step.id, decision.outcome, decision.effect);
    if (decision.effect?.kind === 'update') facts = undefined; // what the step changed, later steps must see
    if (decision.next === null) return end(scope, run.id, 'completed', 'end', step.id, now);
    stepId = decision.next;
    stepStartedAt = now;
    eventArrived = false;
  }
  throw new Error(`Run ${run.id} moved ${maxMovesPerAdvance} steps in one go; its journey must loop, which publishing refuses.`);
}

/**
 * Logs the step and carries out its effect, once: when the log row already exists (the step was
 * passed before), the effect is not repeated.
 */
async function passStep(scope: BrandScope, effects: StepEffects, run: Run, campaign: string, stepId: string, outcome: string, effect: StepEffect | null): Promise<void> {
  const logged = await logStep(scope, run, stepId, outcome, null);
  if (!logged || !effect) return;
  const result = await carryOut(scope, effects, { runId: run.id, stepId, ownerId: run.owner_id, ownershipId: run.ownership_id, journeyId: run.journey_id, campaign }, effect);
  if (result.outcome !== outcome || result.messageId) {
    await scope.db
      .updateTable('journey_step_log')
      .set({ outcome: result.outcome, message_id: result.messageId })
      .where('run_id', '=', run.id)
      .where('step_id', '=', stepId)
      .execute();
  }
}

async function logStep(scope: BrandScope, run: Run, stepId: string, outcome: string, messageId: string | null): Promise<boolean> {
  const row = await scope.db
    .insertInto('journey_step_log')
    .values({ run_id: run.id, step_id: stepId, brand_id: scope.brandId, journey_version_id: run.journey_version_id, outcome, message_id: messageId })
    .onConflict((conflict) => conflict.columns(['run_id', 'step_id']).doNothing())
    .returning('run_id')
    .executeTakeFirst();
  return row !== undefined;
}

async function end(scope: BrandScope, runId: string, status: 'completed' | 'exited', reason: string, stepId: string | null, now: Date): Promise<void> {
  await scope.db
    .updateTable('journey_runs')
    .set({ status, end_reason: reason, ended_at: now, wake_at: null, awaiting_event: null, ...(stepId ? { step_id: stepId } : {}) })
    .where('id', '=', runId)
    .execute();
}

/** Gives every active run of a journey its job back (after a pause, whose jobs ended without moving anyone). */
export async function wakeRuns(scope: BrandScope, journeyId: string): Promise<void> {
  await sql`update journey_runs set wake_at = coalesce(wake_at, now()) where journey_id = ${journeyId} and status = 'active'`.execute(scope.db);
}
