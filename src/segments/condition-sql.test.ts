import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Condition, conditionSchema } from '../journeys/conditions.ts';
import { conditionPredicate, readsCoverage, segmentProblems } from './condition-sql.ts';

// Compiles without a database: the SQL text and its parameters are what these tests read.
const compiler = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const compiled = (predicate: RawBuilder<unknown>) => predicate.compile(compiler);
const predicate = (condition: unknown) => compiled(conditionPredicate(conditionSchema.parse(condition), '2025-06-01'));

describe('segmentProblems', () => {
  it('points at every fact a segment cannot compute, and says why', () => {
    const condition = conditionSchema.parse({
      all: [
        { fact: 'owner.country', op: 'eq', value: 'US' },
        { fact: 'owner.timeZone', op: 'eq', value: 'America/Chicago' },
        { any: [{ not: { fact: 'event.data.code', op: 'eq', value: 'E21' } }] },
      ],
    });
    expect(segmentProblems(condition)).toEqual([
      { path: ['all', 1, 'fact'], message: expect.stringContaining('worked out from their postal code') },
      { path: ['all', 2, 'any', 0, 'not', 'fact'], message: expect.stringContaining('a segment has no event') },
    ]);
  });

  it('takes every other fact, coverage and attributes included', () => {
    const condition = conditionSchema.parse({
      all: [
        { fact: 'coverage.daysLeft', op: 'lt', value: 30 },
        { fact: 'purchases.models', op: 'includes', value: 'KT-1' },
        { fact: 'attributes.tier', op: 'eq', value: 'gold' },
        { fact: 'consent.sms', op: 'eq', value: true },
      ],
    });
    expect(segmentProblems(condition)).toEqual([]);
  });
});

describe('conditionPredicate', () => {
  it('compares text without regard to case, the value as a parameter', () => {
    const { sql, parameters } = predicate({ fact: 'model.category', op: 'eq', value: 'Washers' });
    expect(sql).toBe('coalesce((lower(m.category) = lower($1::text)), false)');
    expect(parameters).toEqual(['Washers']);
  });

  it('makes a value of another type than the fact\'s never equal: false, and "ne" true', () => {
    expect(predicate({ fact: 'owner.country', op: 'eq', value: 5 }).sql).toBe('false');
    expect(predicate({ fact: 'owner.country', op: 'ne', value: 5 }).sql).toBe('not false');
    expect(predicate({ fact: 'ownership.daysOwned', op: 'gt', value: '10' }).sql).toBe('false');
  });

  it('negates exactly: every comparison is true or false, never NULL', () => {
    const { sql } = predicate({ not: { fact: 'ownership.retailer', op: 'in', value: ['Best Buy', 'Target'] } });
    expect(sql).toBe('not (coalesce((lower(w.retailer) = lower($1::text) or lower(w.retailer) = lower($2::text)), false))');
  });

  it('holds for an empty "all", and joins groups with and/or', () => {
    expect(predicate({ all: [] }).sql).toBe('true');
    const { sql } = predicate({ any: [{ fact: 'claims.open', op: 'gt', value: 0 }, { all: [{ fact: 'owner.safetyOnly', op: 'eq', value: false }, { fact: 'owner.language', op: 'exists' }] }] });
    expect(sql).toMatch(/^\(coalesce\(\(select count\(\*\) from claims c .+ > \$2::numeric, false\) or \(coalesce\(\(o\.safety_only = \$3::boolean\), false\) and \(o\.language is not null\)\)\)$/s);
  });

  it('orders text by code point, as JavaScript does', () => {
    expect(predicate({ fact: 'model.sku', op: 'lt', value: 'M' }).sql).toBe('coalesce(m.sku::text collate "C" < $1::text collate "C", false)');
  });

  it('reads attributes by their path, and looks at their JSON type', () => {
    const { sql, parameters } = predicate({ fact: 'attributes.profile.tier', op: 'eq', value: 'gold' });
    expect(sql).toContain('jsonb_typeof((o.attributes #> $1::text[])) = \'string\'');
    expect(parameters).toEqual([['profile', 'tier'], ['profile', 'tier'], 'gold']);
  });

  it('asks whether a list holds a value with includes, and excludes is its negation', () => {
    const includes = predicate({ fact: 'purchases.categories', op: 'includes', value: 'dryers' });
    expect(includes.sql).toMatch(/^coalesce\(exists \(select 1 from unnest\(array\(select xm\.category from ownerships x .+\)\) as item \(v\) where lower\(item\.v\) = lower\(\$1::text\)\), false\)$/);
    expect(predicate({ fact: 'purchases.categories', op: 'excludes', value: 'dryers' }).sql).toBe(`not ${includes.sql}`);
  });

  it('counts days from the day it is given', () => {
    const { sql, parameters } = predicate({ fact: 'ownership.daysOwned', op: 'gte', value: 30 });
    expect(sql).toBe('coalesce(($1::date - coalesce(w.purchase_date, (w.registered_at at time zone \'UTC\')::date)) >= $2::numeric, false)');
    expect(parameters).toEqual(['2025-06-01', 30]);
  });

  it('refuses to compile a fact it cannot compute', () => {
    expect(() => conditionPredicate({ fact: 'event.data.code', op: 'exists' }, '2025-06-01')).toThrow('check segmentProblems');
  });
});

describe('readsCoverage', () => {
  it.each<[Condition, boolean]>([
    [{ fact: 'coverage.covered', op: 'eq', value: true }, true],
    [{ not: { any: [{ fact: 'owner.country', op: 'exists' }, { fact: 'coverage.carePlan', op: 'eq', value: false }] } }, true],
    [{ all: [{ fact: 'owner.country', op: 'exists' }] }, false],
  ])('%j → %s', (condition, expected) => {
    expect(readsCoverage(condition)).toBe(expected);
  });
});
