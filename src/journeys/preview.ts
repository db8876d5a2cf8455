import type { BrandScope } from '../platform/database/tenancy.ts';
import { type JourneyFacts, conditionSchema, meets } from './conditions.ts';
import { type JourneyDefinition, type JourneyStep, stepOf } from './definition.ts';
import { loadJourneyFacts } from './journey-facts.ts';
import { type StepEffect, decideStep } from './step-decision.ts';
import type { StepEffects } from './step-effects.ts';

/** One step of a preview: what the engine would decide for this owner, and when. */
export interface PreviewStep {
  readonly stepId: string;
  readonly type: JourneyStep['type'] | 'entry';
  readonly at: Date;
  readonly decision: string;
  readonly message?: { readonly channel: 'email' | 'sms'; readonly recipient: string | null; readonly subject: string; readonly text: string };
}

/**
 * Runs a journey for one owner on paper: the same decisions the engine makes, with time moved on at
 * each wait and no event arriving, and templates rendered without anything being queued or sent.
 */
export async function previewJourney(
  scope: BrandScope,
  effects: StepEffects,
  definition: JourneyDefinition,
  subject: { ownerId: string; ownershipId: string | null; triggerPayload?: unknown },
  now = new Date(),
): Promise<PreviewStep[]> {
  const segment = definition.trigger.kind === 'segment' ? await segmentEntry(scope, definition.trigger.segmentId, subject) : null;
  const given = subject.triggerPayload ?? {};
  const triggerPayload = segment && Object.keys(given).length === 0 ? segment.payload : given;
  const facts = await loadJourneyFacts(scope, { ...subject, triggerPayload }, now);
  const steps: PreviewStep[] = [];
  if (segment) steps.push({ stepId: 'trigger', type: 'entry', at: now, decision: segment.describe(facts) });
  if (facts.owner.safetyOnly) return [{ stepId: 'entry', type: 'entry', at: now, decision: 'Would not enter: this owner registered under a safety rule, so their details serve safety notices only.' }];
  if (definition.conditions && !meets(definition.conditions, facts)) return [{ stepId: 'entry', type: 'entry', at: now, decision: 'Would not enter: the entry conditions are not met.' }];
  steps.push({ stepId: 'entry', type: 'entry', at: now, decision: 'Enters: the entry conditions are met.' });

  let clock = now;
  let stepStartedAt = now;
  let step: JourneyStep | undefined = definition.steps[0];
  while (step) {
    const decision = decideStep(step, definition, { runId: `preview:${subject.ownerId}`, enteredAt: now, stepStartedAt, eventArrived: false }, () => facts, clock);
    if (decision.kind === 'stay') {
      const waited = decision.awaitEvent ? `Waits for ${decision.awaitEvent} until ${decision.until.toISOString()}; if it does not come:` : decision.outcome === 'holdout' ? `In the holdout group: gets nothing; measured until ${decision.until.toISOString()}.` : `Waits until ${decision.until.toISOString()}.`;
      steps.push({ stepId: step.id, type: step.type, at: clock, decision: waited });
      clock = decision.until;
      continue;
    }
    if (decision.kind === 'end') {
      steps.push({ stepId: step.id, type: step.type, at: clock, decision: decision.reason === 'holdout' ? 'Leaves the journey (holdout group).' : 'Leaves the journey.' });
      break;
    }
    // A wait is shown once, with its end; its passing needs no line of its own.
    const waitOver = (step.type === 'wait' || step.type === 'wait_until') && steps.at(-1)?.stepId === step.id;
    if (!waitOver) steps.push(await previewStep(scope, effects, subject, step, clock, decision.outcome, decision.effect));
    step = decision.next ? stepOf(definition, decision.next) : undefined;
    stepStartedAt = clock;
  }
  return steps;
}

