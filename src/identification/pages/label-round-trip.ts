import { z } from 'zod';
import type { Db } from '../../platform/database/database.ts';
import { type BrandId, type BrandScope, inBrand } from '../../platform/database/tenancy.ts';
import type { SubmittedFile } from '../../registration/pages/read-form.ts';
import { photoReadCropPath } from '../identification.routes.ts';
import { identifyLabel } from '../identify-photo.ts';
import { type LabelReadView, type PhotoReadsView, labelReadView } from './photo-read-view.ts';

/** The registration form after a label photo: its fields with what was read, and what to show of the read. */
export interface LabelRoundTrip {
  readonly values: Record<string, string>;
  /** The model the form is now for; null when the owner must choose it. */
  readonly modelId: string | null;
  readonly view: LabelReadView;
}

/**
 * Reads the label photo sent with the form, as the page's script would have (the same checks, the same
 * reader, the same record for the brand's figures), and fills what it is sure of.
 */
export async function readLabelForForm(db: Db, brand: { id: BrandId; slug: string }, values: Readonly<Record<string, string>>, photo: SubmittedFile | null): Promise<LabelRoundTrip> {
  const formModelId = z.uuid().safeParse(values.model_id).data ?? null;
  const failed = (problem: LabelReadView['problem']): LabelRoundTrip => ({ values: { ...values }, modelId: formModelId, view: { ...emptyView, problem } });
  if (!photo) return failed('no_photo');
  if (photo.tooLarge) return failed('too_large');
  const outcome = await identifyLabel(db, brand.id, photo.content);
  if (!outcome.ok) return failed(outcome.problem);

  const readId = outcome.photoReadId;
  const names = await inBrand(db, brand.id, (scope) => modelNames(scope, [outcome.read.model, ...outcome.read.candidates.models].flatMap((proposal) => (proposal?.modelId ? [proposal.modelId] : []))));
  const view = labelReadView(outcome.read, names, formModelId, { readId, cropUrl: photoReadCropPath(brand.slug, readId) });
  const filled: Record<string, string> = { ...values, photo_read_id: readId };
  const modelId = view.model?.id ?? formModelId;
  if (modelId) filled.model_id = modelId;
  if (view.serial) Object.assign(filled, { serial: view.serial, identified_by: 'photo' });
  // A different product than the form was for: what was typed about the old one no longer holds.
  if (view.switchedModel) for (const name of ['lot', 'variant', 'production_date']) delete filled[name];
  return { values: filled, modelId, view };
}

/** The owner chose one of the serials offered: it goes in the field, still to be checked. */
export function pickedSerial(values: Readonly<Record<string, string>>, serial: string, slug: string): LabelRoundTrip {
  const readId = z.uuid().safeParse(values.photo_read_id).data ?? null;
  return {
    values: { ...values, serial, identified_by: readId ? 'photo' : 'typed' },
    modelId: z.uuid().safeParse(values.model_id).data ?? null,
    view: { ...emptyView, readId, serial, cropUrl: readId ? photoReadCropPath(slug, readId) : null },
  };
}

/**
 * What the form shows of an earlier label read when it comes back for another reason (a receipt read,
 * a model chosen): the crop, and the serial if it still is the one read.
 */
export function carriedLabelView(values: Readonly<Record<string, string>>, slug: string): LabelReadView | null {
  const readId = z.uuid().safeParse(values.photo_read_id).data;
  if (!readId) return null;
  return { ...emptyView, readId, serial: values.identified_by === 'photo' ? (values.serial ?? null) : null, cropUrl: photoReadCropPath(slug, readId) };
}

/** The photo reads a form opened with (a page that read a label for another product sends the owner here). */
export function photoReadsCarried(values: Readonly<Record<string, string>>, slug: string): PhotoReadsView | undefined {
  const label = carriedLabelView(values, slug);
  return label ? { label, receipt: null } : undefined;
}

const emptyView: LabelReadView = { readId: null, problem: null, model: null, serial: null, manufacturedOn: null, serialChoices: [], modelChoices: [], cropUrl: null, switchedModel: false };

/** The names of the models read, as the owner knows them. */
async function modelNames(scope: BrandScope, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await scope.db.selectFrom('models').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
