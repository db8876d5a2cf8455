import { systemActor } from '../../access/principal.ts';
import type { Db } from '../../platform/database/database.ts';
import { type BrandId, inBrand } from '../../platform/database/tenancy.ts';
import { storeFile } from '../../platform/files/files.ts';
import { ApiError } from '../../platform/http/errors.ts';
import type { SubmittedFile } from '../../registration/pages/read-form.ts';
import type { FieldProblem } from '../../registration/registration-form.ts';
import { latestToday } from '../../registration/registration-form.ts';
import { identifyReceipt } from '../identify-photo.ts';
import { isImageProblem, prepareImage } from '../images/prepare-image.ts';
import type { ReceiptReadView } from './photo-read-view.ts';
import { receiptFieldValues, receiptReadView } from './receipt-view.ts';

export interface ReceiptRoundTrip {
  readonly values: Record<string, string>;
  /** The receipt as stored: the ownership's proof of purchase once the form is sent. */
  readonly proof: { readonly id: string; readonly name: string } | null;
  readonly proofProblem: FieldProblem | null;
  readonly view: ReceiptReadView;
}

type Kept = { readonly id: string; readonly name: string } | null;

/**
 * Keeps the receipt sent with the form as the proof of purchase, as the form itself would, and when
 * asked reads a photo of it (date, store, amount), filling the date and the store for the owner to
 * check. The photo read is kept as the reader stored it (upright, no metadata); a receipt not read (a
 * PDF, or one the reader could not use) is kept too, a photo of it without its metadata.
 */
export async function readReceiptForForm(
  db: Db,
  brandId: BrandId,
  values: Readonly<Record<string, string>>,
  receipt: SubmittedFile | null,
  context: { retailers: readonly string[]; language: string; keptProof: Kept; read: boolean },
): Promise<ReceiptRoundTrip> {
  const unread = (problem: ReceiptReadView['problem'], proof: Kept, proofProblem: FieldProblem | null = null): ReceiptRoundTrip => ({
    values: { ...values },
    proof,
    proofProblem,
    view: { readId: null, problem, purchaseDate: null, retailer: null, amount: null },
  });
  if (!receipt) return unread('no_photo', context.keptProof);
  if (receipt.tooLarge) return unread('too_large', context.keptProof, { key: 'errors.proof_too_large' });

  const outcome = context.read ? await identifyReceipt(db, brandId, receipt.content) : null;
  if (outcome?.ok && outcome.fileId) {
    return {
      values: { ...values, ...receiptFieldValues(outcome.read, context.retailers, latestToday()), receipt_read_id: outcome.photoReadId },
      proof: { id: outcome.fileId, name: receipt.name },
      proofProblem: null,
      view: receiptReadView(outcome.read, outcome.photoReadId, context.language),
    };
  }
  const kept = await keepAsProof(db, brandId, receipt);
  if ('problem' in kept) return unread(null, context.keptProof, kept.problem);
  // A PDF is no photo to read, but a fine proof: nothing read is said, not that the file is wrong.
  const problem = !outcome || outcome.ok || outcome.problem === 'not_an_image' ? null : outcome.problem;
  return unread(problem, kept);
}

async function keepAsProof(db: Db, brandId: BrandId, receipt: SubmittedFile): Promise<{ id: string; name: string } | { problem: FieldProblem }> {
  const prepared = await prepareImage(receipt.content);
  const content = isImageProblem(prepared) ? receipt.content : prepared.stored;
  try {
    const stored = await inBrand(db, brandId, (scope) => storeFile(scope, systemActor, { purpose: 'proof', originalName: receipt.name, declaredType: 'application/octet-stream', content }));
    return { id: stored.id, name: stored.originalName };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const detected = (error.details as { detected?: string } | null)?.detected ?? 'unknown';
    return { problem: error.code === 'payload_too_large' ? { key: 'errors.proof_too_large' } : { key: 'errors.proof_type', values: { detected } } };
  }
}
