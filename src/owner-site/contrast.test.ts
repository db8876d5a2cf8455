import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOnWhite, readableTextOn } from './contrast.ts';

describe('brand colour contrast', () => {
  it('measures WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
  });

  it.each([
    ['#0b7285', '#ffffff'],
    ['#ffd43b', '#1a1a1a'],
    ['#e8590c', '#1a1a1a'],
  ])('puts readable text on %s', (background, text) => {
    expect(readableTextOn(background)).toBe(text);
  });

  it.each(['#ffd43b', '#e8590c', '#0b7285', '#ffffff'])('darkens %s until it reads on white', (color) => {
    expect(contrastRatio(readableOnWhite(color), '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps a brand colour that already reads on white', () => {
    expect(readableOnWhite('#0b7285')).toBe('#0b7285');
  });
});
