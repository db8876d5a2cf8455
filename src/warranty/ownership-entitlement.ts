import { sql } from 'kysely';
import { todayUtc } from '../platform/calendar.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { type CarePlanFact, type Entitlement, type EntitlementFacts, type ProofStatus, type WarrantyTerms, warrantyEntitlement } from './entitlement.ts';

/** The warranty entitlement of one of the brand's ownerships, or null when there is no such ownership. */
export async function ownershipEntitlement(scope: BrandScope, ownershipId: string, today = todayUtc()): Promise<Entitlement | null> {
  return (await ownershipEntitlements(scope, [ownershipId], today)).get(ownershipId) ?? null;
}

interface FactsRow {
  id: string;
  status: EntitlementFacts['status'];
  transferred: boolean;
  purchase_date: string | null;
  delivered_on: string | null;
  registered_on: string;
  manufactured_on: string | null;
  proof_status: ProofStatus;
  country: string | null;
  postal_code: string | null;
  parts_months: number;
  labour_months: number;
  starts_at: WarrantyTerms['startsAt'];
  proof_required: WarrantyTerms['proofRequired'];
  transferable: boolean;
  grace_months: number;
  care_plans: { name: string; covers: CarePlanFact['covers']; starts_on: string; ends_on: string; transferable: boolean; earlier: boolean }[];
}

/**
 * Entitlements of several ownerships in one query. A unit that came by transfer is judged on the
 * facts of its first registration (its original purchase, delivery and proof), and carries the care
 * plans bought by earlier owners; the pure rules decide which of those still apply.
 */
export async function ownershipEntitlements(scope: BrandScope, ownershipIds: readonly string[], today = todayUtc()): Promise<Map<string, Entitlement>> {
  if (ownershipIds.length === 0) return new Map();
  const { rows } = await sql<FactsRow>`
    with recursive chain as (
      select o.id as ownership_id, o.id, o.transferred_from_id, 0 as depth from ownerships o where o.id = any(${ownershipIds}::uuid[])
      union all
      select c.ownership_id, p.id, p.transferred_from_id, c.depth + 1 from chain c join ownerships p on p.id = c.transferred_from_id
    ),
    roots as (select distinct on (ownership_id) ownership_id, id as root_id from chain order by ownership_id, depth desc)
    select o.id, o.status, o.transferred_from_id is not null as transferred,
      f.purchase_date, f.delivered_on, (f.registered_at at time zone 'UTC')::date::text as registered_on,
      coalesce(f.manufactured_on, o.manufactured_on) as manufactured_on, f.proof_status, f.country, f.postal_code,
      m.warranty_parts_months as parts_months, m.warranty_labour_months as labour_months, m.warranty_starts_at as starts_at,
      m.proof_required, m.warranty_transferable as transferable, m.no_proof_grace_months as grace_months,
      coalesce((
        select json_agg(json_build_object('name', p.name, 'covers', p.covers, 'starts_on', p.starts_on, 'ends_on', p.ends_on,
                                          'transferable', p.transferable, 'earlier', p.ownership_id <> o.id) order by p.starts_on)
        from care_plans p where p.cancelled_at is null and p.ownership_id in (select c.id from chain c where c.ownership_id = o.id)
      ), '[]') as care_plans
    from ownerships o
    join roots r on r.ownership_id = o.id
    join ownerships f on f.id = r.root_id
    join models m on m.id = o.model_id`.execute(scope.db);
  return new Map(rows.map((row) => [row.id, warrantyEntitlement(termsOf(row), factsOf(row), today)]));
}

function termsOf(row: FactsRow): WarrantyTerms {
  return {
    partsMonths: row.parts_months,
    labourMonths: row.labour_months,
    startsAt: row.starts_at,
    proofRequired: row.proof_required,
    transferable: row.transferable,
    noProofGraceMonths: row.grace_months,
  };
}

function factsOf(row: FactsRow): EntitlementFacts {
  return {
    purchaseDate: row.purchase_date,
    deliveredOn: row.delivered_on,
    registeredOn: row.registered_on,
    manufacturedOn: row.manufactured_on,
    proofStatus: row.proof_status,
    country: row.country,
    postalCode: row.postal_code,
    status: row.status,
    acquiredBy: row.transferred ? 'transfer' : 'registration',
    carePlans: row.care_plans.map((plan) => ({
      name: plan.name,
      covers: plan.covers,
      startsOn: plan.starts_on,
      endsOn: plan.ends_on,
      transferable: plan.transferable,
      fromEarlierOwner: plan.earlier,
    })),
  };
}
