import { type RawBuilder, sql } from 'kysely';
import { openClaimStatuses } from '../claims/claim-lifecycle.ts';
import { type FactName, segmentRefusal } from '../journeys/condition-facts.ts';
import type { Condition } from '../journeys/conditions.ts';

/**
 * Journey conditions (src/journeys/conditions.ts) compiled to SQL, so a segment's membership is one
 * set-based statement instead of a million calls of `meets`. The predicate reads one product of the
 * brand as `w` (ownerships), its owner as `o`, its model as `m`, and, when the condition asks about
 * coverage, `cov` (coverage-sql.ts). The semantics are `meets`'s, and segment-equivalence.test.ts
 * checks the two agree product by product:
 * - text compares without regard to case; a value of another type than the fact's is never equal;
 * - a missing fact (null) fails every comparison except `missing`, `ne`, `notIn` and `excludes`;
 * - every compiled comparison is true or false, never NULL, so `not` negates it exactly.
 */

type SqlKind = 'text' | 'number' | 'boolean' | 'list' | 'json';
interface SqlFact {
  readonly kind: SqlKind;
  readonly expr: RawBuilder<unknown>;
}

type Predicate = RawBuilder<boolean>;
const yes: Predicate = sql<boolean>`true`;
const no: Predicate = sql<boolean>`false`;

