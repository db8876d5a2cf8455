import type { Selectable } from 'kysely';
import type { Actor } from '../access/principal.ts';
import { recordAudit } from '../access/audit.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { wakeRuns } from './advance-run.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from './definition.ts';
import type { JourneyStatus, JourneyTables } from './tables.ts';

export type JourneyRow = Selectable<JourneyTables['journeys']>;
export type VersionRow = Selectable<JourneyTables['journey_versions']>;

export interface JourneyInput {
  readonly name: string;
  readonly definition: JourneyDefinition;
  readonly playbookKey?: string | null;
}

/** Creates a journey, switched off, with its first published version. */
export async function createJourney(scope: BrandScope, actor: Actor, input: JourneyInput): Promise<{ journey: JourneyRow; version: VersionRow }> {
  await checkTemplates(scope, input.definition);
  await checkSegment(scope, input.definition);
  const journey = await scope.db
    .insertInto('journeys')
    .values({ brand_id: scope.brandId, name: input.name, playbook_key: input.playbookKey ?? null })
    .onConflict((conflict) => conflict.columns(['brand_id', 'playbook_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!journey) throw new ApiError('conflict', `This brand already has the playbook journey "${input.playbookKey}"; edit that one.`);
  const version = await publish(scope, actor, journey.id, 1, input.definition);
  await recordAudit(scope, actor, { action: 'journey.created', subjectType: 'journey', subjectId: journey.id, changes: { name: input.name } });
  return { journey: { ...journey, current_version_id: version.id }, version };
}

/**
 * Publishes an edited definition as the journey's next version. Owners already inside finish on the
 * version they entered; owners entering from now on take this one.
 */
export async function publishJourneyVersion(scope: BrandScope, actor: Actor, journeyId: string, input: { name?: string; definition: JourneyDefinition }): Promise<VersionRow> {
  const journey = await lockJourney(scope, journeyId);
  await checkTemplates(scope, input.definition);
  await checkSegment(scope, input.definition);
  const last = await scope.db.selectFrom('journey_versions').select((eb) => eb.fn.max('version').as('version')).where('journey_id', '=', journeyId).executeTakeFirst();
  const version = await publish(scope, actor, journeyId, (last?.version ?? 0) + 1, input.definition);
  if (input.name && input.name !== journey.name) await scope.db.updateTable('journeys').set({ name: input.name }).where('id', '=', journeyId).execute();
  await recordAudit(scope, actor, { action: 'journey.published', subjectType: 'journey', subjectId: journeyId, changes: { version: version.version } });
  return version;
}

/** Switches a journey on (live), off (no one enters; those inside finish) or paused (no one enters or moves). */
export async function setJourneyStatus(scope: BrandScope, actor: Actor, journeyId: string, status: JourneyStatus): Promise<JourneyRow> {
  const journey = await lockJourney(scope, journeyId);
  if (journey.status === status) return journey;
  const updated = await scope.db.updateTable('journeys').set({ status, updated_at: new Date(), ...(status === 'live' && journey.status === 'off' ? { live_since: new Date() } : {}) }).where('id', '=', journeyId).returningAll().executeTakeFirstOrThrow();
  if (journey.status === 'paused') await wakeRuns(scope, journeyId);
  await recordAudit(scope, actor, { action: 'journey.status_changed', subjectType: 'journey', subjectId: journeyId, changes: { status: [journey.status, status] } });
  return updated;
}

export async function lockJourney(scope: BrandScope, journeyId: string): Promise<JourneyRow> {
  const journey = await scope.db.selectFrom('journeys').selectAll().where('id', '=', journeyId).forUpdate().executeTakeFirst();
  if (!journey) throw new ApiError('not_found', 'There is no journey with this id in your brand.');
  return journey;
}

async function publish(scope: BrandScope, actor: Actor, journeyId: string, versionNumber: number, definition: JourneyDefinition): Promise<VersionRow> {
  const parsed = journeyDefinitionSchema.parse(definition);
  const version = await scope.db
    .insertInto('journey_versions')
    .values({
      brand_id: scope.brandId,
      journey_id: journeyId,
      version: versionNumber,
      definition: JSON.stringify(parsed),
      trigger_kind: parsed.trigger.kind,
      trigger_event: parsed.trigger.kind === 'event' ? parsed.trigger.event : null,
      trigger_segment_id: parsed.trigger.kind === 'segment' ? parsed.trigger.segmentId : null,
      goal_event: parsed.goal?.event ?? null,
      published_by: actor.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.db.updateTable('journeys').set({ current_version_id: version.id, updated_at: new Date() }).where('id', '=', journeyId).execute();
  return version;
}

/** Every send step must name a template the brand has for that channel: a typo is caught when publishing, not at 3 a.m. */
async function checkTemplates(scope: BrandScope, definition: JourneyDefinition): Promise<void> {
  const sends = definition.steps.flatMap((step, index) => (step.type === 'send' ? [{ step, index }] : []));
  if (sends.length === 0) return;
  const known = await scope.db.selectFrom('message_templates').select(['key', 'channel']).where('key', 'in', sends.map(({ step }) => step.template)).execute();
  const problems = sends
    .filter(({ step }) => !known.some((template) => template.key === step.template && template.channel === step.channel))
    .map(({ step, index }) => ({
      path: `body.definition.steps.${index}.template`,
      message: `There is no ${step.channel} template "${step.template}"; create it under Templates or pick another.`,
    }));
  if (problems.length > 0) throw new ApiError('validation_failed', problems.map((problem) => problem.message).join(' '), problems);
}

/** A segment trigger must name one of the brand's segments. */
async function checkSegment(scope: BrandScope, definition: JourneyDefinition): Promise<void> {
  if (definition.trigger.kind !== 'segment') return;
  const segment = await scope.db.selectFrom('segments').select('id').where('id', '=', definition.trigger.segmentId).executeTakeFirst();
  if (!segment) {
    const message = 'There is no segment with this id in your brand; create it under Segments or pick another.';
    throw new ApiError('validation_failed', message, [{ path: 'body.definition.trigger.segmentId', message }]);
  }
}
