import { manufactureDateFromSerial } from '../../catalog/manufacture-date.ts';
import { type MaskToken, normaliseSerial } from '../../catalog/serial-mask.ts';
import type { LabelModel } from '../label-types.ts';
import { asDigit, asLetter, fold, isAmbiguous } from './confusions.ts';
import { type Span, rivalReadings } from './label-text.ts';
import { type BarcodeFacts, scored, uncaptionedDoubt } from './model-match.ts';
import { capWhenContested } from './ocr-text.ts';

/** A serial found on a label: the value as its model's rule reads it. */
export interface SerialMatch {
  readonly value: string;
  readonly model: LabelModel | null;
  readonly confidence: number;
  readonly source: 'barcode' | 'ocr';
  readonly spans: readonly Span[];
  readonly manufacturedOn: string | null;
  /** Every model whose serial rule the value fits. */
  readonly fits: readonly LabelModel[];
}

/** A reading put right by a mask: which characters it had to change, and which it could not be sure of. */
export interface MaskReading {
  readonly value: string;
  readonly corrections: number;
  readonly ambiguous: number;
}

/**
 * Reads `text` as a serial of `tokens`: where the mask wants a digit, an O is a 0 (and a 0 is an O
 * where it wants a letter), so the mask decides which way each confusion goes. Null when the text
 * cannot be such a serial, or needs too many corrections to trust.
 */
export function readAsMask(text: string, tokens: readonly MaskToken[]): MaskReading | null {
  const chars = [...normaliseSerial(text)];
  if (chars.length !== tokens.length) return null;
  let corrections = 0;
  let ambiguous = 0;
  const value: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const token = tokens[i] as MaskToken;
    let read: string | null;
    if (token.kind === 'letter') read = asLetter(char);
    else if (token.kind === 'alphanumeric') read = /^[A-Z0-9]$/.test(char) ? char : asDigit(char);
    else if (token.kind === 'literal') read = char === token.char || (fold(char) === fold(token.char) && fold(char) !== '') ? token.char : null;
    else read = asDigit(char);
    if (read === null) return null;
    if (read !== char) corrections++;
    else if (token.kind === 'alphanumeric' && isAmbiguous(char)) ambiguous++;
    value.push(read);
  }
  if (corrections > Math.max(2, Math.floor(tokens.length / 3))) return null;
  return { value: value.join(''), corrections, ambiguous };
}

/**
 * The serials on a label for the models given, best first, one entry per value: a GS1 barcode's AI 21
 * is exact; other barcode text and OCR text count only where they fit one of the models' serial rules.
 * Spans that named the model (`modelWords`) are not read again as serials unless captioned "S/N".
 */
export function serialMatches(spans: readonly Span[], barcodes: readonly BarcodeFacts[], models: readonly LabelModel[], modelWords: ReadonlySet<string>, today: string): SerialMatch[] {
  const found = new Map<string, SerialMatch>();
  const offer = (match: Omit<SerialMatch, 'fits'>, fitsRule = true) => {
    const known = found.get(match.value);
    const fits = [...new Set([...(known?.fits ?? []), ...(match.model && fitsRule ? [match.model] : [])])];
    found.set(match.value, (known?.confidence ?? -1) < match.confidence ? { ...match, fits } : { ...(known as SerialMatch), fits });
  };

  for (const barcode of barcodes) {
    if (barcode.serial) {
      const model = (barcode.gtin14 && models.find((m) => m.gtins.includes(barcode.gtin14 as string))) || (models.length === 1 ? (models[0] as LabelModel) : null);
      offer({ value: normaliseSerial(barcode.serial), model, confidence: 1, source: 'barcode', spans: [], manufacturedOn: model ? dateOf(barcode.serial, model) : null });
      continue;
    }
    if (barcode.gtin14) continue;
    for (const model of models) {
      for (const mask of model.serialMasks) {
        const reading = readAsMask(barcode.text, mask.tokens);
        if (reading && reading.corrections === 0) offer({ value: reading.value, model, confidence: 1, source: 'barcode', spans: [], manufacturedOn: manufactureDateFromSerial(reading.value, mask.tokens) });
      }
    }
  }

  for (const span of spans) {
    const captioned = span.caption?.kind === 'serial';
    if (!captioned && span.wordKeys.some((key) => modelWords.has(key))) continue;
    for (const model of models) {
      if (model.serialMasks.length === 0 && captioned) {
        // No rule to check against: what follows "S/N" is likely the serial, but the owner must say.
        offer({ value: normaliseSerial(span.text), model, confidence: scored(0.6, span, 'serial'), source: 'ocr', spans: [span], manufacturedOn: null }, false);
      }
      for (const mask of model.serialMasks) {
        const reading = readThroughMask(span.text, mask.tokens);
        if (!reading) continue;
        const manufacturedOn = manufactureDateFromSerial(reading.value, mask.tokens);
        // A serial whose date digits name no real month or week, or a future one, was misread.
        const encodesDate = mask.tokens.some((token) => token.kind === 'year');
        const dateDoubt = encodesDate && (manufacturedOn === null || manufacturedOn > today) ? 0.35 : 0;
        const quality = 1 - 0.08 * reading.corrections - Math.min(0.12, 0.03 * reading.ambiguous) - dateDoubt;
        const confidence = capWhenContested(scored(quality, span, 'serial'), rivalChangesSerial(span, mask.tokens, reading.value));
        offer({ value: reading.value, model, confidence, source: 'ocr', spans: [span], manufacturedOn: dateDoubt ? null : manufacturedOn });
      }
    }
  }
  const matches = [...found.values()];
  const captioned = matches.some((match) => match.spans.some((span) => span.caption?.kind === 'serial'));
  return matches
    .map((match) => (captioned && match.source === 'ocr' && !match.spans.some((span) => span.caption?.kind === 'serial') ? { ...match, confidence: Math.max(0, match.confidence - uncaptionedDoubt) } : match))
    .sort((a, b) => b.confidence - a.confidence);
}

/**
 * Whether one of the span's close rival characters, read instead, gives another serial under the same
 * rule. Nothing vouches for a serial's characters the way the catalog does for a model, so any such
 * rival counts; one the rule puts right (an O nearly read for a 0 where a digit must be) or rules out
 * (a letter where only a digit can be) does not.
 */
function rivalChangesSerial(span: Pick<Span, 'text' | 'rivals'>, tokens: readonly MaskToken[], value: string): boolean {
  return rivalReadings(span).some((text) => {
    const reading = readThroughMask(text, tokens);
    return reading !== null && reading.value !== value;
  });
}

function readThroughMask(text: string, tokens: readonly MaskToken[]): MaskReading | null {
  return readAsMask(text, tokens) ?? readAsMask(withoutSeparators(text, tokens), tokens);
}

function dateOf(serial: string, model: LabelModel): string | null {
  for (const mask of model.serialMasks) {
    const date = manufactureDateFromSerial(serial, mask.tokens);
    if (date) return date;
  }
  return null;
}

/** OCR adds dashes and dots between groups ("AB-1234-5678"); a mask without them does not want them. */
function withoutSeparators(text: string, tokens: readonly MaskToken[]): string {
  const literals = new Set(tokens.flatMap((token) => (token.kind === 'literal' ? [token.char] : [])));
  return [...text].filter((char) => !'-./'.includes(char) || literals.has(char)).join('');
}
