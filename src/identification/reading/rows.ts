import type { Bbox, OcrLine, OcrWord } from './ocr-text.ts';

/**
 * Lines put back together into the rows they are printed on. Tesseract's sparse-text mode finds text
 * anywhere, but splits a row at every wide gap: "MODEL NO." and "DW-500" in two cells of a table come
 * back as two lines. Lines whose heights mostly overlap, side by side, are one row, read left to right.
 */
export function rowsOf(lines: readonly OcrLine[]): OcrLine[] {
  const rows: { box: Bbox; words: OcrWord[] }[] = [];
  const ordered = lines.filter((line) => line.words.length > 0).map((line) => ({ box: boxOf(line.words), words: [...line.words] }));
  ordered.sort((a, b) => centre(a.box) - centre(b.box));
  for (const line of ordered) {
    const row = rows.find((candidate) => sameRow(candidate, line));
    if (!row) {
      rows.push(line);
      continue;
    }
    row.words.push(...line.words);
    row.box = boxOf(row.words);
  }
  return rows
    .sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0)
    .map((row) => ({ words: row.words.sort((a, b) => a.bbox.x0 - b.bbox.x0) }));
}

function sameRow(row: { box: Bbox; words: readonly OcrWord[] }, line: { box: Bbox; words: readonly OcrWord[] }): boolean {
  const overlap = Math.min(row.box.y1, line.box.y1) - Math.max(row.box.y0, line.box.y0);
  const shorter = Math.min(row.box.y1 - row.box.y0, line.box.y1 - line.box.y0);
  if (shorter <= 0 || overlap < shorter * 0.5) return false;
  // Side by side, never on top of each other: no word of the line may overlap a word of the row.
  return !line.words.some((word) => row.words.some((other) => word.bbox.x0 < other.bbox.x1 && other.bbox.x0 < word.bbox.x1));
}

function boxOf(words: readonly OcrWord[]): Bbox {
  return {
    x0: Math.min(...words.map((word) => word.bbox.x0)),
    y0: Math.min(...words.map((word) => word.bbox.y0)),
    x1: Math.max(...words.map((word) => word.bbox.x1)),
    y1: Math.max(...words.map((word) => word.bbox.y1)),
  };
}

function centre(box: Bbox): number {
  return (box.y0 + box.y1) / 2;
}
