import { describe, expect, it } from 'vitest';
import { type Condition, type JourneyFacts, conditionSchema, meets } from './conditions.ts';

const facts: JourneyFacts = {
  owner: { country: 'US', language: 'en', safetyOnly: false, timeZone: 'America/Chicago' },
  consent: { email: true, sms: false },
  ownership: { stage: 'onboarding', daysOwned: 12, retailer: 'Best Buy', source: 'registration_page', status: 'active' },
  model: { id: 'm1', sku: 'WM-3000X', category: 'washer' },
  coverage: { covered: true, daysLeft: 40, carePlan: false },
  claims: { open: 1 },
  purchases: { carePlans: 0 },
  attributes: { tipsSent: 2 },
  event: { data: { filterLife: 8, code: 'E21' } },
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
  ];
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(meets(conditionSchema.parse(condition), facts)).toBe(expected);
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
  ])('refuses %j with a message that says why', (condition, message) => {
    const result = conditionSchema.safeParse(condition);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});
