import { sql } from 'kysely';
import { openClaimStatuses } from '../claims/claim-lifecycle.ts';
import { consentStateOf } from '../owners/consents.ts';
import { daysBetween, todayUtc } from '../platform/calendar.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ownershipEntitlement } from '../warranty/ownership-entitlement.ts';
import type { JourneyFacts } from './conditions.ts';
import { ownerTimeZones } from '../messaging/policy/owner-time-zone.ts';

/** Who a run is about. */
export interface RunSubject {
  readonly ownerId: string;
  readonly ownershipId: string | null;
  readonly triggerPayload: unknown;
}

/** Gathers the facts journey conditions read, for one owner (and the ownership the run is about, if any). */
export async function loadJourneyFacts(scope: BrandScope, subject: RunSubject, now: Date): Promise<JourneyFacts> {
  const owner = await scope.db
    .selectFrom('owners')
    .select(['country', 'language', 'safety_only', 'postal_code', 'region', 'time_zone', 'attributes'])
    .where('id', '=', subject.ownerId)
    .executeTakeFirstOrThrow();
  const consent = await consentStateOf(scope, subject.ownerId);
  const counts = await sql<{ open_claims: number; care_plans: number; products: number; categories: string[]; models: string[]; last_purchase: string | null }>`
    select
      (select count(*) from claims c join ownerships w on w.id = c.ownership_id
        where w.owner_id = ${subject.ownerId} and c.status = any(${openClaimStatuses}::text[]))::integer as open_claims,
      (select count(*) from care_plans p join ownerships w on w.id = p.ownership_id where w.owner_id = ${subject.ownerId})::integer as care_plans,
      (select count(*) from ownerships w where w.owner_id = ${subject.ownerId} and w.status = 'active')::integer as products,
      array(select distinct m.category from ownerships w join models m on m.id = w.model_id where w.owner_id = ${subject.ownerId} and w.status = 'active') as categories,
      array(select distinct m.sku::text from ownerships w join models m on m.id = w.model_id where w.owner_id = ${subject.ownerId} and w.status = 'active') as models,
      (select max(coalesce(w.purchase_date, (w.registered_at at time zone 'UTC')::date)) from ownerships w
        where w.owner_id = ${subject.ownerId} and w.status = 'active') as last_purchase`.execute(scope.db);
  const purchases = counts.rows[0] ?? { open_claims: 0, care_plans: 0, products: 0, categories: [], models: [], last_purchase: null };

  const ownership = subject.ownershipId
    ? await scope.db
        .selectFrom('ownerships as w')
        .innerJoin('models as m', 'm.id', 'w.model_id')
        .select(['w.stage', 'w.purchase_date', 'w.registered_at', 'w.retailer', 'w.source', 'w.status', 'm.id as model_id', 'm.sku', 'm.category'])
        .select((eb) => eb.exists(eb.selectFrom('reviews as r').select('r.id').whereRef('r.ownership_id', '=', 'w.id')).as('reviewed'))
        .where('w.id', '=', subject.ownershipId)
        .executeTakeFirst()
    : undefined;
  const today = todayUtc(now);
  const entitlement = ownership && subject.ownershipId ? await ownershipEntitlement(scope, subject.ownershipId, today) : null;
  const coverageEnd = entitlement ? latest(entitlement.parts.until, entitlement.labour.until, entitlement.carePlan?.until ?? null) : null;

  return {
    owner: {
      country: owner.country,
      language: owner.language,
      safetyOnly: owner.safety_only,
      // Of several possible zones (a split state), the most likely: waits pick a time of day, not a permission.
      timeZone: ownerTimeZones({ timeZone: owner.time_zone, country: owner.country, region: owner.region, postalCode: owner.postal_code })[0] ?? 'UTC',
    },
    consent: { email: consent.email === true, sms: consent.sms === true },
    ownership: ownership
      ? {
          stage: ownership.stage,
          daysOwned: daysBetween(ownership.purchase_date ?? todayUtc(ownership.registered_at), today),
          retailer: ownership.retailer,
          source: ownership.source,
          status: ownership.status,
          reviewed: ownership.reviewed === true,
        }
      : null,
    model: ownership ? { id: ownership.model_id, sku: ownership.sku, category: ownership.category } : null,
    coverage: entitlement
      ? { covered: entitlement.covered, daysLeft: entitlement.covered && coverageEnd ? daysBetween(today, coverageEnd) : null, carePlan: entitlement.carePlan !== null }
      : null,
    claims: { open: purchases.open_claims },
    purchases: {
      products: purchases.products,
      categories: purchases.categories,
      models: purchases.models,
      daysSinceLast: purchases.last_purchase === null ? null : daysBetween(purchases.last_purchase, today),
      carePlans: purchases.care_plans,
    },
    attributes: (owner.attributes ?? {}) as Record<string, unknown>,
    event: (subject.triggerPayload ?? {}) as Record<string, unknown>,
  };
}

function latest(...days: (string | null)[]): string | null {
  return days.filter((day): day is string => day !== null).sort().at(-1) ?? null;
}
