import { decodeBarcodes, type DecodedBarcode } from './barcodes.ts';
import { cropBoxOf, scaledBox } from './images/boxes.ts';
import { ocrPage, surveyPhoto } from './images/ocr-image.ts';
import { type PreparedImage, isImageProblem, prepareImage } from './images/prepare-image.ts';
import type { CropBox, LabelCatalog, LabelRead, ReadProblem } from './label-types.ts';
import { type OcrPage, type OcrPool, ocrPool } from './ocr-pool.ts';
import { type LabelFields, labelFields } from './reading/label-fields.ts';
import { type Bbox, type OcrLine, unionOf } from './reading/ocr-text.ts';
import { rowsOf } from './reading/rows.ts';

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
// A reading should take under 2 s on two cores; one OCR pass of a hard photo takes up to ~0.8 s.
const turnBudgetMs = 1200;

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
  if (!fromCodes.needsConfirmation) return finish(started, fromCodes, codeBoxes, 'barcode');

  const survey = await surveyPhoto(prepared.stored);
  // No print anywhere (a wall, a blur of nothing): no label, and nothing for OCR to do.
  if (!survey.hasPrint && barcodes.length === 0) return nothingRead(started, 'no_label');
  let best: LabelFields | null = null;
  for (const turn of [0, 90, 270, 180] as const) {
    // Another turn costs as much again: past the budget the owner is better asked to retake the photo.
    if (turn !== 0 && performance.now() - started > turnBudgetMs) break;
    const page = await ocrPage(survey, turn);
    // An image OCR failed on (it took too long, its worker broke) reads as no text.
    const read = await pool.recognize(page.png).catch(() => ({ lines: [], confidence: 0 }));
    if (read === 'busy') {
      if (best || barcodes.length > 0) break;
      return nothingRead(started, 'busy');
    }
    const lines = inStoredPixels(read, page.toStored);
    const fields = labelFields({ lines, barcodes }, catalog, today);
    if (!best || weight(fields) > weight(best)) best = fields;
    if (found(fields) || (turn === 0 && legible(read))) break;
  }

  const fields = best ?? fromCodes;
  // There is print on the photo, but nothing of the brand's could be made out in it.
  if (!found(fields)) return nothingRead(started, 'unreadable');
  const method = [fields.model, fields.serial, ...fields.candidates.models, ...fields.candidates.serials].some((p) => p?.source === 'barcode') ? 'barcode' : 'ocr';
  return finish(started, fields, codeBoxes, method);
}

async function barcodesOn(prepared: PreparedImage): Promise<DecodedBarcode[]> {
  const found = await decodeBarcodes(prepared.stored);
  if (found.length > 0) return found;
  // The contrast-stretched copy rescues codes in dim or washed-out photos.
  const scale = prepared.readingScale;
  return (await decodeBarcodes(prepared.reading)).map((barcode) => ({ ...barcode, box: scaledBox(barcode.box, 1 / scale) }));
}

/** OCR's words moved from the page OCR read onto the stored image, in the rows they are printed on. */
function inStoredPixels(page: OcrPage, toStored: (box: Bbox) => Bbox): OcrLine[] {
  // Rows are found on the straightened page, where they are level.
  return rowsOf(page.lines).map((line) => ({ words: line.words.map((word) => ({ ...word, bbox: toStored(word.bbox) })) }));
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

function finish(started: number, fields: LabelFields, codeBoxes: readonly Bbox[], method: LabelRead['method']): LabelRead {
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
    problem: null,
  };
}

function nothingRead(started: number, problem: ReadProblem): LabelRead {
  return { method: 'none', model: null, serial: null, manufacturedOn: null, needsConfirmation: true, candidates: { models: [], serials: [] }, crop: null, durationMs: Math.round(performance.now() - started), problem };
}
