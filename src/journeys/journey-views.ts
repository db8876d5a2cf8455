import { sql } from 'kysely';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import type { JourneyDefinition } from './definition.ts';
import { type JourneyCounts, journeyCounts } from './step-counts.ts';
import type { JourneyStatus, RunStatus } from './tables.ts';

export interface JourneySummary {
  readonly id: string;
  readonly name: string;
  readonly status: JourneyStatus;
  readonly version: number;
  readonly trigger: JourneyDefinition['trigger'];
  readonly playbookKey: string | null;
  readonly active: number;
  readonly converted: number;
  readonly updatedAt: Date;
}

export async function journeyList(scope: BrandScope): Promise<JourneySummary[]> {
  const rows = await sql<{ id: string; name: string; status: JourneyStatus; version: number; definition: JourneyDefinition; playbook_key: string | null; updated_at: Date; active: number; converted: number }>`
    select j.id, j.name, j.status, v.version, v.definition, j.playbook_key, j.updated_at,
      (select count(*) from journey_runs r where r.journey_id = j.id and r.status = 'active')::integer as active,
      (select count(*) from journey_runs r where r.journey_id = j.id and r.status = 'converted')::integer as converted
    from journeys j join journey_versions v on v.id = j.current_version_id
    order by j.name, j.id`.execute(scope.db);
  return rows.rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    version: row.version,
    trigger: row.definition.trigger,
    playbookKey: row.playbook_key,
    active: row.active,
    converted: row.converted,
    updatedAt: row.updated_at,
  }));
}

export interface JourneyDetail {
  readonly id: string;
  readonly name: string;
  readonly status: JourneyStatus;
  readonly playbookKey: string | null;
  readonly version: number;
  readonly definition: JourneyDefinition;
  readonly versions: readonly { readonly version: number; readonly publishedAt: Date; readonly publishedBy: string; readonly active: number }[];
  readonly counts: JourneyCounts;
}

export async function requireJourney(scope: BrandScope, journeyId: string): Promise<void> {
  const found = await scope.db.selectFrom('journeys').select('id').where('id', '=', journeyId).executeTakeFirst();
  if (!found) throw new ApiError('not_found', 'There is no journey with this id in your brand.');
}

export async function journeyDetail(scope: BrandScope, journeyId: string): Promise<JourneyDetail> {
  const journey = await scope.db
    .selectFrom('journeys as j')
    .innerJoin('journey_versions as v', 'v.id', 'j.current_version_id')
    .select(['j.id', 'j.name', 'j.status', 'j.playbook_key', 'v.version', 'v.definition'])
    .where('j.id', '=', journeyId)
    .executeTakeFirst();
  if (!journey) throw new ApiError('not_found', 'There is no journey with this id in your brand.');
  const versions = await sql<{ version: number; published_at: Date; published_by: string; active: number }>`
    select v.version, v.published_at, v.published_by,
      (select count(*) from journey_runs r where r.journey_version_id = v.id and r.status = 'active')::integer as active
    from journey_versions v where v.journey_id = ${journeyId} order by v.version desc`.execute(scope.db);
  return {
    id: journey.id,
    name: journey.name,
    status: journey.status,
    playbookKey: journey.playbook_key,
    version: journey.version,
    definition: journey.definition as JourneyDefinition,
    versions: versions.rows.map((v) => ({ version: v.version, publishedAt: v.published_at, publishedBy: v.published_by, active: v.active })),
    counts: await journeyCounts(scope, journeyId),
  };
}

/**
 * Owners in a journey, latest entry first (run ids are time-ordered), one page at a time: the cursor is
 * the last run's id, so runs entering meanwhile neither repeat nor push others out of the next page.
 */
export function journeyRuns(scope: BrandScope, journeyId: string, filter: { status?: RunStatus | undefined; step?: string | undefined; limit: number; cursor?: string | undefined }) {
  const query = scope.db
    .selectFrom('journey_runs as r')
    .innerJoin('owners as o', 'o.id', 'r.owner_id')
    .innerJoin('journey_versions as v', 'v.id', 'r.journey_version_id')
    .select(['r.id', 'r.owner_id', 'o.name as owner_name', 'r.ownership_id', 'r.status', 'r.step_id', 'r.wake_at', 'r.end_reason', 'r.entered_at', 'r.ended_at', 'v.version'])
    .where('r.journey_id', '=', journeyId)
    .$if(Boolean(filter.status), (q) => q.where('r.status', '=', filter.status as RunStatus))
    .$if(Boolean(filter.step), (q) => q.where('r.step_id', '=', filter.step as string));
  return keysetPage(query, filter, (row) => ({
    id: row.id,
    owner: { id: row.owner_id, name: row.owner_name },
    ownershipId: row.ownership_id,
    version: row.version,
    status: row.status,
    stepId: row.step_id,
    wakeAt: row.wake_at,
    endReason: row.end_reason,
    enteredAt: row.entered_at,
    endedAt: row.ended_at,
  }), 'r.id');
}
