import { z } from 'zod';
import { conditionSchema } from './conditions.ts';

const stepId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Step ids are lower-case letters, digits, "-" or "_", at most 40 characters.');
const next = stepId.optional();
const eventType = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'An event type looks like "ownership.registered" or "telemetry.filter_life".');

export const durationSchema = z
  .object({
    days: z.int().min(0).max(3650).optional(),
    hours: z.int().min(0).max(1000).optional(),
    minutes: z.int().min(0).max(10000).optional(),
    seconds: z.int().min(0).max(100000).optional(),
  })
  .strict()
  .refine((d) => (d.days ?? 0) + (d.hours ?? 0) + (d.minutes ?? 0) + (d.seconds ?? 0) > 0, 'A duration needs days, hours, minutes or seconds above 0.');
export type Duration = z.infer<typeof durationSchema>;

export function durationMs(duration: Duration): number {
  return ((((duration.days ?? 0) * 24 + (duration.hours ?? 0)) * 60 + (duration.minutes ?? 0)) * 60 + (duration.seconds ?? 0)) * 1000;
}

/** What a send step offers, for the template's `offer.*` variables. */
const offerSchema = z
  .object({
    title: z.string().min(1).max(120),
    description: z.string().max(500).optional(),
    code: z.string().max(40).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    price: z.string().max(40).optional(),
    endsOn: z.iso.date().optional(),
  })
  .strict();

const stages = ['unboxing', 'onboarding', 'enjoying', 'sharing', 'caring'] as const;

const stepSchema = z.discriminatedUnion('type', [
  z.object({ id: stepId, type: z.literal('wait'), duration: durationSchema, next }).strict(),
  z.object({ id: stepId, type: z.literal('wait_until'), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM, e.g. 10:00.'), next }).strict(),
  z
    .object({
      id: stepId,
      type: z.literal('wait_for_event'),
      event: eventType,
      // Keep waiting after an event until this holds ("until the owner has no open claim").
      until: conditionSchema.optional(),
      timeout: durationSchema,
      onEvent: next,
      onTimeout: next,
    })
    .strict(),
  z.object({ id: stepId, type: z.literal('branch'), condition: conditionSchema, then: next, else: next }).strict(),
  z
    .object({
      id: stepId,
      type: z.literal('split'),
      paths: z.array(z.object({ percent: z.int().min(1).max(100), next }).strict()).min(1).max(5),
      holdoutPercent: z.int().min(0).max(50).default(0),
    })
    .strict()
    .refine((s) => s.paths.reduce((sum, path) => sum + path.percent, 0) + s.holdoutPercent === 100, {
      message: 'The paths and the holdout group must add up to 100 percent.',
      path: ['paths'],
    }),
  z
    .object({
      id: stepId,
      type: z.literal('send'),
      channel: z.enum(['email', 'sms']),
      // The template says whether it is marketing or a service notice, and so what consent it needs.
      template: z.string().min(1, 'Pick the template to send.').max(100),
      offer: offerSchema.optional(),
      next,
    })
    .strict(),
  z
    .object({
      id: stepId,
      type: z.literal('update'),
      stage: z.enum(stages).optional(),
      attribute: z.object({ name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), value: z.union([z.string().max(200), z.number(), z.boolean(), z.null()]) }).strict().optional(),
      next,
    })
    .strict()
    .refine((s) => s.stage !== undefined || s.attribute !== undefined, 'An update step sets the lifecycle stage, an attribute, or both.'),
  z.object({ id: stepId, type: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }), next }).strict(),
  z.object({ id: stepId, type: z.literal('task'), title: z.string().min(1, 'Say what the agent should do.').max(200), details: z.string().max(2000).optional(), next }).strict(),
  z.object({ id: stepId, type: z.literal('exit') }).strict(),
]);
export type JourneyStep = z.infer<typeof stepSchema>;

const triggerSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('event'),
      event: eventType,
      // What makes a second entry: each ownership once, each owner once, or every event.
      entry: z.enum(['per_ownership', 'per_owner', 'per_event']).default('per_ownership'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('segment'),
      // Owners enter when one of their products enters the segment (src/segments) after the journey went live.
      segmentId: z.uuid('Pick the segment whose new members enter.'),
      // A product can leave a segment and come back: each product once, each owner once, or every entry.
      entry: z.enum(['per_ownership', 'per_owner', 'per_event']).default('per_ownership'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('date'),
      // The day an ownership enters: this date plus offsetDays (negative: before it).
      attribute: z.enum(['purchase_date', 'registered_at']),
      offsetDays: z.int().min(-3650).max(3650),
    })
    .strict(),
]);
export type JourneyTrigger = z.infer<typeof triggerSchema>;

export const journeyDefinitionSchema = z
  .object({
    trigger: triggerSchema,
    conditions: conditionSchema.nullable().default(null),
    goal: z.object({ event: eventType, withinDays: z.int().min(1).max(365).default(30) }).strict().nullable().default(null),
    steps: z.array(stepSchema).min(1).max(100),
  })
  .strict()
  .superRefine((definition, context) => {
    for (const problem of graphProblems(definition.steps)) context.addIssue({ code: 'custom', path: ['steps', ...problem.path], message: problem.message });
  });
export type JourneyDefinition = z.infer<typeof journeyDefinitionSchema>;

/** The steps a step can lead to. */
export function successors(step: JourneyStep): (string | undefined)[] {
  switch (step.type) {
    case 'wait_for_event':
      return [step.onEvent, step.onTimeout];
    case 'branch':
      return [step.then, step.else];
    case 'split':
      return step.paths.map((path) => path.next);
    case 'exit':
      return [];
    default:
      return [step.next];
  }
}

/**
 * What is wrong with the shape of a journey: duplicate ids, links to steps that do not exist, loops
 * (a journey always moves forward, so every owner leaves it) and steps no owner can reach. The first
 * step is where owners enter.
 */
export function graphProblems(steps: readonly JourneyStep[]): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    if (index.has(step.id)) problems.push({ path: [i, 'id'], message: `Two steps are called "${step.id}"; give each step its own id.` });
    else index.set(step.id, i);
  });
  steps.forEach((step, i) => {
    for (const target of successors(step)) {
      if (target !== undefined && !index.has(target)) problems.push({ path: [i], message: `Step "${step.id}" leads to "${target}", which is not a step of this journey.` });
    }
  });
  if (problems.length > 0) return problems;

  // Depth-first from the entry: a step met again on the current path is a loop.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): string | null => {
    state.set(id, 'open');
    for (const target of successors(steps[index.get(id) as number] as JourneyStep)) {
      if (target === undefined) continue;
      if (state.get(target) === 'open') return `${id} → ${target}`;
      if (!state.has(target)) {
        const loop = visit(target);
        if (loop) return loop;
      }
    }
    state.set(id, 'done');
    return null;
  };
  const loop = visit((steps[0] as JourneyStep).id);
  if (loop) return [{ path: [], message: `The steps loop (${loop}); a journey must always move forward.` }];
  steps.forEach((step, i) => {
    if (!state.has(step.id)) problems.push({ path: [i], message: `No owner can reach step "${step.id}": no step leads to it.` });
  });
  return problems;
}

export function stepOf(definition: JourneyDefinition, id: string): JourneyStep | undefined {
  return definition.steps.find((step) => step.id === id);
}
