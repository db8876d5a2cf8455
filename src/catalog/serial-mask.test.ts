import { describe, expect, it } from 'vitest';
import { type MaskToken, describeSerialMask, parseSerialMask, serialMatchesMask } from './serial-mask.ts';

function tokens(mask: string): readonly MaskToken[] {
  const parsed = parseSerialMask(mask);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.tokens;
}

describe('serial masks', () => {
  it.each([
    ['AA########', 'AB12345678', true],
    ['AA########', 'ab 1234 5678', true], // owners type lower case and spaces
    ['AA########', 'A112345678', false],
    ['AA########', 'AB1234567', false],
    ['AA########', 'AB123456789', false],
    ['SN-YYWW####', 'SN-24310042', true],
    ['SN-YYWW####', 'SX-24310042', false],
    ['****', 'A1B2', true],
    ['****', 'A1B-', false],
    ['\\A#', 'A7', true],
    ['\\A#', 'B7', false],
  ])('%s matches %j: %s', (mask, serial, expected) => {
    expect(serialMatchesMask(serial, tokens(mask))).toBe(expected);
  });

  it.each([
    ['AA########', '2 letters, then 8 digits'],
    ['SN-YYWW####', '"SN-", then 2 digits of the year made, then 2 digits of the week made, then 4 digits'],
    ['*A', '1 letter or digit, then 1 letter'],
  ])('describes %s as %j', (mask, description) => {
    expect(describeSerialMask(tokens(mask))).toBe(description);
  });

  it.each([
    ['', 'A serial rule needs a mask'],
    ['AA##\\', 'ends with a backslash'],
    ['AA ##', 'no spaces'],
    ['YYY####', '2 or 4 Y digits'],
    ['M####', '2 M digits'],
    ['#'.repeat(65), 'at most 64'],
  ])('refuses the mask %j', (mask, reason) => {
    const parsed = parseSerialMask(mask);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});