export interface SegmentProblem {
  /** Where in the condition, as the API reports it (`all.0.fact`). */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The facts of a condition a segment cannot compute in SQL, each with why. */
export function segmentProblems(condition: Condition, path: readonly (string | number)[] = []): SegmentProblem[] {
  if ('all' in condition) return condition.all.flatMap((part, i) => segmentProblems(part, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((part, i) => segmentProblems(part, [...path, 'any', i]));
  if ('not' in condition) return segmentProblems(condition.not, [...path, 'not']);
  const refusal = segmentRefusal(condition.fact);
  return refusal ? [{ path: [...path, 'fact'], message: refusal }] : [];
}

/** Whether the condition asks about coverage: its predicate then needs the `cov` join. */
export function readsCoverage(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(readsCoverage);
  if ('any' in condition) return condition.any.some(readsCoverage);
  if ('not' in condition) return readsCoverage(condition.not);
  return condition.fact.startsWith('coverage.');
}

/**
 * The condition as a SQL predicate over `w`, `o`, `m` (and `cov`), on the day `today` (UTC,
 * 'YYYY-MM-DD'). Call it only for a condition without segment problems: it throws on a fact it cannot compute.
 */
export function conditionPredicate(condition: Condition, today: string): Predicate {
  if ('all' in condition) return condition.all.length === 0 ? yes : joined(condition.all.map((part) => conditionPredicate(part, today)), 'and');
  if ('any' in condition) return joined(condition.any.map((part) => conditionPredicate(part, today)), 'or');
  if ('not' in condition) return sql<boolean>`not (${conditionPredicate(condition.not, today)})`;
  const fact = sqlFact(condition.fact, today);
  const value = condition.value;
  switch (condition.op) {
    case 'exists':
      return present(fact);
    case 'missing':
      return sql<boolean>`not ${present(fact)}`;
    case 'eq':
      return anySame(fact, [value]);
    case 'ne':
      return sql<boolean>`not ${anySame(fact, [value])}`;
    case 'in':
      return anySame(fact, value as unknown[]);
    case 'notIn':
      return sql<boolean>`not ${anySame(fact, value as unknown[])}`;
    case 'includes':
      return includes(fact, value);
    case 'excludes':
      return sql<boolean>`not ${includes(fact, value)}`;
    default:
      return ordered(fact, condition.op, value);
  }
}

function joined(parts: Predicate[], operator: 'and' | 'or'): Predicate {
  return sql<boolean>`(${sql.join(parts, sql.raw(` ${operator} `))})`;
}

const text = (expr: RawBuilder<unknown>): SqlFact => ({ kind: 'text', expr });
const number = (expr: RawBuilder<unknown>): SqlFact => ({ kind: 'number', expr });
const boolean = (expr: RawBuilder<unknown>): SqlFact => ({ kind: 'boolean', expr });
const list = (expr: RawBuilder<unknown>): SqlFact => ({ kind: 'list', expr });

// The latest answer per channel, as consentStateOf reads it from the owner_consents view; never asked is no.
const consent = (channel: 'email' | 'sms') =>
  boolean(sql`coalesce((select c.granted from consent_records c where c.owner_id = o.id and c.channel = ${channel}
                        order by c.recorded_at desc, c.id desc limit 1), false)`);

// The owner's active products, as journey-facts.ts counts them for purchases.*.
const activeProducts = sql`ownerships x join models xm on xm.id = x.model_id where x.owner_id = o.id and x.status = 'active'`;

/** How a fact is computed for one product, as loadJourneyFacts computes it for one run. */
function sqlFact(name: string, today: string): SqlFact {
  const day = sql`${today}::date`;
  const facts: Record<Exclude<FactName, 'owner.timeZone'>, () => SqlFact> = {
    'owner.country': () => text(sql`o.country`),
    'owner.language': () => text(sql`o.language`),
    'owner.safetyOnly': () => boolean(sql`o.safety_only`),
    'consent.email': () => consent('email'),
    'consent.sms': () => consent('sms'),
    'ownership.stage': () => text(sql`w.stage`),
    'ownership.daysOwned': () => number(sql`(${day} - coalesce(w.purchase_date, (w.registered_at at time zone 'UTC')::date))`),
    'ownership.retailer': () => text(sql`w.retailer`),
    'ownership.source': () => text(sql`w.source`),
    'ownership.status': () => text(sql`w.status`),
    'ownership.reviewed': () => boolean(sql`exists (select 1 from reviews r where r.ownership_id = w.id)`),
    'model.id': () => text(sql`m.id::text`),
    'model.sku': () => text(sql`m.sku::text`),
    'model.category': () => text(sql`m.category`),
    'coverage.covered': () => boolean(sql`cov.covered`),
    'coverage.daysLeft': () => number(sql`cov.days_left`),
    'coverage.carePlan': () => boolean(sql`cov.care_plan`),
    'claims.open': () =>
      number(sql`(select count(*) from claims c join ownerships x on x.id = c.ownership_id
                  where x.owner_id = o.id and c.status = any(${openClaimStatuses}::text[]))`),
    'purchases.products': () => number(sql`(select count(*) from ${activeProducts})`),
    'purchases.categories': () => list(sql`array(select xm.category from ${activeProducts})`),
    'purchases.models': () => list(sql`array(select xm.sku::text from ${activeProducts})`),
    'purchases.daysSinceLast': () => number(sql`(${day} - (select max(coalesce(x.purchase_date, (x.registered_at at time zone 'UTC')::date)) from ${activeProducts}))`),
    'purchases.carePlans': () => number(sql`(select count(*) from care_plans p join ownerships x on x.id = p.ownership_id where x.owner_id = o.id)`),
  };
  if (Object.hasOwn(facts, name)) return facts[name as keyof typeof facts]();
  if (name.startsWith('attributes.') && segmentRefusal(name) === null) {
    // factValue walks the dotted path; #> does the same through objects (and arrays, by index).
    return { kind: 'json', expr: sql`(o.attributes #> ${name.split('.').slice(1)}::text[])` };
  }
  throw new Error(`Segments cannot compute "${name}": check segmentProblems before compiling.`);
}

function present(fact: SqlFact): Predicate {
  if (fact.kind === 'json') return sql<boolean>`coalesce(jsonb_typeof(${fact.expr}) <> 'null', false)`;
  return sql<boolean>`(${fact.expr} is not null)`;
}

/** Whether the fact is the same as one of the values, as `same()` decides; never NULL. */
function anySame(fact: SqlFact, values: readonly unknown[]): Predicate {
  const tests = values.map((value) => sameAs(fact.kind, fact.expr, value)).filter((test): test is Predicate => test !== null);
  return tests.length === 0 ? no : sql<boolean>`coalesce(${joined(tests, 'or')}, false)`;
}

/** The SQL for `same(fact, value)`, NULL when the fact is; null when no value of the fact's type can equal it. */
function sameAs(kind: SqlKind, expr: RawBuilder<unknown>, value: unknown): Predicate | null {
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? sql<boolean>`lower(${expr}) = lower(${value}::text)` : null;
    case 'number':
      return typeof value === 'number' ? sql<boolean>`${expr} = ${value}::numeric` : null;
    case 'boolean':
      return typeof value === 'boolean' ? sql<boolean>`${expr} = ${value}::boolean` : null;
    case 'list':
      return null;
    case 'json':
      if (typeof value === 'string') return sql<boolean>`(jsonb_typeof(${expr}) = 'string' and lower(${expr} #>> '{}') = lower(${value}::text))`;
      if (typeof value === 'number') return sql<boolean>`${expr} = to_jsonb(${value}::numeric)`;
      if (typeof value === 'boolean') return sql<boolean>`${expr} = to_jsonb(${value}::boolean)`;
      return null;
  }
}

/** Whether a list fact holds the value (`includes`); a fact that is not a list holds nothing. */
function includes(fact: SqlFact, value: unknown): Predicate {
  if (fact.kind === 'list') {
    if (typeof value !== 'string') return no;
    return sql<boolean>`coalesce(exists (select 1 from unnest(${fact.expr}) as item (v) where lower(item.v) = lower(${value}::text)), false)`;
  }
  if (fact.kind === 'json') {
    const same = sameAs('json', sql`item.v`, value);
    if (same === null) return no;
    // jsonb_array_elements fails on anything but an array, and AND does not promise to look at the type first.
    return sql<boolean>`coalesce(case when jsonb_typeof(${fact.expr}) = 'array'
      then exists (select 1 from jsonb_array_elements(${fact.expr}) as item (v) where ${same}) else false end, false)`;
  }
  return no;
}

const orderOperators = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** `ordered()`: numbers with numbers, text with text (case-sensitive, code point order, as JavaScript compares). */
function ordered(fact: SqlFact, op: keyof typeof orderOperators, value: unknown): Predicate {
  const operator = sql.raw(orderOperators[op]);
  if (typeof value === 'number') {
    if (fact.kind === 'number') return sql<boolean>`coalesce(${fact.expr} ${operator} ${value}::numeric, false)`;
    if (fact.kind === 'json') return sql<boolean>`coalesce(case when jsonb_typeof(${fact.expr}) = 'number' then (${fact.expr} #>> '{}')::numeric ${operator} ${value}::numeric else false end, false)`;
  }
  if (typeof value === 'string') {
    if (fact.kind === 'text') return sql<boolean>`coalesce(${fact.expr} collate "C" ${operator} ${value}::text collate "C", false)`;
    if (fact.kind === 'json') return sql<boolean>`coalesce(case when jsonb_typeof(${fact.expr}) = 'string' then (${fact.expr} #>> '{}') collate "C" ${operator} ${value}::text collate "C" else false end, false)`;
  }
  return no;
}
