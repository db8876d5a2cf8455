import { describe, expect, it } from 'vitest';
import { gs1Year, parseGs1Date } from './gs1-date.ts';

const in2026 = new Date('2026-05-01T12:00:00Z');

describe('parseGs1Date', () => {
  it.each([
    ['280426', '2028-04-26'],
    ['180426', '2018-04-26'],
    ['280400', '2028-04-30'],
    ['240200', '2024-02-29'],
    ['250200', '2025-02-28'],
    ['261231', '2026-12-31'],
  ])('reads %s as %s', (yymmdd, iso) => {
    expect(parseGs1Date(yymmdd, in2026)).toBe(iso);
  });

  it.each(['281301', '280001', '250229', '280432', '2804', '28042A', ''])('refuses %j', (yymmdd) => {
    expect(parseGs1Date(yymmdd, in2026)).toBeNull();
  });
});

describe('gs1Year (General Specifications 7.12)', () => {
  it.each([
    [76, 2026, 2076], // 50 ahead: still this century
    [77, 2026, 1977], // 51 ahead: last century
    [0, 2026, 2000],
    [99, 2049, 2099],
    [0, 2050, 2100], // 50 behind: next century
    [1, 2050, 2001], // 49 behind: this century
    [99, 2001, 1999],
  ])('%i in %i is %i', (twoDigits, currentYear, year) => {
    expect(gs1Year(twoDigits, currentYear)).toBe(year);
  });
});
