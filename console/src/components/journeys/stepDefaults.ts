// Building blocks for editing a journey's steps: a new step of each type, fresh ids, and keeping
// the links between steps right when one is renamed, removed or moved.
import type { JourneyStep, JourneyStepType } from '../../types';

/** A new step of `type` with the fields it needs, keeping `id` (and `next` where the type has one). */
export function stepOfType(type: JourneyStepType, id: string, next?: string): JourneyStep {
  const then = next === undefined ? {} : { next };
  switch (type) {
    case 'wait':
      return { id, type, duration: { days: 1 }, ...then };
    case 'wait_until':
      return { id, type, time: '10:00', ...then };
    case 'wait_for_event':
      return { id, type, event: 'care_plan.added', timeout: { days: 14 } };
    case 'branch':
      return { id, type, condition: { all: [{ fact: 'claims.open', op: 'eq', value: 0 }] } };
    case 'split':
      return { id, type, paths: [{ percent: 90, ...then }], holdoutPercent: 10 };
    case 'send':
      return { id, type, channel: 'email', template: '', ...then };
    case 'update':
      return { id, type, stage: 'enjoying', ...then };
    case 'webhook':
      return { id, type, url: '', ...then };
    case 'task':
      return { id, type, title: '', ...then };
    case 'exit':
      return { id, type };
  }
}

/** `send-2` when `send` and `send-1` are taken. */
export function freshStepId(type: JourneyStepType, steps: readonly JourneyStep[]): string {
  const base = type.replace(/_/g, '-');
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!steps.some((step) => step.id === id)) return id;
  }
}

/** The step with each link to `from` pointed at `to` (undefined: the link is dropped, the path ends there). */
export function relink(step: JourneyStep, from: string, to: string | undefined): JourneyStep {
  const swap = (target: string | undefined) => (target === from ? to : target);
  const tidy = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  switch (step.type) {
    case 'wait_for_event':
      return tidy({ ...step, onEvent: swap(step.onEvent), onTimeout: swap(step.onTimeout) });
    case 'branch':
      return tidy({ ...step, then: swap(step.then), else: swap(step.else) });
    case 'split':
      return { ...step, paths: (step.paths ?? []).map((path) => tidy({ ...path, next: swap(path.next) })) };
    case 'exit':
      return step;
    default:
      return tidy({ ...step, next: swap(step.next) });
  }
}

/** Whether steps of this type lead on through one `next` link (the others branch, or end). */
export function hasPlainNext(type: JourneyStepType): boolean {
  return type !== 'wait_for_event' && type !== 'branch' && type !== 'split' && type !== 'exit';
}

/** The step a plain "next" link of a step of this type would keep when its type changes. */
export function plainNext(step: JourneyStep): string | undefined {
  return 'next' in step ? step.next : undefined;
}
