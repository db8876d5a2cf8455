import { z } from 'zod';
import { type Actor, systemActor } from '../access/principal.ts';
import { normaliseSerial } from '../catalog/serial-mask.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { fileUrl, storeFile } from '../platform/files/files.ts';
import type { PreparedImage } from './images/prepare-image.ts';
import type { CropBox, LabelRead } from './label-types.ts';
import type { ReceiptRead } from './read-receipt.ts';
import type { PhotoReadKind } from './tables.ts';

export type { PhotoReadKind } from './tables.ts';

export type PhotoReadInput =
  | { readonly kind: 'label'; readonly read: LabelRead; readonly image?: PreparedImage | null; readonly fileId?: string | null }
  | { readonly kind: 'receipt'; readonly read: ReceiptRead; readonly image?: PreparedImage | null; readonly fileId?: string | null };

/**
 * Records what was read off a photo and returns the read's id. The photo is kept (the prepared copy:
 * upright, no metadata) only when something was read from it, as a proof file of the brand; pass
 * `fileId` when the photo is already stored (a receipt kept as the proof of purchase).
 */
export async function recordPhotoRead(scope: BrandScope, input: PhotoReadInput, actor: Actor = systemActor): Promise<string> {
  let fileId = input.fileId ?? null;
  if (!fileId && input.image && input.read.problem === null) {
    const stored = await storeFile(scope, actor, { purpose: 'proof', originalName: `${input.kind}-photo.jpg`, declaredType: 'image/jpeg', content: input.image.stored });
    fileId = stored.id;
  }
  const row = await scope.db
    .insertInto('photo_reads')
    .values({
      brand_id: scope.brandId,
      kind: input.kind,
      file_id: fileId,
      method: input.read.method,
      read: JSON.stringify(input.read),
      needs_confirmation: input.read.needsConfirmation,
      problem: input.read.problem,
      duration_ms: Math.max(0, Math.round(input.read.durationMs)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What the owner registered; fields left out are not compared. */
export interface PhotoReadConfirmation {
  readonly ownershipId?: string;
  readonly modelId?: string | null;
  readonly serial?: string | null;
  readonly purchaseDate?: string | null;
  readonly retailer?: string | null;
  readonly amount?: { readonly minor: number; readonly currency: string } | null;
}

/**
 * Links a read to the ownership it ended in and compares what was proposed with what the owner
 * registered: `corrected` when the owner changed a value OpenOX had proposed (filling in a value
 * OpenOX left empty is not a correction). Null when there is no such read.
 */
export async function confirmPhotoRead(
  scope: BrandScope,
  photoReadId: string,
  confirmed: PhotoReadConfirmation,
  ownershipId: string | null = confirmed.ownershipId ?? null,
): Promise<{ readonly corrected: boolean; readonly correctedFields: readonly string[] } | null> {
  if (!z.uuid().safeParse(photoReadId).success) return null;
  const row = await scope.db.selectFrom('photo_reads').select(['kind', 'read']).where('id', '=', photoReadId).executeTakeFirst();
  if (!row) return null;
  const correctedFields = row.kind === 'label' ? labelCorrections(row.read as LabelRead, confirmed) : receiptCorrections(row.read as ReceiptRead, confirmed);
  const { ownershipId: _, ...values } = confirmed;
  await scope.db
    .updateTable('photo_reads')
    .set({ confirmed: JSON.stringify(values), corrected: correctedFields.length > 0, corrected_fields: correctedFields, ownership_id: ownershipId, confirmed_at: new Date() })
    .where('id', '=', photoReadId)
    .execute();
  return { corrected: correctedFields.length > 0, correctedFields };
}

function labelCorrections(read: LabelRead, confirmed: PhotoReadConfirmation): string[] {
  const fields: string[] = [];
  if (read.model && confirmed.modelId !== undefined && confirmed.modelId !== read.model.modelId) fields.push('model');
  if (read.serial && confirmed.serial !== undefined && normaliseSerial(confirmed.serial ?? '') !== read.serial.value) fields.push('serial');
  return fields;
}

function receiptCorrections(read: ReceiptRead, confirmed: PhotoReadConfirmation): string[] {
  const fields: string[] = [];
  if (read.purchaseDate && confirmed.purchaseDate !== undefined && confirmed.purchaseDate !== read.purchaseDate.value) fields.push('purchaseDate');
  if (read.retailer && confirmed.retailer !== undefined && (confirmed.retailer ?? '').trim().toLowerCase() !== read.retailer.value.toLowerCase()) fields.push('retailer');
  if (read.amount && confirmed.amount !== undefined && (confirmed.amount?.minor !== read.amount.minor || confirmed.amount.currency !== read.amount.currency)) fields.push('amount');
  return fields;
}

/** A read's stored photo and where on it the values were, if the read is recent enough to show. */
export async function photoReadImage(scope: BrandScope, photoReadId: string, options: { readonly since?: Date } = {}): Promise<{ readonly stored: Buffer; readonly crop: CropBox | null; readonly kind: PhotoReadKind } | null> {
  if (!z.uuid().safeParse(photoReadId).success) return null;
  const row = await scope.db
    .selectFrom('photo_reads as r')
    .innerJoin('files as f', 'f.id', 'r.file_id')
    .select(['r.kind', 'r.read', 'f.content'])
    .where('r.id', '=', photoReadId)
    .$if(options.since !== undefined, (query) => query.where('r.created_at', '>=', options.since as Date))
    .executeTakeFirst();
  if (!row) return null;
  return { stored: row.content, crop: (row.read as { crop?: CropBox | null }).crop ?? null, kind: row.kind };
}

export const photoReadView = z.object({
  id: z.uuid(),
  kind: z.enum(['label', 'receipt']),
  method: z.enum(['barcode', 'ocr', 'none']),
  read: z.record(z.string(), z.unknown()).describe('What was read: label {model, serial, manufacturedOn, candidates, crop, …} or receipt {purchaseDate, retailer, amount, crop, …}'),
  confirmed: z.record(z.string(), z.unknown()).nullable().describe('What the owner registered, null until then'),
  corrected: z.boolean().nullable(),
  correctedFields: z.array(z.string()),
  needsConfirmation: z.boolean(),
  problem: z.enum(['no_label', 'unreadable', 'busy']).nullable(),
  durationMs: z.number(),
  photoUrl: z.string().nullable().describe("The stored photo (files API, staff only)"),
  ownershipId: z.uuid().nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
}).meta({ id: 'PhotoRead' });
export type PhotoReadView = z.output<typeof photoReadView>;

/** The photo reads that ended in an ownership, oldest first: what was read versus what the owner registered. */
export async function photoReadsOf(scope: BrandScope, ownershipId: string): Promise<PhotoReadView[]> {
  const rows = await scope.db.selectFrom('photo_reads').selectAll().where('ownership_id', '=', ownershipId).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    method: row.method,
    read: row.read as Record<string, unknown>,
    confirmed: (row.confirmed as Record<string, unknown> | null) ?? null,
    corrected: row.corrected,
    correctedFields: row.corrected_fields ?? [],
    needsConfirmation: row.needs_confirmation,
    problem: row.problem,
    durationMs: row.duration_ms,
    photoUrl: row.file_id ? fileUrl(row.file_id) : null,
    ownershipId: row.ownership_id,
    createdAt: row.created_at.toISOString(),
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
  }));
}
