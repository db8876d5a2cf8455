import { type RawBuilder, sql } from 'kysely';

/**
 * A product's coverage on `today`, in SQL, for segments that ask about `coverage.*`: a lateral join
 * giving `cov.covered`, `cov.days_left` and `cov.care_plan` for the product `w` of model `m`. It follows
 * the warranty rules of src/warranty/entitlement.ts step by step (for active products, the only ones a
 * segment holds), and segment-equivalence.test.ts checks it against them:
 * - a unit that came by transfer is judged on its first registration, and keeps the care plans of
 *   earlier owners that are transferable; its base warranty only if the model's is transferable;
 * - the base warranty starts on registration (by the terms), without a usable purchase date on the
 *   date of manufacture plus the grace (or registration, if earlier), on an unproven purchase date
 *   only when that is earlier, on delivery when later than the purchase and the terms or the law
 *   (California's) say so, otherwise on the purchase;
 * - parts and labour run from there for their months (the same calendar day, clamped to the month's
 *   end, as date-fns and PostgreSQL both do), care plans add periods, and periods that touch or
 *   overlap are one: covered when one of them holds today, until its end.
 */
export function coverageJoin(today: string): RawBuilder<unknown> {
  const day = sql`${today}::date`;
  return sql`left join lateral (
    with chain as (
      select case when w.transferred_from_id is null then array[w.id] else array(
        with recursive up (id, from_id, depth) as (
          select w.id, w.transferred_from_id, 0
          union all
          select p.id, p.transferred_from_id, up.depth + 1 from up join ownerships p on p.id = up.from_id
        )
        select up.id from up order by up.depth) end as ids
    ),
    first_registration as (
      select f.purchase_date, f.delivered_on, (f.registered_at at time zone 'UTC')::date as registered_on, f.proof_status, f.country, f.postal_code,
        coalesce(f.manufactured_on, w.manufactured_on) as manufactured_on
      from chain join ownerships f on f.id = chain.ids[cardinality(chain.ids)]
    ),
    without_proof as (
      select r.*, case
          when r.manufactured_on is not null and (r.manufactured_on + make_interval(months => m.no_proof_grace_months))::date <= r.registered_on
          then (r.manufactured_on + make_interval(months => m.no_proof_grace_months))::date
          else r.registered_on end as fallback
      from first_registration r
    ),
    base as (
      select case
          when w.transferred_from_id is not null and not m.warranty_transferable then null
          when m.warranty_starts_at = 'registration' then b.registered_on
          when b.purchase_date is null or b.proof_status = 'rejected' then b.fallback
          when m.proof_required <> 'none' and b.proof_status = 'none' then least(b.purchase_date, b.fallback)
          when b.delivered_on > b.purchase_date and (m.warranty_starts_at = 'delivery' or (b.country = 'US' and case
              when btrim(b.postal_code, E' \\t\\r\\n') ~ '^[0-9]{5}(-[0-9]{4})?$'
              then substr(btrim(b.postal_code, E' \\t\\r\\n'), 1, 3)::integer between 900 and 961 else false end))
            then b.delivered_on
          else b.purchase_date end as starts_on
      from without_proof b
    ),
    plans as (
      select p.covers, p.starts_on, p.ends_on
      from chain join care_plans p on p.ownership_id = any(chain.ids)
      where p.cancelled_at is null and (p.ownership_id = w.id or p.transferable)
    ),
    periods as (
      select 'parts' as part, b.starts_on as from_day, (b.starts_on + make_interval(months => m.warranty_parts_months))::date as until
        from base b where b.starts_on is not null and m.warranty_parts_months > 0
      union all
      select 'labour', b.starts_on, (b.starts_on + make_interval(months => m.warranty_labour_months))::date
        from base b where b.starts_on is not null and m.warranty_labour_months > 0
      union all
      select 'parts', p.starts_on, p.ends_on from plans p where p.covers <> 'labour'
      union all
      select 'labour', p.starts_on, p.ends_on from plans p where p.covers <> 'parts'
    ),
    -- Gaps and islands: a period starts a new island when it begins after everything before it (by start) has ended.
    marked as (
      select part, from_day, until,
        case when from_day <= max(until) over (partition by part order by from_day, until rows between unbounded preceding and 1 preceding) + 1
          then 0 else 1 end as new_island
      from periods
    ),
    islands as (
      select part, from_day, until, sum(new_island) over (partition by part order by from_day, until rows unbounded preceding) as island from marked
    ),
    covering as (
      select part, min(from_day) as from_day, max(until) as until from islands group by part, island
      having min(from_day) <= ${day} and ${day} <= max(until)
    )
    select exists (select 1 from covering) as covered,
      (select max(until) from covering) - ${day} as days_left,
      exists (select 1 from plans p where p.starts_on <= ${day} and ${day} <= p.ends_on) as care_plan
  ) cov on true`;
}
