import { sql } from 'kysely';
import type { Db } from '../platform/database/database.ts';
import { type BrandScope, asBrandId, inBrand } from '../platform/database/tenancy.ts';
import { addDaysTo } from '../platform/calendar.ts';
import type { JourneyTrigger } from './definition.ts';

type DateTrigger = Extract<JourneyTrigger, { kind: 'date' }>;

// Days looked back on each run, so a day the job did not run (downtime) is still entered, late.
const catchUpDays = 2;

/**
 * Enters owners into every live date-triggered journey whose day has come: set-based, one statement
 * per journey over the brand's ownerships, so a million ownerships are one index range scan, not a
 * loop. The entry key holds the ownership and the day: running again enters no one twice. The new
 * runs' jobs are added by the journey_runs insert trigger, in the same statement.
 */
export async function enterDueOwners(db: Db, today: string): Promise<number> {
  const journeys = await db
    .selectFrom('journeys as j')
    .innerJoin('journey_versions as v', 'v.id', 'j.current_version_id')
    .select(['j.id', 'j.brand_id', 'j.live_since', 'v.id as version_id', 'v.definition'])
    .where('j.status', '=', 'live')
    .where('v.trigger_kind', '=', 'date')
    .execute();
  let entered = 0;
  for (const journey of journeys) {
    const trigger = (journey.definition as { trigger: DateTrigger }).trigger;
    const liveSince = (journey.live_since ?? new Date()).toISOString().slice(0, 10);
    const from = [addDaysTo(today, -catchUpDays), liveSince].sort().at(-1) as string;
    entered += await inBrand(db, asBrandId(journey.brand_id), (scope) => enterForJourney(scope, journey.id, journey.version_id, trigger, from, today));
  }
  return entered;
}

async function enterForJourney(scope: BrandScope, journeyId: string, versionId: string, trigger: DateTrigger, from: string, to: string): Promise<number> {
  const dated = trigger.attribute === 'purchase_date'
    ? sql`w.purchase_date = d.day - ${trigger.offsetDays}::integer`
    : sql`w.registered_at >= (d.day - ${trigger.offsetDays}::integer)::timestamp at time zone 'UTC' and w.registered_at < (d.day - ${trigger.offsetDays}::integer + 1)::timestamp at time zone 'UTC'`;
  const result = await sql`
    insert into journey_runs (brand_id, journey_id, journey_version_id, owner_id, ownership_id, entry_key, wake_at)
    select ${scope.brandId}, ${journeyId}, ${versionId}, w.owner_id, w.id, 'date:' || w.id || ':' || d.day, now()
    from generate_series(${from}::date, ${to}::date, interval '1 day') as g (at)
    cross join lateral (select g.at::date as day) d
    join ownerships w on w.brand_id = current_brand_id() and w.status = 'active' and ${dated}
    on conflict do nothing`.execute(scope.db);
  return Number(result.numAffectedRows ?? 0);
}
