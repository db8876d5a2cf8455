import { describe, expect, it } from 'vitest';
import type { OcrLine } from './ocr-text.ts';
import { rowsOf } from './rows.ts';

const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, confidence: 90, bbox: { x0, y0, x1, y1 } });
const texts = (lines: readonly OcrLine[]) => lines.map((line) => line.words.map((w) => w.text).join(' '));

describe('rows of a label', () => {
  it('joins the cells of a table row, left to right, and keeps rows in order', () => {
    const lines: OcrLine[] = [
      { words: [word('DW-500', 400, 100, 520, 140)] },
      { words: [word('MODEL', 200, 105, 290, 135), word('NO.', 300, 105, 340, 135)] },
      { words: [word('KU96306718', 400, 160, 600, 200)] },
      { words: [word('S/N', 200, 165, 250, 195)] },
    ];
    expect(texts(rowsOf(lines))).toEqual(['MODEL NO. DW-500', 'S/N KU96306718']);
  });

  it('keeps apart lines that only touch vertically', () => {
    const lines: OcrLine[] = [
      { words: [word('Rated', 200, 100, 280, 130)] },
      { words: [word('220-240 V', 400, 122, 540, 152)] },
    ];
    expect(texts(rowsOf(lines))).toEqual(['Rated', '220-240 V']);
  });

  it('does not merge text stacked in one column', () => {
    const lines: OcrLine[] = [
      { words: [word('SERIAL', 200, 100, 300, 130)] },
      { words: [word('NT28905333', 205, 110, 400, 150)] },
    ];
    expect(rowsOf(lines)).toHaveLength(2);
  });
});
