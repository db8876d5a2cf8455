import { describe, expect, it } from 'vitest';
import { manufactureDateFromSerial } from './manufacture-date.ts';
import { type MaskToken, parseSerialMask, serialMaskPattern } from './serial-mask.ts';

const tokens = (mask: string): readonly MaskToken[] => {
  const parsed = parseSerialMask(mask);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.tokens;
};

describe('manufactureDateFromSerial', () => {
  it.each([
    ['SN-YYWW####', 'SN-26010001', '2025-12-29'], // ISO week 1 of 2026 starts on Monday 29 December 2025
    ['SN-YYWW####', 'sn-2547 1234', '2025-11-17'],
    ['SN-YYWW####', 'SN-20530001', '2020-12-28'], // 2020 has 53 ISO weeks
    ['SN-YYWW####', 'SN-21530001', null], // 2021 has 52
    ['SN-YYWW####', 'SN-26000001', null],
    ['YYYYMM-####', '202403-0042', '2024-03-01'],
    ['YYYYMM-####', '202413-0042', null],
    ['YY######', '24123456', '2024-01-01'],
    ['AA########', 'AB12345678', null], // the mask encodes no date
    ['SN-YYWW####', 'XX-26010001', null], // does not match the mask
  ])('%s reads %s as %s', (mask, serial, expected) => {
    expect(manufactureDateFromSerial(serial, tokens(mask))).toBe(expected);
  });
});

describe('serialMaskPattern', () => {
  it.each([
    ['AA########', '^[A-Z][A-Z][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$', 'AB12345678', 'A112345678'],
    ['SN-YYWW####', '^SN\\-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$', 'SN-26010001', 'SN26010001X'],
    ['X.*', '^X\\.[A-Z0-9]$', 'X.7', 'XA7'],
  ])('%s becomes a regular expression matching what the mask matches', (mask, pattern, matching, notMatching) => {
    expect(serialMaskPattern(tokens(mask))).toBe(pattern);
    expect(new RegExp(pattern).test(matching)).toBe(true);
    expect(new RegExp(pattern).test(notMatching)).toBe(false);
  });
});
