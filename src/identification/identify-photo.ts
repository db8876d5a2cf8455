import type { Db } from '../platform/database/database.ts';
import { type BrandId, inBrand } from '../platform/database/tenancy.ts';
import { registrationSettingsOf } from '../registration/settings.ts';
import { type ImageProblem, isImageProblem, prepareImage } from './images/prepare-image.ts';
import { labelCatalogOf } from './label-catalog.ts';
import type { LabelRead, ReadProblem } from './label-types.ts';
import { type PhotoReadInput, recordPhotoRead } from './photo-reads.ts';
import { readPreparedLabel } from './read-label.ts';
import { type ReceiptRead, readPreparedReceipt } from './read-receipt.ts';

export type IdentifyProblem = ImageProblem['problem'] | ReadProblem;

export type Identified<R> =
  | { readonly ok: true; readonly photoReadId: string; readonly read: R; readonly fileId: string | null }
  | { readonly ok: false; readonly problem: IdentifyProblem; readonly read: R | null };

/**
 * Reads an owner's photo of a rating label for the brand and records the read. OCR runs outside any
 * transaction (it takes up to a second or two, in the bounded pool). Nothing is stored for a file that
 * is no photo, a photo without a label, or when the pool is busy; a label that could not be read is
 * counted (without its photo) so the brand sees how legible its labels are.
 */
export async function identifyLabel(db: Db, brandId: BrandId, bytes: Buffer): Promise<Identified<LabelRead>> {
  const prepared = await prepareImage(bytes);
  if (isImageProblem(prepared)) return { ok: false, problem: prepared.problem, read: null };
  const catalog = await inBrand(db, brandId, labelCatalogOf);
  const read = await readPreparedLabel(prepared, catalog);
  return recorded(db, brandId, { kind: 'label', read, image: prepared });
}

/** Reads an owner's photo of a receipt (date of purchase, retailer from the brand's list, amount) and records it. */
export async function identifyReceipt(db: Db, brandId: BrandId, bytes: Buffer): Promise<Identified<ReceiptRead>> {
  const prepared = await prepareImage(bytes);
  if (isImageProblem(prepared)) return { ok: false, problem: prepared.problem, read: null };
  const settings = await inBrand(db, brandId, registrationSettingsOf);
  const read = await readPreparedReceipt(prepared, settings.retailers, { countries: settings.countries });
  return recorded(db, brandId, { kind: 'receipt', read, image: prepared });
}

async function recorded<R extends LabelRead | ReceiptRead>(db: Db, brandId: BrandId, input: PhotoReadInput): Promise<Identified<R>> {
  const { problem } = input.read;
  if (problem === 'no_label' || problem === 'busy') return { ok: false, problem, read: input.read as R };
  const stored = await inBrand(db, brandId, async (scope) => {
    const id = await recordPhotoRead(scope, input);
    const row = await scope.db.selectFrom('photo_reads').select('file_id').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, fileId: row.file_id };
  });
  if (problem) return { ok: false, problem, read: input.read as R };
  return { ok: true, photoReadId: stored.id, read: input.read as R, fileId: stored.fileId };
}
