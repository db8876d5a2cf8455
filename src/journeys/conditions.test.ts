import { describe, expect, it } from 'vitest';
import { type Condition, type JourneyFacts, conditionSchema, meets } from './conditions.ts';

const facts: JourneyFacts = {
  owner: { country: 'US', language: 'en', safetyOnly: false, timeZone: 'America/Chicago' },
  consent: { email: true, sms: false },
  ownership: { stage: 'onboarding', daysOwned: 12, retailer: 'Best Buy', source: 'registration_page', status: 'active', reviewed: false },
  model: { id: 'm1', sku: 'WM-3000X', category: 'washer' },
  coverage: { covered: true, daysLeft: 40, carePlan: false },
  claims: { open: 1 },
  purchases: { products: 2, categories: ['washer', 'Dryer'], models: ['WM-3000X', 'DR-10'], daysSinceLast: 12, carePlans: 0 },
  attributes: { tipsSent: 2 },
  event: { data: { filterLife: 8, code: 'E21', codes: ['E4', 'E21'] } },
};

describe('meets', () => {
  const cases: [string, Condition, boolean][] = [
    ['equal text, any case', { fact: 'owner.country', op: 'eq', value: 'us' }, true],
    ['not equal', { fact: 'model.category', op: 'ne', value: 'washer' }, false],
    ['in a list', { fact: 'model.category', op: 'in', value: ['dryer', 'washer'] }, true],
    ['not in a list', { fact: 'model.category', op: 'notIn', value: ['washer'] }, false],
    ['number below', { fact: 'coverage.daysLeft', op: 'lt', value: 45 }, true],
    ['number at or above', { fact: 'ownership.daysOwned', op: 'gte', value: 13 }, false],
    ['boolean fact', { fact: 'consent.sms', op: 'eq', value: false }, true],
    ['event data', { fact: 'event.data.filterLife', op: 'lt', value: 10 }, true],
    ['event text', { fact: 'event.data.code', op: 'eq', value: 'E21' }, true],
    ['attribute set by a step', { fact: 'attributes.tipsSent', op: 'gte', value: 2 }, true],
    ['an attribute never set is missing', { fact: 'attributes.reviewed', op: 'missing' }, true],
    ['a missing fact fails a comparison', { fact: 'attributes.reviewed', op: 'eq', value: true }, false],
    ['a missing fact is "not equal"', { fact: 'attributes.reviewed', op: 'ne', value: true }, true],
    ['text does not compare with a number', { fact: 'owner.country', op: 'gt', value: 3 }, false],
    ['all', { all: [{ fact: 'claims.open', op: 'eq', value: 1 }, { fact: 'consent.email', op: 'eq', value: true }] }, true],
    ['any', { any: [{ fact: 'claims.open', op: 'eq', value: 0 }, { fact: 'consent.sms', op: 'eq', value: true }] }, false],
    ['not', { not: { fact: 'coverage.carePlan', op: 'eq', value: true } }, true],
    ['an empty "all" holds', { all: [] }, true],
    ['a list includes a value, any case', { fact: 'purchases.categories', op: 'includes', value: 'dryer' }, true],
    ['a list does not include a value it lacks', { fact: 'purchases.models', op: 'includes', value: 'OV-1' }, false],
    ['a list excludes a value it lacks', { fact: 'purchases.models', op: 'excludes', value: 'OV-1' }, true],
    ['a list does not exclude a value it has', { fact: 'purchases.categories', op: 'excludes', value: 'WASHER' }, false],
    ['a list holds text, not numbers', { fact: 'purchases.categories', op: 'includes', value: 2 }, false],
    ['products owned', { fact: 'purchases.products', op: 'gte', value: 2 }, true],
    ['days since the last purchase', { fact: 'purchases.daysSinceLast', op: 'lt', value: 30 }, true],
    ['an event list includes', { fact: 'event.data.codes', op: 'includes', value: 'e4' }, true],
    ['a missing list includes nothing', { fact: 'attributes.tags', op: 'includes', value: 'x' }, false],
    ['a missing list excludes everything', { fact: 'attributes.tags', op: 'excludes', value: 'x' }, true],
    ['a single value is not a list that includes it', { fact: 'event.data.code', op: 'includes', value: 'E21' }, false],
  ];
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(meets(conditionSchema.parse(condition), facts)).toBe(expected);
  });

  it('an owner with no active product has no days since a purchase: comparisons fail, "missing" holds', () => {
    const none = { ...facts, purchases: { products: 0, categories: [], models: [], daysSinceLast: null, carePlans: 0 } };
    expect(meets({ fact: 'purchases.daysSinceLast', op: 'lt', value: 1000 }, none)).toBe(false);
    expect(meets({ fact: 'purchases.daysSinceLast', op: 'missing' }, none)).toBe(true);
    expect(meets({ fact: 'purchases.categories', op: 'excludes', value: 'washer' }, none)).toBe(true);
  });

  it('a journey without an ownership fails ownership conditions', () => {
    expect(meets({ fact: 'ownership.daysOwned', op: 'gt', value: 0 }, { ...facts, ownership: null })).toBe(false);
  });
});

describe('conditionSchema', () => {
  it.each([
    [{ fact: 'owner.shoeSize', op: 'eq', value: 9 }, 'is not a fact journeys know'],
    [{ fact: 'model.category', op: 'in', value: 'washer' }, 'compares with a list'],
    [{ fact: 'model.category', op: 'eq' }, 'compares with one value'],
    [{ fact: 'event.', op: 'exists' }, 'is not a fact journeys know'],
    [{ fact: 'purchases.categories', op: 'eq', value: 'washer' }, 'is a list: ask whether it includes or excludes'],
    [{ fact: 'purchases.models', op: 'in', value: ['A', 'B'] }, 'is a list'],
    [{ fact: 'model.category', op: 'includes', value: 'washer' }, 'holds one value: use eq, ne, in or notIn'],
    [{ fact: 'purchases.categories', op: 'includes', value: ['washer'] }, 'compares with one value'],
    [{ fact: 'purchases.categories', op: 'excludes' }, 'compares with one value'],
  ])('refuses %j with a message that says why', (condition, message) => {
    const result = conditionSchema.safeParse(condition);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });

  it('takes includes/excludes on list facts and on attributes or event paths, whose kind it cannot know', () => {
    for (const condition of [
      { fact: 'purchases.categories', op: 'includes', value: 'washer' },
      { fact: 'purchases.models', op: 'exists' },
      { fact: 'attributes.tags', op: 'excludes', value: 'vip' },
      { fact: 'event.data.codes', op: 'includes', value: 'E4' },
    ]) expect(conditionSchema.safeParse(condition).success, JSON.stringify(condition)).toBe(true);
  });
});
