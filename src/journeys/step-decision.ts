import { createHash } from 'node:crypto';
import { type JourneyFacts, meets } from './conditions.ts';
import { type JourneyDefinition, type JourneyStep, durationMs } from './definition.ts';
import { nextLocalTime } from './local-time.ts';

/** What the engine knows of a run when it decides its current step. */
export interface RunPosition {
  readonly runId: string;
  readonly enteredAt: Date;
  /** When the current step began: waits count from here. */
  readonly stepStartedAt: Date;
  /** For a "wait for event" step: whether the event came. */
  readonly eventArrived: boolean;
}

/** Something a step does outside the run itself; the engine carries it out once per (run, step). */
export type StepEffect =
  | { readonly kind: 'send'; readonly channel: 'email' | 'sms'; readonly template: string; readonly offer: Readonly<Record<string, string>> | null }
  | { readonly kind: 'update'; readonly stage?: string; readonly attribute?: { readonly name: string; readonly value: unknown } }
  | { readonly kind: 'webhook'; readonly url: string }
  | { readonly kind: 'task'; readonly title: string; readonly details: string | null };

/**
 * The decision on a run's current step:
 * - `stay`: not yet; the run sleeps at this step until `until` (or the awaited event, whichever first);
 * - `done`: the step is passed with `outcome`, its effect (if any) is carried out, and the run moves to
 *   `next` (none: the journey is completed);
 * - `end`: the run leaves the journey here (an exit step, or the holdout group once its goal window closed).
 */
export type StepDecision =
  | { readonly kind: 'stay'; readonly until: Date; readonly awaitEvent: string | null; readonly outcome: string | null }
  | { readonly kind: 'done'; readonly outcome: string; readonly next: string | null; readonly effect: StepEffect | null }
  | { readonly kind: 'end'; readonly outcome: string; readonly reason: 'exit' | 'holdout' };

export function decideStep(step: JourneyStep, definition: JourneyDefinition, position: RunPosition, facts: () => JourneyFacts, now: Date): StepDecision {
  const done = (outcome: string, next: string | undefined, effect: StepEffect | null = null): StepDecision => ({ kind: 'done', outcome, next: next ?? null, effect });
  switch (step.type) {
    case 'wait': {
      const until = new Date(position.stepStartedAt.getTime() + durationMs(step.duration));
      return now >= until ? done('done', step.next) : { kind: 'stay', until, awaitEvent: null, outcome: null };
    }
    case 'wait_until': {
      const until = nextLocalTime(position.stepStartedAt, step.time, facts().owner.timeZone);
      return now >= until ? done('done', step.next) : { kind: 'stay', until, awaitEvent: null, outcome: null };
    }
    case 'wait_for_event': {
      if (position.eventArrived && (!step.until || meets(step.until, facts()))) return done('event', step.onEvent);
      const until = new Date(position.stepStartedAt.getTime() + durationMs(step.timeout));
      return now >= until ? done('timeout', step.onTimeout) : { kind: 'stay', until, awaitEvent: step.event, outcome: null };
    }
    case 'branch':
      return meets(step.condition, facts()) ? done('then', step.then) : done('else', step.else);
    case 'split': {
      const bucket = bucketOf(position.runId, step.id);
      let upTo = 0;
      for (const [i, path] of step.paths.entries()) {
        upTo += path.percent;
        if (bucket < upTo) return done(`path:${i + 1}`, path.next);
      }
      // The holdout group gets nothing, but stays measured: its goal can still convert it until the window closes.
      const windowEnds = definition.goal ? new Date(position.enteredAt.getTime() + definition.goal.withinDays * 86_400_000) : position.enteredAt;
      return now >= windowEnds ? { kind: 'end', outcome: 'holdout', reason: 'holdout' } : { kind: 'stay', until: windowEnds, awaitEvent: null, outcome: 'holdout' };
    }
    case 'send':
      return done('sent', step.next, { kind: 'send', channel: step.channel, template: step.template, offer: step.offer ?? null });
    case 'update':
      return done('done', step.next, { kind: 'update', ...(step.stage ? { stage: step.stage } : {}), ...(step.attribute ? { attribute: step.attribute } : {}) });
    case 'webhook':
      return done('done', step.next, { kind: 'webhook', url: step.url });
    case 'task':
      return done('done', step.next, { kind: 'task', title: step.title, details: step.details ?? null });
    case 'exit':
      return { kind: 'end', outcome: 'exit', reason: 'exit' };
  }
}

/** A stable 0–99 bucket per run and split step: the same owner always takes the same path. */
export function bucketOf(runId: string, stepId: string): number {
  return createHash('sha256').update(`${runId}:${stepId}`).digest().readUInt32BE(0) % 100;
}
