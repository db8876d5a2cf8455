import { sureConfidence } from '../label-types.ts';

/** A box in image pixels, as tesseract gives it: left/top corner (x0, y0) to right/bottom (x1, y1). */
export interface Bbox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * A character of a word that OCR nearly read as another: `text[at]` (UTF-16 index) could as well have
 * been `rival`, a digit or a capital letter.
 */
export interface CharacterRival {
  readonly at: number;
  readonly rival: string;
}

/** A word as OCR read it, with tesseract's confidence (0–100). */
export interface OcrWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: Bbox;
  /**
   * Its characters with a close rival. A single character of an otherwise crisp word can be a coin toss
   * (a blurred 0 read as 6) while the word keeps a crisp word's confidence and the character itself
   * reads at 97: only the runner-up tells. Absent when the engine gave no per-character choices (tests,
   * typed text).
   */
  readonly rivals?: readonly CharacterRival[];
}

/** A line of text in reading order. */
export interface OcrLine {
  readonly words: readonly OcrWord[];
}

/** Lines from plain strings, for tests and for text that did not come from OCR: every word fully confident. */
export function linesFromText(text: string, confidence = 95): OcrLine[] {
  return text.split('\n').map((line, row) => {
    let x = 0;
    const words = line.split(/\s+/).filter(Boolean).map((word) => {
      const bbox = { x0: x, y0: row * 20, x1: x + word.length * 10, y1: row * 20 + 16 };
      x += (word.length + 1) * 10;
      return { text: word, confidence, bbox };
    });
    return { words };
  }).filter((line) => line.words.length > 0);
}

/** The smallest box holding every box given, or null for none. */
export function unionOf(boxes: readonly Bbox[]): Bbox | null {
  if (boxes.length === 0) return null;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/**
 * How much a reading of tesseract's confidence can be trusted, 0..1. Clean print reads at 85–96;
 * under 60 a word is as likely misread as not, and even at 65–70 a letter may be swapped (E for F)
 * with the word still looking plausible, so only the high range counts fully.
 */
export function ocrTrust(confidence: number): number {
  return Math.min(1, Math.max(0, (confidence - 60) / 30));
}

/**
 * The most a reading may claim when one of its characters had a close rival that would make it another
 * value: it is still proposed, but under `sureConfidence`, so the owner is asked. Tesseract is as
 * confident of "LY10776204" as of any crisp word when the blurred 0 it read as 6 had 0 as runner-up.
 */
export const contestedCeiling = sureConfidence - 0.05;

/** A confidence held under `contestedCeiling` when a rival character would make the value another. */
export function capWhenContested(confidence: number, contested: boolean): number {
  return contested ? Math.min(confidence, contestedCeiling) : confidence;
}
