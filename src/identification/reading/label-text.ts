import { fold, squash } from './confusions.ts';
import type { Bbox, CharacterRival, OcrLine, OcrWord } from './ocr-text.ts';

/** Which field a printed caption announces: "MODEL:" the model, "S/N:" the serial. */
export type Caption = 'model' | 'serial';

/** One or a few neighbouring pieces of a line, read as one code (OCR splits "WM 3000X" in two). */
export interface Span {
  /** The pieces joined without spaces, in capitals. */
  readonly text: string;
  readonly words: readonly OcrWord[];
  /** Identities of the words (`line:word`), to tell whether two spans share words. */
  readonly wordKeys: readonly string[];
  /** The lowest confidence of its words: one bad word spoils the code. */
  readonly confidence: number;
  /** Characters of `text` OCR nearly read as another (`at` indexes `text`). */
  readonly rivals: readonly CharacterRival[];
  readonly pieceCount: number;
  /** The caption this span follows: right before it on its line, or ending the line above. */
  readonly caption: { readonly kind: Caption; readonly where: 'before' | 'above' } | null;
}

interface Piece {
  readonly text: string;
  /** The word's close rivals that fall in this piece, `at` indexing `text`. */
  readonly rivals: readonly CharacterRival[];
  readonly word: OcrWord;
  readonly key: string;
  readonly caption: Caption | null;
  /** A word that continues a caption ("NO.", "NUMBER", "#"): neither a value nor a caption of its own. */
  readonly filler: boolean;
}

// Compared folded, so "5/N", "SIN" and "M0DEL" still count.
const captions: Readonly<Record<Caption, readonly string[]>> = {
  model: ['MODEL', 'MOD', 'MODELNO', 'MODELNUMBER', 'MN', 'MODELO', 'MODELE', 'TYPE', 'TYP', 'REF', 'SKU', 'ITEM', 'ITEMNO', 'ART', 'ARTNO', 'CATNO', 'PRODUCT', 'PRODUCTNO', 'PARTNO', 'PN'],
  serial: ['SN', 'SNO', 'SIN', 'SER', 'SERNO', 'SERIAL', 'SERIALNO', 'SERIALNUMBER', 'SERIE', 'SERIES', 'NSERIE', 'NODESERIE', 'NUMERODESERIE', 'NUMDESERIE'],
};
const foldedCaptions = Object.fromEntries(Object.entries(captions).map(([kind, words]) => [kind, new Set(words.map(fold))])) as Record<Caption, Set<string>>;
const fillers = new Set(['NO', 'NUMBER', 'NUM', 'NR', 'NBR', 'N', 'DE', 'OF', 'CODE', 'ID', 'NUMERO'].map(fold));

/**
 * The spans of a label's text worth comparing with codes: every run of 1 to `maxPieces` pieces of a
 * line that holds no caption, each knowing the caption it follows.
 */
export function spansOf(lines: readonly OcrLine[], maxPieces = 3): Span[] {
  const pieceLines = lines.map((line, lineIndex) => piecesOf(line, lineIndex));
  const spans: Span[] = [];
  pieceLines.forEach((pieces, lineIndex) => {
    const above = openCaptions(pieceLines[lineIndex - 1] ?? []);
    for (let start = 0; start < pieces.length; start++) {
      for (let end = start; end < Math.min(pieces.length, start + maxPieces); end++) {
        const run = pieces.slice(start, end + 1);
        if (run.some((piece) => piece.caption || piece.filler)) break;
        const words = unique(run.map((piece) => piece.word));
        const sameLine = captionJustBefore(pieces, start);
        const below = nearestAbove(above, words);
        const caption = sameLine ? { kind: sameLine, where: 'before' as const } : below ? { kind: below.kind, where: 'above' as const } : null;
        spans.push({
          text: run.map((piece) => piece.text).join(''),
          words,
          wordKeys: unique(run.map((piece) => piece.key)),
          confidence: Math.min(...words.map((word) => word.confidence)),
          rivals: joinedRivals(run),
          pieceCount: run.length,
          caption,
        });
      }
    }
  });
  return spans;
}

