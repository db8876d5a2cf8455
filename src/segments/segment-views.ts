import { sql } from 'kysely';
import { z } from 'zod';
import type { Condition } from '../journeys/conditions.ts';
import { todayUtc } from '../platform/calendar.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { meetingProducts } from './membership.ts';
import { journeysTriggeredBy } from './segments.ts';

export const segmentSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  condition: z.unknown(),
  memberCount: z.int().meta({ description: 'Members as of the last refresh (membership changes only there).' }),
  refreshedAt: z.string().nullable(),
  lastEntered: z.int(),
  lastLeft: z.int(),
  refreshPending: z.boolean().meta({ description: 'A refresh was asked for (created, condition changed, "refresh now") and has not run yet.' }),
  updatedAt: z.string(),
});
export type SegmentSummary = z.infer<typeof segmentSummary>;

export const segmentDetailView = segmentSummary.extend({
  journeys: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string() })).meta({ description: 'Journeys whose current version this segment triggers.' }),
});

export const segmentMember = z.object({
  ownershipId: z.uuid(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  ownerEmail: z.string(),
  modelName: z.string(),
  serial: z.string().nullable(),
  enteredAt: z.string(),
});
export type SegmentMember = z.infer<typeof segmentMember>;

const summaryColumns = ['id', 'name', 'description', 'condition', 'member_count', 'refreshed_at', 'last_entered', 'last_left', 'refresh_requested_at', 'updated_at'] as const;

type SummaryRow = {
  id: string; name: string; description: string | null; condition: unknown; member_count: number; refreshed_at: Date | null;
  last_entered: number; last_left: number; refresh_requested_at: Date; updated_at: Date;
};

function toSummary(row: SummaryRow): SegmentSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    condition: row.condition,
    memberCount: row.member_count,
    refreshedAt: row.refreshed_at?.toISOString() ?? null,
    lastEntered: row.last_entered,
    lastLeft: row.last_left,
    refreshPending: row.refreshed_at === null || row.refresh_requested_at > row.refreshed_at,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function segmentList(scope: BrandScope): Promise<SegmentSummary[]> {
  const rows = await scope.db.selectFrom('segments').select(summaryColumns).orderBy('name').orderBy('id').execute();
  return rows.map(toSummary);
}

export async function segmentDetail(scope: BrandScope, segmentId: string) {
  const row = await scope.db.selectFrom('segments').select(summaryColumns).where('id', '=', segmentId).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no segment with this id in your brand.');
  return { ...toSummary(row), journeys: await journeysTriggeredBy(scope, segmentId) };
}

/** Where a page of members ends: the last member's entry time (to the microsecond) and product. */
interface MemberCursor {
  readonly enteredAt: string;
  readonly ownershipId: string;
}
const memberCursor = z.object({ enteredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/), ownershipId: z.uuid() });

function readCursor(cursor: string | undefined): MemberCursor | null {
  if (cursor === undefined) return null;
  try {
    return memberCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ApiError('invalid_cursor');
  }
}

/**
 * A segment's members, those who entered last first, a page at a time: keyset on (entered_at,
 * ownership_id), so a page deep into a million members costs what the first does. `count` is the
 * whole segment, as of its last refresh.
 */
export async function segmentMembers(scope: BrandScope, segmentId: string, page: { limit: number; cursor?: string | undefined }) {
  const segment = await scope.db.selectFrom('segments').select('member_count').where('id', '=', segmentId).executeTakeFirst();
  if (!segment) throw new ApiError('not_found', 'There is no segment with this id in your brand.');
  const after = readCursor(page.cursor);
  const rows = await scope.db
    .selectFrom('segment_members as s')
    .innerJoin('owners as o', 'o.id', 's.owner_id')
    .innerJoin('ownerships as w', 'w.id', 's.ownership_id')
    .innerJoin('models as m', 'm.id', 'w.model_id')
    .select(['s.ownership_id', 's.owner_id', 'o.name as owner_name', 'o.email', 'm.name as model_name', 'w.serial', 's.entered_at'])
    .select(sql<string>`to_char(s.entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_time'))
    .where('s.segment_id', '=', segmentId)
    .$if(after !== null, (query) => query.where(sql<boolean>`(s.entered_at, s.ownership_id) < (${after?.enteredAt}::timestamptz, ${after?.ownershipId}::uuid)`))
    .orderBy('s.entered_at', 'desc')
    .orderBy('s.ownership_id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((row): SegmentMember => ({
      ownershipId: row.ownership_id,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      ownerEmail: row.email,
      modelName: row.model_name,
      serial: row.serial,
      enteredAt: row.entered_at.toISOString(),
    })),
    nextCursor: rows.length > page.limit && last ? Buffer.from(JSON.stringify({ enteredAt: last.cursor_time, ownershipId: last.ownership_id })).toString('base64url') : null,
    count: segment.member_count,
  };
}

/** Who a condition would select today, before it is saved: how many products, and a few of them. */
export async function previewSegment(scope: BrandScope, condition: Condition, sampleSize: number) {
  const meeting = meetingProducts(scope, condition, todayUtc());
  const { rows: counted } = await sql<{ count: number }>`select count(*)::integer as count from (${meeting}) x`.execute(scope.db);
  const { rows } = await sql<{ ownership_id: string; owner_id: string; owner_name: string; email: string; model_name: string; serial: string | null }>`
    select x.ownership_id, x.owner_id, o.name as owner_name, o.email, m.name as model_name, w.serial
    from (${meeting} order by w.id desc limit ${sampleSize}) x
    join ownerships w on w.id = x.ownership_id join owners o on o.id = x.owner_id join models m on m.id = w.model_id
    order by x.ownership_id desc`.execute(scope.db);
  return {
    count: counted[0]?.count ?? 0,
    sample: rows.map((row) => ({ ownershipId: row.ownership_id, ownerId: row.owner_id, ownerName: row.owner_name, ownerEmail: row.email, modelName: row.model_name, serial: row.serial })),
  };
}
