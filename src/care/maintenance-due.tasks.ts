import type { Task } from 'graphile-worker';
import { sql } from 'kysely';
import type { Db } from '../platform/database/database.ts';
import { type BrandScope, asBrandId, inBrand } from '../platform/database/tenancy.ts';
import { todayUtc } from '../platform/calendar.ts';

/**
 * The queue task `maintenance_due` (run daily from the crontab): publishes `maintenance.due` for every
 * maintenance task that has fallen due. Each ownership × task × due date is published once, however
 * often the task runs and however many workers run it.
 */
export function maintenanceDueTasks(db: Db): { maintenance_due: Task } {
  return {
    maintenance_due: async () => {
      await publishDueMaintenance(db, todayUtc());
    },
  };
}

/** Publishes what has fallen due by `today` across every brand; answers how many events it published. */
export async function publishDueMaintenance(db: Db, today: string): Promise<number> {
  // Only brands with a maintenance schedule have anything to publish. This look-up spans brands, as
  // the job queue's own sweeps do; each brand's work then runs under its own row-level security.
  const brands = await db.selectFrom('maintenance_tasks').select('brand_id').distinct().execute();
  let published = 0;
  for (const { brand_id } of brands) {
    published += await inBrand(db, asBrandId(brand_id), (scope) => publishBrandDueMaintenance(scope, today));
  }
  return published;
}

/**
 * One statement for the whole brand: each active ownership's next due date per task (one interval
 * after the last logged completion, else after the purchase or, unknown, the registration), a notice
 * row claimed for each due one, and an event for each notice that was new. The notice's primary key
 * is what makes a re-run, or a second worker racing this one, publish nothing twice.
 */
export async function publishBrandDueMaintenance(scope: BrandScope, today: string): Promise<number> {
  const result = await sql`
    with schedule as (
      select distinct on (o.id, lower(t.name))
        o.id as ownership_id, o.owner_id, o.model_id, t.id as task_id, t.name as task_name, lower(t.name) as task_key,
        coalesce(
          (select max(l.done_on) from maintenance_logs l where l.ownership_id = o.id and lower(l.task_name) = lower(t.name)),
          coalesce(o.purchase_date, (o.registered_at at time zone 'UTC')::date)
        ) + t.interval_days as due_on
      from ownerships o
      join maintenance_tasks t on t.model_id = o.model_id
      where o.brand_id = ${scope.brandId} and t.brand_id = ${scope.brandId} and o.status = 'active'
      order by o.id, lower(t.name), t.position
    ),
    noticed as (
      insert into maintenance_due_notices (brand_id, ownership_id, task_key, due_on, task_id)
      select ${scope.brandId}, ownership_id, task_key, due_on, task_id from schedule where due_on <= ${today}::date
      on conflict do nothing
      returning ownership_id, task_key, due_on
    )
    insert into events (brand_id, type, subject_type, subject_id, payload)
    select ${scope.brandId}, 'maintenance.due', 'ownership', s.ownership_id,
      jsonb_build_object('ownershipId', s.ownership_id, 'ownerId', s.owner_id, 'modelId', s.model_id,
                         'taskId', s.task_id, 'taskName', s.task_name, 'dueOn', s.due_on)
    from noticed n
    join schedule s on s.ownership_id = n.ownership_id and s.task_key = n.task_key and s.due_on = n.due_on`.execute(scope.db);
  return Number(result.numAffectedRows ?? 0);
}
