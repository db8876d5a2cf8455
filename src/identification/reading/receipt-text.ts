import { asDigit } from './confusions.ts';
import type { CharacterRival, OcrLine, OcrWord } from './ocr-text.ts';

/** A receipt line as the field readers see it: capitals, accents off, digits put right. */
export interface ReceiptLine {
  readonly text: string;
  readonly words: readonly OcrWord[];
  readonly confidence: number;
  /** Characters of `text` OCR nearly read as another (`at` indexes `text`). */
  readonly rivals: readonly CharacterRival[];
  /** 0 for the first line: shop names head a receipt. */
  readonly index: number;
}

/** A field read off a receipt, with how sure OpenOX is of it (0..1). */
export interface ReceiptValue<T> {
  readonly value: T;
  readonly confidence: number;
  readonly line: ReceiptLine;
}

/**
 * Receipt lines ready for matching. In a word that is mostly digits (a date, a price), letters OCR
 * confuses with digits are read as those digits: "O3/l5/2O26" is 03/15/2026.
 */
export function receiptLines(lines: readonly OcrLine[]): ReceiptLine[] {
  return lines.map((line, index) => {
    const texts = line.words.map((word) => numericFixed(plain(word.text)));
    let offset = 0;
    const rivals = line.words.flatMap((word, i) => {
      const text = texts[i] as string;
      // Taking accents off shortens a word and loses its rivals' places; prices and dates carry no accents.
      const placed = text.length === word.text.length ? (word.rivals ?? []).map(({ at, rival }) => ({ at: at + offset, rival })) : [];
      offset += text.length + 1;
      return placed;
    });
    return {
      text: texts.join(' '),
      words: line.words,
      confidence: line.words.length ? line.words.reduce((sum, word) => sum + word.confidence, 0) / line.words.length : 0,
      rivals,
      index,
    };
  });
}

function plain(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

function numericFixed(word: string): string {
  const chars = [...word];
  const digits = chars.filter((char) => /[0-9]/.test(char)).length;
  const fixable = chars.filter((char) => !/[0-9]/.test(char) && asDigit(char) !== null).length;
  // Only words that are numbers with a slip or two: "TOTAL" and "SOLD" stay words.
  if (digits < 2 || fixable === 0 || fixable > digits) return word;
  const letters = chars.filter((char) => /[A-Z]/.test(char)).length;
  if (letters > fixable) return word;
  return chars.map((char) => (/[0-9]/.test(char) ? char : (asDigit(char) ?? char))).join('');
}
