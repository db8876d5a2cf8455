import { describe, expect, it } from 'vitest';
import { checkGtin, gs1CheckDigit } from './gtin.ts';

describe('checkGtin', () => {
  it.each([
    ['09506000134352', '09506000134352'], // GTIN-14 from the GS1 Digital Link standard's examples
    ['9506000134352', '09506000134352'], // the same as GTIN-13
    ['4006381333931', '04006381333931'], // EAN-13
    ['036000291452', '00036000291452'], // UPC-A
    ['96385074', '00000096385074'], // EAN-8
    ['4006 3813-33931', '04006381333931'], // spaces and dashes as printed
  ])('accepts %s as %s', (input, gtin14) => {
    expect(checkGtin(input)).toEqual({ valid: true, gtin14 });
  });

  it('refuses a wrong check digit and names the right one', () => {
    expect(checkGtin('4006381333932')).toEqual({
      valid: false,
      reason: 'The check digit (last digit) should be 1, not 2: a digit is probably mistyped.',
    });
  });

  it.each([
    ['40063813339', 'A GTIN has 8, 12, 13 or 14 digits; this one has 11.'],
    ['40063813339A1', 'A GTIN has only digits.'],
    ['', 'A GTIN has only digits.'],
  ])('refuses %j', (input, reason) => {
    expect(checkGtin(input)).toEqual({ valid: false, reason });
  });
});

describe('gs1CheckDigit', () => {
  it('computes the mod-10 check digit', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('0950600013435')).toBe(2);
    expect(gs1CheckDigit('03600029145')).toBe(2);
  });
});
