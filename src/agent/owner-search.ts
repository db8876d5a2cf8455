import { sql } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { ownerSummaryView } from '../owners/owner-directory.ts';
import { type SearchTerm, searchTermOf } from './search-term.ts';

const matchKinds = ['email', 'phone', 'serial', 'claim', 'name'] as const;
type MatchKind = (typeof matchKinds)[number];

export const ownerMatchView = z.object({
  on: z.enum(matchKinds),
  ownershipId: z.uuid().nullable().meta({ description: 'serial and claim: the product the serial or the claim is about, to highlight.' }),
  ownershipStatus: z.enum(['active', 'transferred', 'retired']).nullable().meta({ description: 'serial and claim: `active` when this owner holds the unit now; otherwise a former owner.' }),
  claimId: z.uuid().nullable(),
  claimNumber: z.string().nullable(),
}).meta({ id: 'OwnerMatch' });
export type OwnerMatch = z.output<typeof ownerMatchView>;

export const ownerHitView = ownerSummaryView.extend({
  matches: z.array(ownerMatchView).meta({ description: 'What the search term matched on for this owner; empty when listing without a term.' }),
}).meta({ id: 'OwnerHit' });
export type OwnerHit = z.output<typeof ownerHitView>;

export interface OwnerSearch {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly q?: string | undefined;
}

/**
 * Owners newest first, narrowed by the agent's one search box: an email, a phone number, a serial, a
 * claim number or words of a name (see searchTermOf). Each meaning is looked up through its own index
 * and only then are the owners read, so a rare match among millions costs a few index probes.
 */
export async function searchOwners(scope: BrandScope, search: OwnerSearch) {
  const term = searchTermOf(search.q ?? '');
  const exact = term ? await exactMatches(scope, term) : new Map<string, OwnerMatch[]>();
  const nameQuery = term?.nameQuery ?? null;
  const candidates = term === null
    ? null
    : nameQuery === null
      ? sql<string>`select unnest(${[...exact.keys()]}::uuid[])`
      : sql<string>`select unnest(${[...exact.keys()]}::uuid[]) union select owners_matching_name(${nameQuery})`;

  const query = scope.db
    .selectFrom('owners')
    .select(['owners.id', 'owners.name', 'owners.email', 'owners.phone', 'owners.country', 'owners.safety_only', 'owners.created_at'])
    .select((eb) =>
      eb.selectFrom('ownerships')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('ownerships.owner_id', '=', 'owners.id')
        .where('ownerships.status', '=', 'active')
        .as('product_count'),
    )
    .where('owners.brand_id', '=', scope.brandId)
    // = any(array(...)): the candidates are computed once and probed through the primary key; as a
    // plain `in (...)` the planner may merge them with a scan of every owner of the brand.
    .$if(candidates !== null, (owners) => owners.where(sql<boolean>`${sql.ref('owners.id')} = any(array(${candidates}))`));
  const page = await keysetPage(query, search, (row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    country: row.country,
    safetyOnly: row.safety_only,
    productCount: row.product_count ?? 0,
    createdAt: row.created_at.toISOString(),
  }), 'owners.id');

  const byName = nameQuery === null ? new Set<string>() : await nameMatchesAmong(scope, page.data.map((owner) => owner.id), nameQuery);
  return {
    data: page.data.map((owner): OwnerHit => ({
      ...owner,
      matches: [...(exact.get(owner.id) ?? []), ...(byName.has(owner.id) ? [match('name')] : [])],
    })),
    nextCursor: page.nextCursor,
  };
}

function match(on: MatchKind, found: Partial<OwnerMatch> = {}): OwnerMatch {
  return { on, ownershipId: null, ownershipStatus: null, claimId: null, claimNumber: null, ...found };
}

/** Owners found by an exact key (email, phone, serial, claim number), each through its own unique or b-tree index. */
async function exactMatches(scope: BrandScope, term: SearchTerm): Promise<Map<string, OwnerMatch[]>> {
  const found = new Map<string, OwnerMatch[]>();
  const add = (ownerId: string, hit: OwnerMatch) => found.set(ownerId, [...(found.get(ownerId) ?? []), hit]);
  const owners = scope.db.selectFrom('owners').select('id').where('brand_id', '=', scope.brandId);
  if (term.email) for (const row of await owners.where('email', '=', term.email).execute()) add(row.id, match('email'));
  if (term.phone) for (const row of await owners.where('phone', '=', term.phone).execute()) add(row.id, match('phone'));
  if (term.serial) {
    const held = await scope.db.selectFrom('ownerships').select(['id', 'owner_id', 'status'])
      .where('brand_id', '=', scope.brandId).where('serial', '=', term.serial).execute();
    for (const row of held) add(row.owner_id, match('serial', { ownershipId: row.id, ownershipStatus: row.status }));
  }
  if (term.claimNumber) {
    const claims = await scope.db.selectFrom('claims as c').innerJoin('ownerships as o', 'o.id', 'c.ownership_id')
      .select(['c.id', 'c.number', 'c.owner_id', 'c.ownership_id', 'o.status'])
      .where('c.brand_id', '=', scope.brandId).where('c.number', '=', term.claimNumber).execute();
    for (const row of claims) add(row.owner_id, match('claim', { ownershipId: row.ownership_id, ownershipStatus: row.status, claimId: row.id, claimNumber: row.number }));
  }
  return found;
}

/** Which of a page of owners the name words match: said per hit, checked on at most a page of rows. */
async function nameMatchesAmong(scope: BrandScope, ownerIds: readonly string[], nameQuery: string): Promise<Set<string>> {
  if (ownerIds.length === 0) return new Set();
  const rows = await scope.db.selectFrom('owners').select('id')
    .where('id', 'in', ownerIds)
    .where(sql<boolean>`name_prefixes(name) @@ to_tsquery('simple', ${nameQuery})`)
    .execute();
  return new Set(rows.map((row) => row.id));
}
