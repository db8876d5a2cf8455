// The journey editor's form: a name and the definition exactly as the API takes it, so a 400's
// `body.definition.steps.2.template` lands on the field `definition.steps.2.template`.
import type { UseFormReturnType } from '@mantine/form';
import type { JourneyCondition, JourneyDefinition, JourneyStepType } from '../../types';
import { stepTypeLabels } from './journeyLabels';

export interface JourneyFormValues {
  name: string;
  definition: JourneyDefinition;
}

export type JourneyForm = UseFormReturnType<JourneyFormValues>;

export const newJourney: JourneyFormValues = {
  name: '',
  definition: {
    trigger: { kind: 'event', event: 'ownership.registered', entry: 'per_ownership' },
    conditions: null,
    goal: null,
    steps: [{ id: 'welcome', type: 'send', channel: 'email', template: '' }],
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCondition(value: unknown): value is JourneyCondition {
  if (!isObject(value)) return false;
  if (Array.isArray(value.all)) return value.all.every(isCondition);
  if (Array.isArray(value.any)) return value.any.every(isCondition);
  if ('not' in value) return isCondition(value.not);
  return typeof value.fact === 'string' && typeof value.op === 'string';
}

/**
 * Whether the builder can show this JSON: a trigger, steps of known types with ids, conditions it can
 * draw. Anything finer (a missing duration, a bad percent) is for the API to point out on publish.
 */
export function builderProblem(value: unknown): string | null {
  if (!isObject(value)) return 'The definition is a JSON object with trigger, conditions, goal and steps.';
  if (!isObject(value.trigger) || !['event', 'date', 'segment'].includes(String(value.trigger.kind))) return 'The trigger needs a kind, "event", "date" or "segment".';
  if (value.conditions != null && !isCondition(value.conditions)) return 'The entry conditions are not rules the builder knows.';
  if (value.goal != null && !isObject(value.goal)) return 'The goal is an object with an event and withinDays, or null.';
  if (!Array.isArray(value.steps) || value.steps.length === 0) return 'The journey needs a list of steps.';
  for (const [index, step] of value.steps.entries()) {
    if (!isObject(step) || typeof step.id !== 'string' || !(String(step.type) in stepTypeLabels)) return `Step ${index + 1} needs an id and a type (${Object.keys(stepTypeLabels).join(', ')}).`;
    const type = step.type as JourneyStepType;
    if (type === 'branch' && !isCondition(step.condition)) return `Step ${index + 1} (a branch) needs a condition.`;
    if (type === 'wait_for_event' && step.until !== undefined && !isCondition(step.until)) return `Step ${index + 1}: "until" is not a condition.`;
    if (type === 'split' && !Array.isArray(step.paths)) return `Step ${index + 1} (a split) needs its paths.`;
  }
  return null;
}

/** The definition with the defaults the API fills in, so the builder has every field to show. */
export function withDefaults(value: Record<string, unknown>): JourneyDefinition {
  return { conditions: null, goal: null, ...value } as JourneyDefinition;
}

/** The definition as JSON to read and edit: trigger first, steps last, each step's id and type first (the database keeps keys in its own order). */
export function definitionJson(definition: JourneyDefinition): string {
  const { trigger, conditions, goal, steps, ...rest } = definition;
  const ordered = { trigger, conditions, goal, ...rest, steps: steps.map(({ id, type, ...fields }) => ({ id, type, ...fields })) };
  return JSON.stringify(ordered, null, 2);
}

/** Drops the form's error messages under a path, once what they were about has been edited. */
export function clearErrorsUnder(form: JourneyForm, prefix: string): void {
  const about = (path: string) => path === prefix || path.startsWith(`${prefix}.`);
  if (!Object.keys(form.errors).some(about)) return;
  form.setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !about(path))));
}

/** `definition.steps.2.template` → `Step 3 › template`, for the list of problems. */
export function problemPlace(path: string, definition: JourneyDefinition): string {
  const step = /^definition\.steps\.(\d+)(?:\.(.+))?$/.exec(path);
  if (step) {
    const index = Number(step[1]);
    const id = definition.steps[index]?.id;
    return `Step ${index + 1}${id ? ` (${id})` : ''}${step[2] ? ` › ${step[2]}` : ''}`;
  }
  return path.replace(/^definition\./, '').replace(/\./g, ' › ') || 'Journey';
}
