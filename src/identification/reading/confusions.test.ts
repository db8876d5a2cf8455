import { describe, expect, it } from 'vitest';
import { asDigit, asLetter, confusionsBetween, editDistance, fold } from './confusions.ts';
import { skuQuality } from './model-match.ts';
import { parseSerialMask } from '../../catalog/serial-mask.ts';
import { readAsMask } from './serial-match.ts';

describe('OCR confusions', () => {
  it.each([
    ['O', '0'], ['Q', '0'], ['D', '0'], ['I', '1'], ['L', '1'], ['|', '1'], ['Z', '2'], ['S', '5'], ['G', '6'], ['B', '8'], ['7', '7'], ['X', null], ['A', null],
  ])('reads %j as the digit %j', (char, digit) => {
    expect(asDigit(char)).toBe(digit);
  });

  it.each([['0', 'O'], ['1', 'I'], ['2', 'Z'], ['5', 'S'], ['6', 'G'], ['8', 'B'], ['K', 'K'], ['3', null], ['-', null]])('reads %j as the letter %j', (char, letter) => {
    expect(asLetter(char)).toBe(letter);
  });

  it.each([
    ['WM-3OOOX', 'WM 3000X', 3],
    ['wm3000x', 'WM-3000X', 0],
    ['5B-12', 'SB-12', 1],
    ['WM-3000Y', 'WM-3000X', null],
    ['WM-300', 'WM-3000', null],
  ])('%j against %j: %j confusions', (read, code, expected) => {
    expect(confusionsBetween(read, code)).toBe(expected);
  });

  it('folds look-alikes together but keeps other letters apart', () => {
    expect(fold('os-IZ.G b')).toBe('051268');
    expect(fold('KX-10')).toBe('KX10');
  });

  it('measures edit distance', () => {
    expect(editDistance('COSTCO', 'COSTC')).toBe(1);
    expect(editDistance('HOMEDEPOT', 'HOMEDEPOT')).toBe(0);
    expect(editDistance('ABC', 'XYZ')).toBe(3);
  });
});

describe('how well a text reads as a SKU', () => {
  it.each([
    ['WM-3000X', 'WM-3000X', 1],
    ['wm 3000x', 'WM-3000X', 1],
    ['WM-3OOOX', 'WM-3000X', 0.86],
    ['WM-3000X/US', 'WM-3000X', 0.85],
    ['WM-300OX', 'WM-3000X', 0.92],
    ['WM-3000', 'WM-3000X', 0.55],
    ['WM-2000X', 'WM-3000X', 0.55],
    ['WM-3001X', 'DW-500', 0],
    ['K10', 'K10', 1],
    ['KIO', 'K10', 0], // short SKUs only exactly
  ])('%j as %j: %j', (read, sku, expected) => {
    expect(skuQuality(read, sku)).toBeCloseTo(expected, 5);
  });
});

describe('reading a serial through its mask', () => {
  const mask = (text: string) => {
    const parsed = parseSerialMask(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.tokens;
  };

  it.each([
    ['AA########', 'AB12345678', { value: 'AB12345678', corrections: 0, ambiguous: 0 }],
    ['AA########', 'A812345678', { value: 'AB12345678', corrections: 1, ambiguous: 0 }],
    ['AA########', 'AB1234S67B', { value: 'AB12345678', corrections: 2, ambiguous: 0 }],
    ['AA########', 'ab 1234 5678', { value: 'AB12345678', corrections: 0, ambiguous: 0 }],
    ['SN-YYWW####', '5N-24310042', { value: 'SN-24310042', corrections: 1, ambiguous: 0 }],
    ['****', 'O1AB', { value: 'O1AB', corrections: 0, ambiguous: 3 }],
    ['AA########', 'AB1234567', null],
    ['AA########', 'ABCD345678', null], // C cannot be a digit
    ['######', 'OOOIII', null], // every character corrected is too many to trust
  ])('%s reads %j as %j', (maskText, text, expected) => {
    expect(readAsMask(text, mask(maskText))).toEqual(expected);
  });
});
