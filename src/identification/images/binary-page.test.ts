import { describe, expect, it } from 'vitest';
import { type Raster, despeckle, eraseRules, inkOf, letterHeight, skewOf, textRegion } from './binary-page.ts';

/** A raster drawn from rows of characters: '#' ink, anything else paper. */
function drawn(rows: readonly string[], ink = 0, paper = 255): Raster {
  const width = rows[0]?.length ?? 0;
  const data = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => [...row].forEach((char, x) => (data[y * width + x] = char === '#' ? ink : paper)));
  return { data, width, height: rows.length };
}

function blank(width: number, height: number, value = 0): Uint8Array {
  return new Uint8Array(width * height).fill(value);
}

function box(target: Uint8Array, width: number, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) target[y * width + x] = 1;
}

const count = (ink: Uint8Array) => ink.reduce((total, value) => total + value, 0);

describe('finding ink', () => {
  it('marks what is darker than its surroundings, on light and on dim paper alike', () => {
    // Left half lit (paper 230, ink 150), right half in shadow (paper 90, ink 20): one threshold could not serve both.
    const width = 40;
    const data = new Uint8Array(width * 20);
    for (let y = 0; y < 20; y++) for (let x = 0; x < width; x++) data[y * width + x] = x < 20 ? 230 : 90;
    for (const x of [5, 6, 30, 31]) for (let y = 5; y < 15; y++) data[y * width + x] = x < 20 ? 150 : 20;
    const ink = inkOf({ data, width, height: 20 }, 4, 20);
    expect(ink[10 * width + 5]).toBe(1);
    expect(ink[10 * width + 30]).toBe(1);
    expect(ink[10 * width + 12]).toBe(0);
    expect(ink[10 * width + 25]).toBe(0);
    // Away from the edge of the shadow (which reads as a line of ink, cleared later as a rule), only the strokes.
    const strokes = [5, 6, 30, 31];
    for (let y = 0; y < 20; y++) for (const x of [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 26, 27, 28, 29, 32, 33, 34, 35, 36, 37, 38, 39]) expect(ink[y * width + x]).toBe(0);
    expect(strokes.every((x) => ink[10 * width + x] === 1)).toBe(true);
  });

  it('finds nothing on flat paper, whatever its shade', () => {
    expect(count(inkOf(drawn(['....', '....'], 0, 120), 2, 20))).toBe(0);
  });
});

describe('cleaning ink', () => {
  it('clears specks and keeps letters', () => {
    const width = 30;
    const ink = blank(width, 20);
    box(ink, width, 2, 2, 4, 4); // 4 pixels: noise
    box(ink, width, 10, 5, 16, 15); // 60 pixels: a letter
    despeckle(ink, width, 20);
    expect(count(ink)).toBe(60);
    expect(ink[2 * width + 2]).toBe(0);
  });

  it('clears table lines and frames, not letters', () => {
    const width = 200;
    const height = 100;
    const ink = blank(width, height);
    box(ink, width, 0, 50, 200, 52); // a rule across the page
    box(ink, width, 100, 0, 102, 100); // a rule down it
    box(ink, width, 20, 10, 40, 30); // a letter-sized block, 20 high
    eraseRules(ink, width, height, 20);
    expect(count(ink)).toBe(400);
    expect(ink[51 * width + 10]).toBe(0);
    expect(ink[10 * width + 101]).toBe(0);
  });

  it('measures the height of letters', () => {
    const width = 120;
    const ink = blank(width, 100);
    for (let x = 5; x < 110; x += 15) box(ink, width, x, 20, x + 8, 38); // letters 18 high
    box(ink, width, 0, 90, 2, 92); // a speck
    box(ink, width, 0, 60, 120, 62); // a rule
    expect(letterHeight(ink, width, 100)).toBe(18);
    expect(letterHeight(blank(width, 100), width, 100)).toBeNull();
  });
});

describe('the slope of text', () => {
  it.each([0, 6, -9, 14])('finds lines of text sloping %i°', (degrees) => {
    const width = 400;
    const height = 300;
    const ink = blank(width, height);
    const slope = Math.tan((degrees * Math.PI) / 180);
    // Five lines of "letters": short dashes along sloping baselines, 40 px apart.
    for (let line = 0; line < 5; line++) {
      for (let x = 20; x < 380; x++) {
        if (x % 12 > 7) continue;
        for (let dy = 0; dy < 10; dy++) {
          const y = Math.round(60 + line * 40 + (x - 200) * slope) + dy;
          if (y >= 0 && y < height) ink[y * width + x] = 1;
        }
      }
    }
    expect(Math.abs(skewOf(ink, width, height) - degrees)).toBeLessThanOrEqual(0.5);
  });
});

describe('where the text is', () => {
  it('finds a small block of print in a large empty photo', () => {
    const width = 600;
    const height = 400;
    const ink = blank(width, height);
    // Letters (4×8 px, every 7 px) in lines 14 px apart, filling x 400..520, y 300..360.
    for (let y = 300; y < 360; y += 14) for (let x = 400; x < 520; x += 7) box(ink, width, x, y, x + 4, y + 8);
    const region = textRegion({ data: ink, width, height }, 12);
    expect(region).not.toBeNull();
    const { left, top, width: w, height: h } = region as NonNullable<typeof region>;
    expect(left).toBeLessThanOrEqual(400);
    expect(top).toBeLessThanOrEqual(300);
    expect(left + w).toBeGreaterThanOrEqual(520);
    expect(top + h).toBeGreaterThanOrEqual(356);
    expect(w * h).toBeLessThan((width * height) / 4);
  });

  it('finds none in a photo without print', () => {
    expect(textRegion({ data: blank(300, 200), width: 300, height: 200 }, 12)).toBeNull();
  });
});
