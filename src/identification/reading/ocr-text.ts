/** A box in image pixels, as tesseract gives it: left/top corner (x0, y0) to right/bottom (x1, y1). */
export interface Bbox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A word as OCR read it, with tesseract's confidence (0–100). */
export interface OcrWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: Bbox;
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