async function previewStep(
  scope: BrandScope,
  effects: StepEffects,
  subject: { ownerId: string; ownershipId: string | null },
  step: JourneyStep,
  at: Date,
  outcome: string,
  effect: StepEffect | null,
): Promise<PreviewStep> {
  const entry: PreviewStep = { stepId: step.id, type: step.type, at, decision: describe(step, outcome) };
  if (effect?.kind !== 'send') return entry;
  const { channel, template, offer } = effect;
  const render = await effects.render(scope, { templateKey: template, channel, ownerId: subject.ownerId, ownershipId: subject.ownershipId, offer, campaign: 'preview', dedupeKey: null });
  if (!render.ok) return { ...entry, decision: `Would skip: ${render.reason}` };
  const { recipient, subject: title, text } = render.message;
  const decision = recipient ? entry.decision : `Would skip: the owner has no ${channel === 'sms' ? 'mobile number' : 'email address'}.`;
  return { ...entry, decision, message: { channel, recipient, subject: title, text } };
}

function describe(step: JourneyStep, outcome: string): string {
  switch (step.type) {
    case 'wait':
    case 'wait_until':
      return 'Wait over.';
    case 'wait_for_event':
      return outcome === 'event' ? `${step.event} came.` : `${step.event} did not come in time.`;
    case 'branch':
      return outcome === 'then' ? 'The condition holds: takes the "then" path.' : 'The condition does not hold: takes the "else" path.';
    case 'split':
      return `Takes path ${outcome.replace('path:', '')} of the split.`;
    case 'send':
      return `Would send the ${step.channel} "${step.template}" (consent, caps and quiet hours are checked at send time).`;
    case 'update':
      return [step.stage ? `Would set the stage to ${step.stage}` : null, step.attribute ? `would set ${step.attribute.name} to ${JSON.stringify(step.attribute.value)}` : null].filter(Boolean).join('; ') + '.';
    case 'webhook':
      return `Would call ${step.url}.`;
    case 'task':
      return `Would give agents the task "${step.title}".`;
    case 'exit':
      return 'Leaves the journey.';
  }
}

/**
 * Where the previewed product stands with the segment that triggers the journey: a member (and since
 * when), or not, and whether it meets the segment's condition now (so the next refresh takes it in).
 */
async function segmentEntry(scope: BrandScope, segmentId: string, subject: { ownerId: string; ownershipId: string | null }) {
  const segment = await scope.db.selectFrom('segments').select(['name', 'condition']).where('id', '=', segmentId).executeTakeFirst();
  const member = subject.ownershipId
    ? await scope.db.selectFrom('segment_members').select('entered_at').where('segment_id', '=', segmentId).where('ownership_id', '=', subject.ownershipId).executeTakeFirst()
    : undefined;
  const name = segment ? `"${segment.name}"` : 'the segment';
  return {
    payload: { type: 'segment.entered', data: { segmentId, segment: segment?.name ?? null, ownerId: subject.ownerId, ownershipId: subject.ownershipId } },
    describe(facts: JourneyFacts): string {
      if (!segment) return 'The segment this journey is triggered by no longer exists: nobody enters until the trigger names another.';
      if (!subject.ownershipId) return `Products enter ${name}, not owners: pick one of this owner's products to see whether it is in it. Shown as if it entered now.`;
      if (member) return `In ${name} since ${member.entered_at.toISOString()}; it entered then, so a journey switched on later does not take it in. Shown as if it entered now.`;
      if (facts.ownership?.status !== 'active') return `Not in ${name}: segments hold products their owner still has, and this one is ${facts.ownership?.status ?? 'gone'}. Shown as if it entered now.`;
      const meetsNow = meets(conditionSchema.parse(segment.condition), facts);
      return meetsNow
        ? `Not in ${name} yet, but meets its condition: the next refresh takes it in, and it enters the journey then (if the journey is live). Shown as if it entered now.`
        : `Not in ${name}: it does not meet the segment's condition now. Shown as if it entered now.`;
    },
  };
}
