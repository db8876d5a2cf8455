import type { Bbox, CharacterRival } from './ocr-text.ts';

/** One character as OCR read it, with the characters its LSTM weighed there (the read one among them). */
export interface SymbolReading {
  readonly text: string;
  readonly choices: readonly { readonly text: string; readonly confidence: number }[];
}

/**
 * The characters of every word in tesseract's hOCR, by word box (`boxKey`). Tesseract's JSON output
 * has no per-character alternatives: only hOCR written with `lstm_choice_mode` 2 and
 * `hocr_char_boxes` 1 does, each character span followed by the span of its choices.
 */
export function symbolsByWordBox(hocr: string): Map<string, SymbolReading[]> {
  const words = new Map<string, SymbolReading[]>();
  for (const word of hocr.split("<span class='ocrx_word'").slice(1)) {
    const box = /^[^>]*title='bbox (\d+) (\d+) (\d+) (\d+)/.exec(word);
    if (!box) continue;
    const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number];
    words.set(boxKey({ x0, y0, x1, y1 }), symbolsOf(word));
  }
  return words;
}

/**
 * How close (in choice confidence, 0–100) another letter or digit must come to the character read to
 * count as its rival. On the evaluation set (seed openox), each confident one-character misread had the
 * right character as runner-up, 25–48 below it in serials and 6–13 in amounts. With each field's own
 * checks on top (serial rule, catalog, subtotal + tax), 50 made the owner confirm just 2 more correct
 * reads in 400 other photos (seeds holdout and third); 60 asked 2 more on seed openox alone.
 */
export const closeRivalMargin = 50;

/**
 * The characters of a word whose strongest other choice, a letter or digit, came within
 * `closeRivalMargin` of the one read: the strongest such rival for each. A different case of the same
 * letter is no rival (codes are read in capitals); everything else is, and the reader of each field
 * decides whether the rival would change its value (an O for a 0 where a serial wants a digit does not).
 */
export function closeRivals(symbols: readonly SymbolReading[]): CharacterRival[] {
  const rivals: CharacterRival[] = [];
  let at = 0;
  for (const symbol of symbols) {
    const read = symbol.choices.find((choice) => choice.text === symbol.text);
    const others = symbol.choices.filter((choice) => /^[A-Za-z0-9]$/.test(choice.text) && choice.text.toUpperCase() !== symbol.text.toUpperCase());
    const strongest = others.sort((a, b) => b.confidence - a.confidence)[0];
    // Without the read character among its choices, the choices cannot be weighed against it.
    if (read && strongest && strongest.confidence > 0 && strongest.confidence >= read.confidence - closeRivalMargin) rivals.push({ at, rival: strongest.text.toUpperCase() });
    at += symbol.text.length;
  }
  return rivals;
}

/** A word box as a map key: tesseract gives a word the same whole-pixel box in JSON and hOCR. */
export function boxKey(box: Bbox): string {
  return `${box.x0},${box.y0},${box.x1},${box.y1}`;
}

// A character: `<span class='ocrx_cinfo' title='x_bboxes …; x_conf 98.9'>L</span>`, then its choices:
// `<span class='ocrx_cinfo' id='lstm_choices_…'>` holding `<span … title='x_confs 93.2'>L</span>` each.
const characterSpan = /<span class='ocrx_cinfo' title='x_bboxes [^']*'>([^<]*)<\/span>/g;
const choiceSpan = /<span class='ocrx_cinfo' id='choice_[^']*' title='x_confs ([\d.]+)'>([^<]*)<\/span>/g;

function symbolsOf(word: string): SymbolReading[] {
  const characters = [...word.matchAll(characterSpan)];
  return characters.map((character, i) => {
    const end = characters[i + 1]?.index ?? word.length;
    const between = word.slice((character.index as number) + character[0].length, end);
    const choices = [...between.matchAll(choiceSpan)].map((choice) => ({ text: unescapeHtml(choice[2] as string), confidence: Number(choice[1]) }));
    return { text: unescapeHtml(character[1] as string), choices };
  });
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name] ?? entity;
  });
}
