import { describe, expect, it } from 'vitest';
import type { JourneyFacts } from './conditions.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from './definition.ts';
import { type RunPosition, bucketOf, decideStep } from './step-decision.ts';

const facts: JourneyFacts = {
  owner: { country: 'US', language: 'en', safetyOnly: false, timeZone: 'America/Chicago' },
  consent: { email: true, sms: false },
  ownership: null,
  model: null,
  coverage: null,
  claims: { open: 0 },
  purchases: { products: 1, categories: [], models: [], daysSinceLast: 0, carePlans: 0 },
  attributes: {},
  event: {},
};
const started = new Date('2026-11-23T12:00:00Z');
const position: RunPosition = { runId: 'run-1', enteredAt: started, stepStartedAt: started, eventArrived: false };
const at = (iso: string) => new Date(iso);

function decide(stepJson: unknown, now: Date, over: Partial<RunPosition> = {}, goal: unknown = null) {
  const definition: JourneyDefinition = journeyDefinitionSchema.parse({ trigger: { kind: 'event', event: 'ownership.registered' }, goal, steps: [stepJson] });
  return decideStep(definition.steps[0]!, definition, { ...position, ...over }, () => facts, now);
}

describe('decideStep', () => {
  it('a wait stays until its duration has passed since the step began, then moves on', () => {
    const wait = { id: 'w', type: 'wait', duration: { days: 3 } };
    expect(decide(wait, at('2026-11-25T12:00:00Z'))).toEqual({ kind: 'stay', until: at('2026-11-26T12:00:00Z'), awaitEvent: null, outcome: null });
    expect(decide(wait, at('2026-11-26T12:00:00Z'))).toEqual({ kind: 'done', outcome: 'done', next: null, effect: null });
  });

  it('waits until the time of day in the owner\'s zone', () => {
    // 12:00 UTC is 06:00 in Chicago: 10:00 there is 16:00 UTC the same day.
    expect(decide({ id: 'w', type: 'wait_until', time: '10:00' }, started)).toMatchObject({ kind: 'stay', until: at('2026-11-23T16:00:00Z') });
    expect(decide({ id: 'w', type: 'wait_until', time: '10:00' }, at('2026-11-23T16:00:00Z'))).toMatchObject({ kind: 'done', next: null });
    expect(decide({ id: 'w', type: 'wait_until', time: '05:00' }, started)).toMatchObject({ kind: 'stay', until: at('2026-11-24T11:00:00Z') });
  });

  it('a wait for an event takes the event path when it came and the timeout path when it did not', () => {
    const step = { id: 'w', type: 'wait_for_event', event: 'care_plan.added', timeout: { days: 14 } };
    expect(decide(step, at('2026-11-24T00:00:00Z'))).toEqual({ kind: 'stay', until: at('2026-12-07T12:00:00Z'), awaitEvent: 'care_plan.added', outcome: null });
    expect(decide(step, at('2026-11-24T00:00:00Z'), { eventArrived: true })).toMatchObject({ kind: 'done', outcome: 'event' });
    expect(decide(step, at('2026-12-07T12:00:00Z'))).toMatchObject({ kind: 'done', outcome: 'timeout' });
  });

  it('a wait for an event with "until" keeps waiting after an event while the condition does not hold', () => {
    const step = { id: 'w', type: 'wait_for_event', event: 'claim.status_changed', until: { fact: 'claims.open', op: 'eq', value: 0 }, timeout: { days: 60 } };
    expect(decide(step, at('2026-11-24T00:00:00Z'), { eventArrived: true })).toMatchObject({ kind: 'done', outcome: 'event' });
    const withOpenClaim = journeyDefinitionSchema.parse({ trigger: { kind: 'event', event: 'ownership.registered' }, steps: [step] });
    const decision = decideStep(withOpenClaim.steps[0]!, withOpenClaim, { ...position, eventArrived: true }, () => ({ ...facts, claims: { open: 1 } }), at('2026-11-24T00:00:00Z'));
    expect(decision).toEqual({ kind: 'stay', until: at('2027-01-22T12:00:00Z'), awaitEvent: 'claim.status_changed', outcome: null });
  });

  it('a branch follows its condition', () => {
    const branch = (value: boolean) => ({ id: 'b', type: 'branch', condition: { fact: 'consent.email', op: 'eq', value } });
    expect(decide(branch(true), started)).toMatchObject({ kind: 'done', outcome: 'then' });
    expect(decide(branch(false), started)).toMatchObject({ kind: 'done', outcome: 'else' });
  });

  it('a split sends each run down one path for good, by its bucket', () => {
    const split = { id: 's', type: 'split', paths: [{ percent: 50 }, { percent: 50 }] };
    const runs = Array.from({ length: 400 }, (_, i) => `run-${i}`);
    const first = runs.filter((runId) => (decide(split, started, { runId }) as { outcome: string }).outcome === 'path:1').length;
    expect(first).toBeGreaterThan(150);
    expect(first).toBeLessThan(250);
    for (const runId of runs.slice(0, 20)) expect(decide(split, started, { runId })).toEqual(decide(split, started, { runId }));
    expect(bucketOf('run-1', 's')).toBe(bucketOf('run-1', 's'));
  });

  it('the holdout group gets nothing and stays until the goal window closes', () => {
    const split = { id: 's', type: 'split', paths: [{ percent: 50 }], holdoutPercent: 50 };
    const held = Array.from({ length: 50 }, (_, i) => `run-${i}`).find((runId) => bucketOf(runId, 's') >= 50) as string;
    const goal = { event: 'care_plan.added', withinDays: 30 };
    expect(decide(split, started, { runId: held }, goal)).toEqual({ kind: 'stay', until: at('2026-12-23T12:00:00Z'), awaitEvent: null, outcome: 'holdout' });
    expect(decide(split, at('2026-12-23T12:00:00Z'), { runId: held }, goal)).toEqual({ kind: 'end', outcome: 'holdout', reason: 'holdout' });
  });

  it.each([
    [{ id: 's', type: 'send', channel: 'sms', template: 'tips' }, { kind: 'send', channel: 'sms', template: 'tips', offer: null }],
    [{ id: 'u', type: 'update', stage: 'enjoying' }, { kind: 'update', stage: 'enjoying' }],
    [{ id: 'h', type: 'webhook', url: 'https://example.com/hook' }, { kind: 'webhook', url: 'https://example.com/hook' }],
    [{ id: 't', type: 'task', title: 'Call about E21' }, { kind: 'task', title: 'Call about E21', details: null }],
  ])('step %j has its effect', (step, effect) => {
    expect(decide(step, started)).toMatchObject({ kind: 'done', effect });
  });

  it('an exit step ends the run', () => {
    expect(decide({ id: 'x', type: 'exit' }, started)).toEqual({ kind: 'end', outcome: 'exit', reason: 'exit' });
  });
});
