// One semantics, two evaluators: for every condition below, the products a segment's SQL selects are
// exactly the brand's products (active, not safety-only) for which `meets` holds on the facts a journey
// would load for them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.ts';
import { type Condition, conditionSchema, meets } from '../journeys/conditions.ts';
import { loadJourneyFacts } from '../journeys/journey-facts.ts';
import { todayUtc } from '../platform/calendar.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import { coverageJoin } from './coverage-sql.ts';
import { meetingProducts } from './membership.ts';
import { type SegmentWorld, segmentWorld } from './segment-fixtures.ts';

const { db } = testDatabase();
let world: SegmentWorld;

beforeAll(async () => {
  world = await segmentWorld(db);
});
afterAll(async () => {
  await db.destroy();
});

const conditions: [string, unknown][] = [
  ['country, any case', { fact: 'owner.country', op: 'eq', value: 'us' }],
  ['country not US (no country counts)', { fact: 'owner.country', op: 'ne', value: 'US' }],
  ['country one of', { fact: 'owner.country', op: 'in', value: ['ca', 'MX', null, 3] }],
  ['country none of', { fact: 'owner.country', op: 'notIn', value: ['US'] }],
  ['country missing', { fact: 'owner.country', op: 'missing' }],
  ['country set', { fact: 'owner.country', op: 'exists' }],
  ['country after M (code point order)', { fact: 'owner.country', op: 'gt', value: 'M' }],
  ['country equal to a number', { fact: 'owner.country', op: 'eq', value: 5 }],
  ['country not equal to a number', { fact: 'owner.country', op: 'ne', value: 5 }],
  ['language', { fact: 'owner.language', op: 'eq', value: 'ES' }],
  ['not safety-only', { fact: 'owner.safetyOnly', op: 'eq', value: false }],
  ['email consent (latest answer wins)', { fact: 'consent.email', op: 'eq', value: true }],
  ['no email consent', { fact: 'consent.email', op: 'eq', value: false }],
  ['sms consent', { fact: 'consent.sms', op: 'ne', value: false }],
  ['stage one of', { fact: 'ownership.stage', op: 'in', value: ['onboarding', 'ENJOYING'] }],
  ['owned over 100 days', { fact: 'ownership.daysOwned', op: 'gt', value: 100 }],
  ['owned at most 40 days', { fact: 'ownership.daysOwned', op: 'lte', value: 40 }],
  ['owned exactly 40 days', { fact: 'ownership.daysOwned', op: 'eq', value: 40 }],
  ['days owned against text', { fact: 'ownership.daysOwned', op: 'lt', value: '100' }],
  ['retailer, any case', { fact: 'ownership.retailer', op: 'eq', value: 'BEST BUY' }],
  ['no retailer', { fact: 'ownership.retailer', op: 'missing' }],
  ['retailer not Best Buy', { fact: 'ownership.retailer', op: 'ne', value: 'Best Buy' }],
  ['registered through', { fact: 'ownership.source', op: 'notIn', value: ['web'] }],
  ['status', { fact: 'ownership.status', op: 'eq', value: 'active' }],
  ['reviewed', { fact: 'ownership.reviewed', op: 'eq', value: true }],
  ['not reviewed', { fact: 'ownership.reviewed', op: 'ne', value: true }],
  ['model id, upper case', { fact: 'model.id', op: 'eq', value: '__KETTLE_ID__' }],
  ['sku', { fact: 'model.sku', op: 'eq', value: 'kt-1' }],
  ['sku one of', { fact: 'model.sku', op: 'in', value: ['FR-3', 'nope'] }],
  ['category', { fact: 'model.category', op: 'eq', value: 'kettles' }],
  ['category from f', { fact: 'model.category', op: 'gte', value: 'f' }],
  ['covered', { fact: 'coverage.covered', op: 'eq', value: true }],
  ['not covered', { fact: 'coverage.covered', op: 'eq', value: false }],
  ['cover ends within 90 days', { fact: 'coverage.daysLeft', op: 'lt', value: 90 }],
  ['cover ends after a year', { fact: 'coverage.daysLeft', op: 'gt', value: 365 }],
  ['no end of cover (not covered)', { fact: 'coverage.daysLeft', op: 'missing' }],
  ['a care plan covers today', { fact: 'coverage.carePlan', op: 'eq', value: true }],
  ['an open claim', { fact: 'claims.open', op: 'gte', value: 1 }],
  ['no open claim', { fact: 'claims.open', op: 'eq', value: 0 }],
  ['more than one product', { fact: 'purchases.products', op: 'gt', value: 1 }],
  ['exactly one product', { fact: 'purchases.products', op: 'eq', value: 1 }],
  ['owns a kettle, any case', { fact: 'purchases.categories', op: 'includes', value: 'KETTLES' }],
  ['owns no dryer', { fact: 'purchases.categories', op: 'excludes', value: 'dryers' }],
  ['owns the fridge model', { fact: 'purchases.models', op: 'includes', value: 'FR-3' }],
  ['categories as a number', { fact: 'purchases.categories', op: 'includes', value: 3 }],
  ['categories known', { fact: 'purchases.categories', op: 'exists' }],
  ['bought within 30 days', { fact: 'purchases.daysSinceLast', op: 'lt', value: 30 }],
  ['nothing bought for 100 days', { fact: 'purchases.daysSinceLast', op: 'gte', value: 100 }],
  ['bought a care plan', { fact: 'purchases.carePlans', op: 'gte', value: 1 }],
  ['attribute true', { fact: 'attributes.vip', op: 'eq', value: true }],
  ['attribute not true (unset counts)', { fact: 'attributes.vip', op: 'ne', value: true }],
  ['attribute text, any case', { fact: 'attributes.tier', op: 'eq', value: 'gold' }],
  ['attribute one of', { fact: 'attributes.tier', op: 'in', value: ['GOLD', 'silver'] }],
  ['attribute number above (text "7" is not a number)', { fact: 'attributes.score', op: 'gt', value: 5 }],
  ['attribute number equal', { fact: 'attributes.score', op: 'eq', value: 7 }],
  ['attribute text above (only text compares with text)', { fact: 'attributes.score', op: 'gt', value: '5' }],
  ['attribute decimal', { fact: 'attributes.score', op: 'lte', value: 12.5 }],
  ['attribute list includes, any case', { fact: 'attributes.tags', op: 'includes', value: 'b' }],
  ['attribute list excludes', { fact: 'attributes.tags', op: 'excludes', value: 'a' }],
  ['attribute that is not a list includes nothing', { fact: 'attributes.tier', op: 'includes', value: 'gold' }],
  ['nested attribute', { fact: 'attributes.nested.level', op: 'eq', value: 2 }],
  ['an object attribute is set', { fact: 'attributes.nested', op: 'exists' }],
  ['an attribute set to null is missing', { fact: 'attributes.nothing', op: 'missing' }],
  ['a path through text is missing', { fact: 'attributes.tier.x', op: 'missing' }],
  ['an attribute never set is not equal', { fact: 'attributes.unknown', op: 'notIn', value: ['x'] }],
  ['an empty "all" holds', { all: [] }],
  ['all', { all: [{ fact: 'owner.country', op: 'eq', value: 'US' }, { fact: 'coverage.covered', op: 'eq', value: true }] }],
  ['any', { any: [{ fact: 'claims.open', op: 'gt', value: 0 }, { fact: 'attributes.vip', op: 'exists' }] }],
  ['not', { not: { fact: 'ownership.retailer', op: 'eq', value: 'best buy' } }],
  ['none of, nested', { not: { any: [{ fact: 'model.category', op: 'eq', value: 'dryers' }, { all: [{ fact: 'consent.email', op: 'eq', value: true }, { not: { fact: 'attributes.vip', op: 'eq', value: false } }] }] } }],
  ['a marketer\'s segment', {
    all: [
      { fact: 'consent.email', op: 'eq', value: true },
      { fact: 'coverage.carePlan', op: 'eq', value: false },
      { any: [{ fact: 'purchases.categories', op: 'includes', value: 'kettles' }, { fact: 'purchases.daysSinceLast', op: 'lt', value: 60 }] },
    ],
  }],
];

