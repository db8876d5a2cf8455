import { checkGtin } from '../../catalog/gtin.ts';
import type { LabelCatalog, LabelModel } from '../label-types.ts';
import { asDigit, confusionsBetween, editDistance, fold, squash } from './confusions.ts';
import { type Span, rivalReadings } from './label-text.ts';
import { capWhenContested, ocrTrust } from './ocr-text.ts';

/** What a decoded barcode says; a GS1 code names the GTIN and serial exactly. */
export interface BarcodeFacts {
  readonly text: string;
  readonly gtin14: string | null;
  readonly serial: string | null;
}

/** One model found on a label, with the spans of text that named it. */
export interface ModelMatch {
  readonly model: LabelModel;
  readonly confidence: number;
  readonly source: 'barcode' | 'ocr';
  readonly spans: readonly Span[];
}

/** Taken off a reading without caption when another reading of the same field has one. */
export const uncaptionedDoubt = 0.15;

/** The most OCR alone may claim: a reading is never as certain as a decoded barcode. */
export const ocrCeiling = 0.97;

/**
 * The brand's models a label names, best first, one entry per model: by a barcode's GTIN or text
 * (exact), by the SKU printed on it (tolerant of OCR confusions) or by GTIN digits printed under a
 * barcode (their check digit vouches for them).
 */
export function modelMatches(spans: readonly Span[], barcodes: readonly BarcodeFacts[], catalog: LabelCatalog): ModelMatch[] {
  const best = new Map<string, { sku?: ModelMatch; gtin?: ModelMatch }>();
  const offer = (kind: 'sku' | 'gtin', match: ModelMatch) => {
    const entry = best.get(match.model.id) ?? {};
    if ((entry[kind]?.confidence ?? -1) < match.confidence) entry[kind] = match;
    best.set(match.model.id, entry);
  };

  const byGtin = new Map(catalog.models.flatMap((model) => model.gtins.map((gtin) => [gtin, model] as const)));
  for (const barcode of barcodes) {
    const model = barcode.gtin14 ? byGtin.get(barcode.gtin14) : catalog.models.find((m) => squash(m.sku) === squash(barcode.text));
    if (model) offer('gtin', { model, confidence: 1, source: 'barcode', spans: [] });
  }

  for (const span of spans) {
    for (const model of catalog.models) {
      const quality = skuQuality(span.text, model.sku);
      if (quality > 0) offer('sku', { model, confidence: capWhenContested(scored(quality, span, 'model'), rivalNamesAnother(span, model, catalog)), source: 'ocr', spans: [span] });
    }
    // No rival check for GTIN digits: their check digit catches any one digit misread.
    const gtin = gtinIn(span);
    const model = gtin && byGtin.get(gtin.gtin14);
    if (model) offer('gtin', { model, confidence: scored(0.92 - 0.05 * gtin.corrections, span, 'model'), source: 'ocr', spans: [span] });
  }

  // A label that captions its model ("MODEL:") says which code is the model: others are likely parts or compatible models.
  const captioned = [...best.values()].some(({ sku }) => sku?.spans.some((span) => span.caption?.kind === 'model'));
  return [...best.values()]
    .map(({ sku: found, gtin }) => {
      const sku = found && captioned && !found.spans.some((span) => span.caption?.kind === 'model') ? { ...found, confidence: Math.max(0, found.confidence - uncaptionedDoubt) } : found;
      if (!sku || !gtin) return (sku ?? gtin) as ModelMatch;
      if (gtin.source === 'barcode') return { ...gtin, spans: sku.spans };
      // Two independent readings agreeing (printed SKU and printed GTIN) are surer than either.
      return { model: sku.model, confidence: Math.min(ocrCeiling, 1 - (1 - sku.confidence) * (1 - gtin.confidence)), source: 'ocr' as const, spans: [...sku.spans, ...gtin.spans] };
    })
    .sort((a, b) => b.confidence - a.confidence);
}

/**
 * Whether one of the span's close rival characters, read instead, would name another of the catalog's
 * models at least as well as `model` ("DW-550" with a 0 nearly read for the second 5 may be DW-500). A
 * rival that names no other model is no doubt: the catalog vouches for the reading.
 */
function rivalNamesAnother(span: Pick<Span, 'text' | 'rivals'>, model: LabelModel, catalog: LabelCatalog): boolean {
  return rivalReadings(span).some((reading) => {
    const own = skuQuality(reading, model.sku);
    return catalog.models.some((other) => {
      if (other.id === model.id) return false;
      const asOther = skuQuality(reading, other.sku);
      // Only a rival that brings the other model closer counts, and only if it then reads as well as this one.
      return asOther > skuQuality(span.text, other.sku) && asOther >= own;
    });
  });
}

/**
 * How well a span reads as a SKU, 0 (not at all) to 1 (exactly, ignoring spaces and dashes). Short
 * SKUs must match exactly: three characters turn up by chance on any label.
 */
export function skuQuality(read: string, sku: string): number {
  const code = squash(sku);
  if (code.length === 0) return 0;
  const text = squash(read);
  if (text === code) return 1;
  if (code.length < 4) return 0;
  const confusions = confusionsBetween(text, code);
  // Folding makes only close look-alikes equal, so even many O/0 and I/1 swaps leave the code recognisable.
  if (confusions !== null && confusions <= Math.ceil(code.length / 2)) return 0.95 - 0.03 * confusions;
  // A model number with a variant or market suffix ("WF45T6000AW/US"): the SKU, then a separator.
  const upper = read.toUpperCase();
  for (let at = 1; at < upper.length; at++) {
    if (!'/.-'.includes(upper[at] as string)) continue;
    const head = confusionsBetween(upper.slice(0, at), code);
    if (head !== null && head <= 1) return 0.85 - 0.05 * head;
  }
  // One character missing, extra or unrecognised in a long code: only ever a candidate to confirm.
  if (code.length >= 6 && Math.abs(text.length - code.length) <= 1 && editDistance(fold(text), fold(code)) === 1) return 0.55;
  return 0;
}

/** GTIN digits in a span: 8, 12, 13 or 14 digits (or "01" + 14) with a valid check digit. */
function gtinIn(span: Span): { gtin14: string; corrections: number } | null {
  const text = squash(span.text);
  if (text.length < 8 || text.length > 16) return null;
  const digitShare = [...text].filter((char) => /[0-9]/.test(char)).length / text.length;
  if (digitShare < 0.8) return null;
  const digits = [...text].map(asDigit);
  if (digits.some((digit) => digit === null)) return null;
  const corrections = [...text].filter((char) => !/[0-9]/.test(char)).length;
  let value = digits.join('');
  if (value.length === 16 && value.startsWith('01')) value = value.slice(2);
  const check = checkGtin(value);
  return check.valid ? { gtin14: check.gtin14, corrections } : null;
}

/**
 * A match's confidence from its quality, how sure OCR was of the words, and the caption it follows:
 * the right caption ("MODEL:") adds a little, the other field's caption ("S/N:") takes away.
 */
export function scored(quality: number, span: Span, field: 'model' | 'serial'): number {
  const captioned = span.caption?.kind === field ? (span.caption.where === 'before' ? 0.06 : 0.04) : span.caption ? -0.15 : 0;
  const value = quality * (0.55 + 0.45 * ocrTrust(span.confidence)) + captioned - (span.pieceCount - 1) * 0.03;
  return Math.max(0, Math.min(ocrCeiling, value));
}
