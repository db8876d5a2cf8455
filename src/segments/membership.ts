import { type RawBuilder, sql } from 'kysely';
import { type Condition, conditionSchema } from '../journeys/conditions.ts';
import { todayUtc } from '../platform/calendar.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { conditionPredicate, readsCoverage, segmentProblems } from './condition-sql.ts';
import { coverageJoin } from './coverage-sql.ts';

/** What one refresh changed. */
export interface RefreshResult {
  readonly entered: number;
  readonly left: number;
  readonly members: number;
}

/**
 * The brand's products that meet the condition today, as a query over `w` (ownership), `o` (owner)
 * and `m` (model): active products only, and never one registered for safety notices only (16 CFR
 * 1130: that contact data may serve safety notices and nothing else, so no marketing segment holds it).
 */
export function meetingProducts(scope: BrandScope, condition: Condition, today: string): RawBuilder<{ ownership_id: string; owner_id: string }> {
  const problems = segmentProblems(condition);
  if (problems.length > 0) throw new Error(`A segment cannot use this condition: ${problems.map((problem) => problem.message).join(' ')}`);
  return sql<{ ownership_id: string; owner_id: string }>`
    select w.id as ownership_id, w.owner_id
    from ownerships w
    join owners o on o.id = w.owner_id
    join models m on m.id = w.model_id
    ${readsCoverage(condition) ? coverageJoin(today) : sql``}
    where w.brand_id = ${scope.brandId} and w.status = 'active' and not w.safety_only and not o.safety_only
      and ${conditionPredicate(condition, today)}`;
}

/**
 * Brings a segment's members up to date in one statement: products that meet its condition and are
 * not members enter, members that no longer meet it leave, and each product that entered gets one
 * `segment.entered` event (journeys triggered by the segment take it from there), all in the
 * caller's transaction. The segment's row is locked first, so two refreshes of one segment queue up.
 * Answers null when there is no such segment.
 */
export async function refreshSegment(scope: BrandScope, segmentId: string, today = todayUtc()): Promise<RefreshResult | null> {
  const segment = await scope.db.selectFrom('segments').select(['id', 'name', 'condition']).where('id', '=', segmentId).forUpdate().executeTakeFirst();
  if (!segment) return null;
  const condition = conditionSchema.parse(segment.condition);
  const { rows } = await sql<RefreshResult>`
    with meeting as materialized (${meetingProducts(scope, condition, today)}),
    leaving as (
      delete from segment_members s
      where s.segment_id = ${segmentId} and not exists (select 1 from meeting x where x.ownership_id = s.ownership_id)
      returning s.ownership_id
    ),
    entering as (
      insert into segment_members (brand_id, segment_id, ownership_id, owner_id)
      select ${scope.brandId}, ${segmentId}, x.ownership_id, x.owner_id
      from meeting x
      where not exists (select 1 from segment_members s where s.segment_id = ${segmentId} and s.ownership_id = x.ownership_id)
      returning ownership_id, owner_id
    ),
    announced as (
      insert into events (brand_id, type, subject_type, subject_id, payload)
      select ${scope.brandId}, 'segment.entered', 'ownership', e.ownership_id,
        jsonb_build_object('segmentId', ${segmentId}::uuid, 'segment', ${segment.name}::text, 'ownerId', e.owner_id, 'ownershipId', e.ownership_id)
      from entering e
      returning 1
    )
    select (select count(*) from entering)::integer as entered, (select count(*) from leaving)::integer as "left",
      (select count(*) from meeting)::integer as members, (select count(*) from announced)::integer as announced`.execute(scope.db);
  const result = rows[0] as RefreshResult;
  await scope.db
    .updateTable('segments')
    .set({ member_count: result.members, last_entered: result.entered, last_left: result.left, refreshed_at: sql<Date>`now()` })
    .where('id', '=', segmentId)
    .execute();
  return { entered: result.entered, left: result.left, members: result.members };
}
