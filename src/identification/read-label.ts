import { decodeBarcodes, type DecodedBarcode } from './barcodes.ts';
import { type PreparedImage, isImageProblem, prepareImage, readingCopy } from './images/prepare-image.ts';
import { type Turn, cropBoxOf, scaledBox, turnedBack } from './images/boxes.ts';
import type { CropBox, LabelCatalog, LabelRead, ReadProblem } from './label-types.ts';
import { type OcrPage, type OcrPool, ocrPool } from './ocr-pool.ts';
import { type LabelFields, labelFields } from './reading/label-fields.ts';
import { type Bbox, type OcrLine, unionOf } from './reading/ocr-text.ts';

export type { CropBox, LabelCatalog, LabelModel, LabelRead, Proposal, ReadProblem } from './label-types.ts';

export interface ReadOptions {
  /** The OCR pool to use (default: the process's shared pool). */
  readonly pool?: OcrPool;
  /** 'YYYY-MM-DD'; serials dated after it are doubted. Default: today (UTC). */
  readonly today?: string;
}

/**
 * Reads the model and serial off a photo of a rating label: barcodes first (a decoded GS1 code is
 * exact), then OCR of the label's text matched against the brand's catalog, turning the photo a
 * quarter at a time when its text cannot be read upright.
 */
export async function readLabelPhoto(image: Buffer, catalog: LabelCatalog, options: ReadOptions = {}): Promise<LabelRead> {
  const started = performance.now();
  const prepared = await prepareImage(image);
  if (isImageProblem(prepared)) return nothingRead(started, 'unreadable');
  return readPreparedLabel(prepared, catalog, options, started);
}

/** `readLabelPhoto` for a photo already checked and prepared (the upload endpoint stores the same copy it reads). */
export async function readPreparedLabel(prepared: PreparedImage, catalog: LabelCatalog, options: ReadOptions = {}, started = performance.now()): Promise<LabelRead> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const pool = options.pool ?? ocrPool();
  const barcodes = await barcodesOn(prepared);
  const fromCodes = labelFields({ lines: [], barcodes }, catalog, today);
  const codeBoxes = barcodes.map((barcode) => barcode.box);
  if (!fromCodes.needsConfirmation) return finish(started, fromCodes, codeBoxes, 'barcode', null);

  let best: { fields: LabelFields; words: number } | null = null;
  for (const turn of [0, 90, 270, 180] as const) {
    const page = await pool.recognize(turn === 0 ? prepared.reading : await readingCopy(prepared.stored, prepared.readingScale, turn));
    if (page === 'busy') {
      if (best || barcodes.length > 0) break;
      return nothingRead(started, 'busy');
    }
    const lines = inStoredPixels(page, prepared, turn);
    const fields = labelFields({ lines, barcodes }, catalog, today);
    const words = lines.reduce((count, line) => count + line.words.length, 0);
    if (!best || weight(fields) > weight(best.fields)) best = { fields, words };
    if (found(fields) || (turn === 0 && legible(page))) break;
  }

  const fields = best?.fields ?? fromCodes;
  if (!found(fields)) return nothingRead(started, barcodes.length > 0 || (best?.words ?? 0) >= 3 ? 'unreadable' : 'no_label');
  const method = [fields.model, fields.serial, ...fields.candidates.models, ...fields.candidates.serials].some((p) => p?.source === 'barcode') ? 'barcode' : 'ocr';
  return finish(started, fields, codeBoxes, method, null);
}

async function barcodesOn(prepared: PreparedImage): Promise<DecodedBarcode[]> {
  const found = await decodeBarcodes(prepared.stored);
  if (found.length > 0) return found;
  // The contrast-stretched copy rescues codes in dim or washed-out photos.
  const scale = prepared.readingScale;
  return (await decodeBarcodes(prepared.reading)).map((barcode) => ({ ...barcode, box: scaledBox(barcode.box, 1 / scale) }));
}

/** OCR's words moved from the (scaled, perhaps turned) reading copy onto the stored image. */
function inStoredPixels(page: OcrPage, prepared: PreparedImage, turn: Turn): OcrLine[] {
  const size = { width: prepared.width, height: prepared.height };
  return page.lines.map((line) => ({
    words: line.words.map((word) => ({ ...word, bbox: turnedBack(scaledBox(word.bbox, 1 / prepared.readingScale), turn, size) })),
  }));
}

/** Text tesseract read with confidence: the photo is upright, so turning it would not help. */
function legible(page: OcrPage): boolean {
  return page.lines.flatMap((line) => line.words).filter((word) => word.confidence >= 70 && word.text.length >= 3).length >= 4;
}

function found(fields: LabelFields): boolean {
  return fields.candidates.models.length > 0 || fields.candidates.serials.length > 0;
}

function weight(fields: LabelFields): number {
  return (fields.candidates.models[0]?.confidence ?? 0) + (fields.candidates.serials[0]?.confidence ?? 0);
}

function finish(started: number, fields: LabelFields, codeBoxes: readonly Bbox[], method: LabelRead['method'], problem: ReadProblem | null): LabelRead {
  const usedCodes = method === 'barcode' ? codeBoxes : [];
  return {
    method,
    model: fields.model,
    serial: fields.serial,
    manufacturedOn: fields.manufacturedOn,
    needsConfirmation: fields.needsConfirmation,
    candidates: fields.candidates,
    crop: cropBoxOf(unionOf([...fields.evidence, ...usedCodes])),
    durationMs: Math.round(performance.now() - started),
    problem,
  };
}

function nothingRead(started: number, problem: ReadProblem): LabelRead {
  return { method: 'none', model: null, serial: null, manufacturedOn: null, needsConfirmation: true, candidates: { models: [], serials: [] }, crop: null, durationMs: Math.round(performance.now() - started), problem };
}
