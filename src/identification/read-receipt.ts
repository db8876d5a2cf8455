import { cropBoxOf } from './images/boxes.ts';
import { ocrPage, surveyPhoto } from './images/ocr-image.ts';
import { type PreparedImage, isImageProblem, prepareImage } from './images/prepare-image.ts';
import { type CropBox, type ReadProblem, sureConfidence } from './label-types.ts';
import { type OcrPool, ocrPool } from './ocr-pool.ts';
import { unionOf } from './reading/ocr-text.ts';
import { type ReceiptFields, receiptFields } from './reading/receipt-fields.ts';
import { rowsOf } from './reading/rows.ts';

/** What OpenOX read on a photo of a receipt, each value to be confirmed by the owner. */
export interface ReceiptRead {
  readonly method: 'ocr' | 'none';
  /** 'YYYY-MM-DD', never in the future. */
  readonly purchaseDate: { readonly value: string; readonly confidence: number } | null;
  /** As spelled in the brand's retailer list. */
  readonly retailer: { readonly value: string; readonly confidence: number } | null;
  readonly amount: { readonly minor: number; readonly currency: string; readonly confidence: number } | null;
  /** Something is missing or unsure. */
  readonly needsConfirmation: boolean;
  readonly crop: CropBox | null;
  readonly durationMs: number;
  readonly problem: ReadProblem | null;
}

export interface ReceiptReadOptions {
  readonly pool?: OcrPool;
  /** 'YYYY-MM-DD'; default today (UTC). */
  readonly today?: string;
  /** The brand's countries, main one first: they settle 03/04/2026 and a bare '$'. */
  readonly countries?: readonly string[];
}

/** Reads the date of purchase, the retailer (one of `retailers`) and the amount paid off a receipt photo. */
export async function readReceiptPhoto(image: Buffer, retailers: readonly string[], options: ReceiptReadOptions = {}): Promise<ReceiptRead> {
  const started = performance.now();
  const prepared = await prepareImage(image);
  if (isImageProblem(prepared)) return nothingRead(started, 'unreadable');
  return readPreparedReceipt(prepared, retailers, options, started);
}

/** `readReceiptPhoto` for a photo already checked and prepared. */
export async function readPreparedReceipt(prepared: PreparedImage, retailers: readonly string[], options: ReceiptReadOptions = {}, started = performance.now()): Promise<ReceiptRead> {
  const hints = { today: options.today ?? new Date().toISOString().slice(0, 10), ...(options.countries ? { countries: options.countries } : {}) };
  const pool = options.pool ?? ocrPool();
  const survey = await surveyPhoto(prepared.stored);
  if (!survey.hasPrint) return nothingRead(started, 'no_label');
  let best: ReceiptFields | null = null;
  for (const turn of [0, 90, 270] as const) {
    const page = await ocrPage(survey, turn);
    // An image OCR failed on (it took too long, its worker broke) reads as no text.
    const read = await pool.recognize(page.png).catch(() => ({ lines: [], confidence: 0 }));
    if (read === 'busy') {
      if (best) break;
      return nothingRead(started, 'busy');
    }
    // Rows are found on the straightened page, where they are level.
    const lines = rowsOf(read.lines).map((line) => ({ words: line.words.map((word) => ({ ...word, bbox: page.toStored(word.bbox) })) }));
    const fields = receiptFields(lines, retailers, hints);
    if (!best || count(fields) > count(best)) best = fields;
    if (count(fields) > 0) break;
  }
  const fields = best;
  if (!fields || count(fields) === 0) return nothingRead(started, 'unreadable');
  const values = [fields.purchaseDate, fields.retailer, fields.amount];
  return {
    method: 'ocr',
    purchaseDate: fields.purchaseDate,
    retailer: fields.retailer,
    amount: fields.amount,
    needsConfirmation: values.some((value) => !value || value.confidence < sureConfidence),
    crop: cropBoxOf(unionOf(fields.evidence)),
    durationMs: Math.round(performance.now() - started),
    problem: null,
  };
}

function count(fields: ReceiptFields): number {
  return [fields.purchaseDate, fields.retailer, fields.amount].filter(Boolean).length;
}

function nothingRead(started: number, problem: ReadProblem): ReceiptRead {
  return { method: 'none', purchaseDate: null, retailer: null, amount: null, needsConfirmation: true, crop: null, durationMs: Math.round(performance.now() - started), problem };
}
