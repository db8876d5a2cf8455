import { sql } from 'kysely';
import { z } from 'zod';
import { diff, recordAudit } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import { type Condition, conditionSchema } from '../journeys/conditions.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { segmentProblems } from './condition-sql.ts';

export const segmentBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the segment a name.').max(120),
  description: z.string().trim().max(500).nullable().default(null),
  condition: conditionSchema.meta({ description: 'Who is in it: a journey condition over facts SQL can compute (not owner.timeZone nor event.*).' }),
});
export type SegmentInput = z.output<typeof segmentBody>;

/**
 * Refuses a condition with facts a segment cannot compute, pointing at each (`body.condition.all.0.fact`),
 * so the console shows the message beside the rule.
 */
export function checkSegmentCondition(condition: Condition, at = 'body.condition'): void {
  const problems = segmentProblems(condition);
  if (problems.length === 0) return;
  throw new ApiError(
    'validation_failed',
    problems.map((problem) => problem.message).join(' '),
    problems.map((problem) => ({ path: [at, ...problem.path].join('.'), message: problem.message })),
  );
}

/** Creates a segment; its first refresh is queued in the same transaction (by the table's trigger). */
export async function createSegment(scope: BrandScope, actor: Actor, input: SegmentInput): Promise<string> {
  checkSegmentCondition(input.condition);
  await refuseTakenName(scope, input.name, null);
  const { id } = await scope.db
    .insertInto('segments')
    .values({ brand_id: scope.brandId, name: input.name, description: input.description, condition: JSON.stringify(input.condition) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(scope, actor, { action: 'segment.created', subjectType: 'segment', subjectId: id, changes: { name: input.name, condition: input.condition } });
  return id;
}

/**
 * Changes a segment. A changed condition queues a refresh: products that meet it now enter (and
 * journeys triggered by the segment hear of them), members that no longer do leave.
 */
export async function updateSegment(scope: BrandScope, actor: Actor, segmentId: string, input: SegmentInput): Promise<void> {
  checkSegmentCondition(input.condition);
  const before = await lockSegment(scope, segmentId);
  await refuseTakenName(scope, input.name, segmentId);
  // The database keeps a JSON object's keys in its own order: compare the conditions, not their spelling.
  const conditionChanged = canonicalJson(before.condition) !== canonicalJson(input.condition);
  await scope.db
    .updateTable('segments')
    .set({
      name: input.name,
      description: input.description,
      condition: JSON.stringify(input.condition),
      updated_at: sql<Date>`now()`,
      ...(conditionChanged ? { refresh_requested_at: sql<Date>`clock_timestamp()` } : {}),
    })
    .where('id', '=', segmentId)
    .execute();
  const changes = diff({ name: before.name, description: before.description }, { name: input.name, description: input.description });
  if (conditionChanged) changes.condition = [before.condition, input.condition];
  await recordAudit(scope, actor, { action: 'segment.changed', subjectType: 'segment', subjectId: segmentId, changes });
}

/** Deletes a segment and its membership; refused while a journey's current version is triggered by it. */
export async function deleteSegment(scope: BrandScope, actor: Actor, segmentId: string): Promise<void> {
  const segment = await lockSegment(scope, segmentId);
  const journeys = await journeysTriggeredBy(scope, segmentId);
  if (journeys.length > 0) {
    throw new ApiError(
      'conflict',
      `${journeys.map((journey) => `"${journey.name}"`).join(', ')} ${journeys.length === 1 ? 'enters' : 'enter'} owners from this segment; give ${journeys.length === 1 ? 'it' : 'them'} another trigger first.`,
      { journeys },
    );
  }
  await scope.db.deleteFrom('segments').where('id', '=', segmentId).execute();
  await recordAudit(scope, actor, { action: 'segment.deleted', subjectType: 'segment', subjectId: segmentId, changes: { name: segment.name } });
}

/** Asks for a refresh now: the queue runs it (one at a time per segment), the segment's figures show when it ran. */
export async function requestRefresh(scope: BrandScope, segmentId: string): Promise<void> {
  await lockSegment(scope, segmentId);
  await scope.db.updateTable('segments').set({ refresh_requested_at: sql<Date>`clock_timestamp()` }).where('id', '=', segmentId).execute();
}

/** The journeys whose current version a product entering this segment enters. */
export async function journeysTriggeredBy(scope: BrandScope, segmentId: string): Promise<{ id: string; name: string; status: string }[]> {
  return scope.db
    .selectFrom('journeys as j')
    .innerJoin('journey_versions as v', 'v.id', 'j.current_version_id')
    .select(['j.id', 'j.name', 'j.status'])
    .where('v.trigger_segment_id', '=', segmentId)
    .orderBy('j.name')
    .execute();
}

async function lockSegment(scope: BrandScope, segmentId: string) {
  const segment = await scope.db.selectFrom('segments').select(['id', 'name', 'description', 'condition']).where('id', '=', segmentId).forUpdate().executeTakeFirst();
  if (!segment) throw new ApiError('not_found', 'There is no segment with this id in your brand.');
  return segment;
}

async function refuseTakenName(scope: BrandScope, name: string, exceptId: string | null): Promise<void> {
  const taken = await scope.db
    .selectFrom('segments')
    .select('id')
    .where('name', '=', name)
    .$if(exceptId !== null, (query) => query.where('id', '!=', exceptId as string))
    .executeTakeFirst();
  if (taken) throw new ApiError('conflict', `There is already a segment called "${name}"; pick another name or edit that one.`, [{ path: 'body.name', message: 'This name is taken.' }]);
}

/** JSON with every object's keys sorted, so two spellings of one value compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