describe('segment SQL and meets()', () => {
  it.each(conditions)('select the same products: %s', async (_name, raw) => {
    const condition = conditionSchema.parse(JSON.parse(JSON.stringify(raw).replace('__KETTLE_ID__', world.models.kettle.toUpperCase())));
    const now = new Date();
    await inBrand(db, world.brand.brandId, async (scope) => {
      const bySql = await selectedBySql(scope, condition, todayUtc(now));
      const byMeets = await selectedByMeets(scope, condition, now);
      expect(named(bySql)).toEqual(named(byMeets));
    });
  });

  it('the conditions are not trivial: each product is in some selections and out of others', async () => {
    const seen = new Map<string, Set<boolean>>();
    await inBrand(db, world.brand.brandId, async (scope) => {
      const all = await selectedByMeets(scope, { all: [] }, new Date());
      for (const [, raw] of conditions) {
        const selected = await selectedByMeets(scope, conditionSchema.parse(JSON.parse(JSON.stringify(raw).replace('__KETTLE_ID__', world.models.kettle))), new Date());
        for (const id of all) (seen.get(id) ?? seen.set(id, new Set()).get(id))?.add(selected.includes(id));
      }
    });
    for (const [id, outcomes] of seen) expect(outcomes.size, `product ${named([id])} was always ${[...outcomes]}`).toBe(2);
  });

  it('computes every product\'s coverage as the warranty rules do', async () => {
    const today = todayUtc();
    await inBrand(db, world.brand.brandId, async (scope) => {
      const { rows } = await sql<{ id: string; owner_id: string; covered: boolean; days_left: number | null; care_plan: boolean }>`
        select w.id, w.owner_id, cov.covered, cov.days_left, cov.care_plan
        from ownerships w join models m on m.id = w.model_id ${coverageJoin(today)}
        where w.status = 'active'`.execute(scope.db);
      expect(rows.length).toBeGreaterThan(10);
      const kinds = new Set<string>();
      for (const row of rows) {
        const facts = await loadJourneyFacts(scope, { ownerId: row.owner_id, ownershipId: row.id, triggerPayload: {} }, new Date());
        expect({ product: named([row.id]), covered: row.covered, daysLeft: row.days_left, carePlan: row.care_plan })
          .toEqual({ product: named([row.id]), ...facts.coverage });
        kinds.add(`${row.covered}/${row.care_plan}`);
      }
      // Covered and not, with a care plan and without: the rules' branches were all taken.
      expect(kinds).toEqual(new Set(['true/true', 'true/false', 'false/false']));
    });
  });

  it('never selects a product registered for safety notices only, nor one that is not active', async () => {
    await inBrand(db, world.brand.brandId, async (scope) => {
      const everyone = named(await selectedBySql(scope, { all: [] }, todayUtc()));
      expect(everyone).not.toContain('E1');
      expect(everyone).not.toContain('F1');
      expect(everyone).not.toContain('D0');
      expect(everyone).not.toContain('C2');
      expect(everyone).toContain('F2');
    });
  });
});

async function selectedBySql(scope: BrandScope, condition: Condition, today: string): Promise<string[]> {
  const { rows } = await meetingProducts(scope, condition, today).execute(scope.db);
  return rows.map((row) => row.ownership_id);
}

async function selectedByMeets(scope: BrandScope, condition: Condition, now: Date): Promise<string[]> {
  const products = await scope.db
    .selectFrom('ownerships as w')
    .innerJoin('owners as o', 'o.id', 'w.owner_id')
    .select(['w.id', 'w.owner_id'])
    .where('w.status', '=', 'active')
    .where('w.safety_only', '=', false)
    .where('o.safety_only', '=', false)
    .execute();
  const selected: string[] = [];
  for (const product of products) {
    const facts = await loadJourneyFacts(scope, { ownerId: product.owner_id, ownershipId: product.id, triggerPayload: {} }, now);
    if (meets(condition, facts)) selected.push(product.id);
  }
  return selected;
}

/** Product names (A1, B1, …) in order, so a difference reads as which products. */
function named(ids: readonly string[]): string[] {
  const names = new Map(Object.entries(world.products).map(([name, id]) => [id, name]));
  return ids.map((id) => names.get(id) ?? id).sort();
}