/** The boxes of the words spans used. */
export function boxesOf(spans: readonly Span[]): Bbox[] {
  return spans.flatMap((span) => span.words.map((word) => word.bbox));
}

function piecesOf(line: OcrLine, lineIndex: number): Piece[] {
  const pieces: Piece[] = [];
  line.words.forEach((word, wordIndex) => {
    const upper = word.text.toUpperCase();
    // Capitals of a few letters are longer ("ß" is "SS"): their rivals' places are lost, so they have none.
    const rivals = upper.length === word.text.length ? (word.rivals ?? []) : [];
    // Captions glue onto values ("S/N:AB123", "(21)AB123"): split at the punctuation that separates them.
    for (const part of upper.matchAll(/[^:;,()[\]{}<>"'=]+/g)) {
      const lead = /^[.\-/\\_|~*]*/.exec(part[0])?.[0].length ?? 0;
      const text = part[0].slice(lead).replace(/[.\-/\\_|~*]+$/, '');
      if (!text) continue;
      const start = (part.index as number) + lead;
      const folded = fold(text);
      const caption = (Object.keys(foldedCaptions) as Caption[]).find((kind) => foldedCaptions[kind].has(folded)) ?? null;
      const own = rivals.filter(({ at }) => at >= start && at < start + text.length).map(({ at, rival }) => ({ at: at - start, rival }));
      pieces.push({ text, rivals: own, word, key: `${lineIndex}:${wordIndex}`, caption, filler: !caption && (fillers.has(folded) || squash(text) === '') });
    }
  });
  return pieces;
}

/** The rivals of pieces read as one text, placed in that text. */
function joinedRivals(pieces: readonly Piece[]): CharacterRival[] {
  let offset = 0;
  return pieces.flatMap((piece) => {
    const placed = piece.rivals.map(({ at, rival }) => ({ at: at + offset, rival }));
    offset += piece.text.length;
    return placed;
  });
}

/** The span's text with one of its close rivals read instead, for each rival: the other ways OCR could have read it. */
export function rivalReadings(span: Pick<Span, 'text' | 'rivals'>): string[] {
  return span.rivals.map(({ at, rival }) => span.text.slice(0, at) + rival + span.text.slice(at + 1));
}

/** The caption right before a piece (only fillers between): "S/N: X", "SERIAL NO. X". */
function captionJustBefore(pieces: readonly Piece[], index: number): Caption | null {
  for (let i = index - 1; i >= 0; i--) {
    const piece = pieces[i] as Piece;
    if (piece.caption) return piece.caption;
    if (!piece.filler) return null;
  }
  return null;
}

/**
 * Captions with no value after them on their line (a caption ending the line, or a header row such
 * as "MODEL NO.   SERIAL NO."): their values are on the next line, below them.
 */
function openCaptions(pieces: readonly Piece[]): { kind: Caption; word: OcrWord }[] {
  const open: { kind: Caption; word: OcrWord }[] = [];
  pieces.forEach((piece, i) => {
    if (!piece.caption) return;
    const next = pieces.slice(i + 1).find((other) => !other.filler);
    if (!next || next.caption) open.push({ kind: piece.caption, word: piece.word });
  });
  return open;
}

/** Of the open captions above, the one the words sit under (columns line up on their left edges). */
function nearestAbove(open: readonly { kind: Caption; word: OcrWord }[], words: readonly OcrWord[]): { kind: Caption } | null {
  const left = Math.min(...words.map((word) => word.bbox.x0));
  const right = Math.max(...words.map((word) => word.bbox.x1));
  const under = open.filter(({ word: { bbox } }) => {
    const slack = (bbox.y1 - bbox.y0) * 2;
    return left <= bbox.x1 + slack && right >= bbox.x0 - slack;
  });
  return under.sort((a, b) => Math.abs(a.word.bbox.x0 - left) - Math.abs(b.word.bbox.x0 - left))[0] ?? null;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
