import { describe, expect, it } from 'vitest';
import { isCoveredOn, warrantyCoverage } from './coverage.ts';

describe('warrantyCoverage', () => {
  it.each([
    ['from the purchase date', { partsMonths: 24, labourMonths: 12, startsAt: 'purchase' }, '2026-03-15', '2026-04-02', ['2026-03-15', 'purchase_date', '2028-03-15', '2027-03-15']],
    ['from registration when the terms say so', { partsMonths: 12, labourMonths: 12, startsAt: 'registration' }, '2026-03-15', '2026-04-02', ['2026-04-02', 'registration_date', '2027-04-02', '2027-04-02']],
    ['from registration when no purchase date is known', { partsMonths: 12, labourMonths: 6, startsAt: 'purchase' }, null, '2026-04-02', ['2026-04-02', 'registration_date', '2027-04-02', '2026-10-02']],
    ['to the end of a shorter month', { partsMonths: 1, labourMonths: 13, startsAt: 'purchase' }, '2026-01-31', '2026-02-01', ['2026-01-31', 'purchase_date', '2026-02-28', '2027-02-28']],
    ['into a leap day', { partsMonths: 25, labourMonths: 0, startsAt: 'purchase' }, '2026-01-29', '2026-02-01', ['2026-01-29', 'purchase_date', '2028-02-29', '2026-01-29']],
  ] as const)('runs %s', (_, terms, purchaseDate, registeredOn, [startsOn, startBasis, partsUntil, labourUntil]) => {
    expect(warrantyCoverage(terms, { purchaseDate, registeredOn })).toEqual({ startsOn, startBasis, partsUntil, labourUntil });
  });

  it('covers the last day and not the day after', () => {
    expect(isCoveredOn('2028-03-15', '2028-03-15')).toBe(true);
    expect(isCoveredOn('2028-03-15', '2028-03-16')).toBe(false);
  });
});
