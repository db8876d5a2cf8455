import type { Task } from 'graphile-worker';
import { sql } from 'kysely';
import type { Db } from '../platform/database/database.ts';
import { type BrandId, type BrandScope, asBrandId, inBrand } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { lastCoveredDay } from './entitlement.ts';
import { addDaysTo, todayUtc } from '../platform/calendar.ts';
import { ownershipEntitlements } from './ownership-entitlement.ts';

const batchSize = 1000;

/**
 * The daily queue task `warranty_expiring`: publishes `warranty.expiring` for every active ownership
 * whose coverage ends within the brand's notice period (30 days unless set), once per ownership and
 * end date however often it runs; a run that was missed is caught up by the next.
 */
export function warrantyTasks(db: Db): { warranty_expiring: Task } {
  return { warranty_expiring: async () => void (await publishExpiringWarranties(db, todayUtc())) };
}

/** Publishes the events due on `today` for every brand; answers how many. */
export async function publishExpiringWarranties(db: Db, today: string): Promise<number> {
  const brands = await db.selectFrom('brands').select('id').execute();
  let published = 0;
  for (const brand of brands) published += await inBrand(db, asBrandId(brand.id), (scope) => publishForBrand(scope, today));
  return published;
}

async function publishForBrand(scope: BrandScope, today: string): Promise<number> {
  const settings = await scope.db.selectFrom('warranty_settings').select('expiry_notice_days').where('brand_id', '=', scope.brandId).executeTakeFirst();
  const lastDay = addDaysTo(today, settings?.expiry_notice_days ?? 30);
  const candidates = await candidatesEndingBetween(scope.brandId, today, lastDay).execute(scope.db);
  let published = 0;
  for (let start = 0; start < candidates.rows.length; start += batchSize) {
    const ids = candidates.rows.slice(start, start + batchSize).map((row) => row.id);
    const entitlements = await ownershipEntitlements(scope, ids, today);
    for (const [ownershipId, entitlement] of entitlements) {
      const endsOn = lastCoveredDay(entitlement);
      if (endsOn === null || endsOn > lastDay) continue;
      const noticed = await scope.db.insertInto('warranty_expiry_notices').values({ brand_id: scope.brandId, ownership_id: ownershipId, ends_on: endsOn })
        .onConflict((conflict) => conflict.doNothing()).returning('ownership_id').executeTakeFirst();
      if (!noticed) continue;
      await publishEvent(scope, {
        type: 'warranty.expiring',
        subjectType: 'ownership',
        subjectId: ownershipId,
        payload: { ownershipId, endsOn, parts: entitlement.parts, labour: entitlement.labour, carePlan: entitlement.carePlan?.name ?? null },
      });
      published++;
    }
  }
  return published;
}

/**
 * Set-based, so a million ownerships are one scan, not a million lookups: every active ownership one
 * of whose possible coverage ends (each start the rules may pick, plus each period; each care plan)
 * falls between the two days, not yet noticed. Units that came by transfer count from their first
 * registration, so they are always looked at; the pure rules then decide each candidate exactly.
 */
function candidatesEndingBetween(brandId: BrandId, firstDay: string, lastDay: string) {
  return sql<{ id: string }>`
    select o.id from ownerships o join models m on m.id = o.model_id
    where o.brand_id = ${brandId} and o.status = 'active'
      and not exists (select 1 from warranty_expiry_notices n where n.ownership_id = o.id and n.ends_on >= ${firstDay}::date)
      and (
        o.transferred_from_id is not null
        or exists (
          select 1
          from unnest(array[o.purchase_date, o.delivered_on, (o.registered_at at time zone 'UTC')::date,
                            (o.manufactured_on + make_interval(months => m.no_proof_grace_months))::date]) as s (start)
          cross join unnest(array[m.warranty_parts_months, m.warranty_labour_months]) as p (months)
          where p.months > 0 and (s.start + make_interval(months => p.months))::date between ${firstDay}::date and ${lastDay}::date)
        or exists (select 1 from care_plans c where c.ownership_id = o.id and c.cancelled_at is null and c.ends_on between ${firstDay}::date and ${lastDay}::date)
      )`;
}
