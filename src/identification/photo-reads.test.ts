import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, makeBrand, testDatabase } from '../../test/harness.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import { isImageProblem, prepareImage } from './images/prepare-image.ts';
import { renderDrawing } from './label-fixtures.ts';
import type { LabelRead } from './label-types.ts';
import { photoReadAccuracy } from './photo-read-accuracy.ts';
import { confirmPhotoRead, photoReadImage, photoReadsOf, recordPhotoRead } from './photo-reads.ts';
import type { ReceiptRead } from './read-receipt.ts';

const { db } = testDatabase();
let brand: TestBrand;
let modelId: string;
let otherModelId: string;

beforeAll(async () => {
  brand = await makeBrand(db, 'Photo Reads');
  [modelId, otherModelId] = await inBrand(db, brand.brandId, async (scope) => {
    const model = (sku: string) => ({ brand_id: scope.brandId, name: sku, sku, category: 'washers', warranty_parts_months: 12, warranty_labour_months: 12, warranty_starts_at: 'purchase' as const, proof_required: 'none' as const });
    const rows = await scope.db.insertInto('models').values([model('WM-3000X'), model('WM-3000')]).returning('id').execute();
    return rows.map((row) => row.id) as [string, string];
  });
});
afterAll(async () => {
  await db.destroy();
});

const labelRead = (overrides: Partial<LabelRead> = {}): LabelRead => ({
  method: 'ocr',
  model: { value: 'WM-3000X', modelId, confidence: 0.93, source: 'ocr' },
  serial: { value: 'AB12345678', modelId, confidence: 0.9, source: 'ocr' },
  manufacturedOn: null,
  needsConfirmation: false,
  candidates: { models: [], serials: [] },
  crop: { left: 10, top: 20, width: 300, height: 80 },
  durationMs: 412,
  problem: null,
  ...overrides,
});

async function preparedPhoto() {
  const prepared = await prepareImage(await renderDrawing({ lines: ['MODEL WM-3000X'], exif: { IFD0: { Make: 'PhonyPhone' } } }));
  if (isImageProblem(prepared)) throw new Error(prepared.problem);
  return prepared;
}

async function newOwnership(scope: BrandScope, email: string): Promise<string> {
  const owner = await scope.db.insertInto('owners').values({ brand_id: scope.brandId, name: 'Ana', email }).returning('id').executeTakeFirstOrThrow();
  const ownership = await scope.db.insertInto('ownerships').values({ brand_id: scope.brandId, owner_id: owner.id, model_id: modelId, serial: null, source: 'web', identified_by: 'photo' }).returning('id').executeTakeFirstOrThrow();
  return ownership.id;
}

describe('photo reads', () => {
  it('keeps the prepared photo, without metadata, as a proof file of the brand', async () => {
    const prepared = await preparedPhoto();
    const id = await inBrand(db, brand.brandId, (scope) => recordPhotoRead(scope, { kind: 'label', read: labelRead(), image: prepared }));
    const image = await inBrand(db, brand.brandId, (scope) => photoReadImage(scope, id));
    expect(image?.crop).toEqual({ left: 10, top: 20, width: 300, height: 80 });
    const metadata = await sharp(image?.stored).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    const file = await inBrand(db, brand.brandId, (scope) => scope.db.selectFrom('photo_reads as r').innerJoin('files as f', 'f.id', 'r.file_id').select(['f.purpose', 'f.content_type']).where('r.id', '=', id).executeTakeFirstOrThrow());
    expect(file).toEqual({ purpose: 'proof', content_type: 'image/jpeg' });
  });

  it('keeps no photo of a read that found nothing', async () => {
    const id = await inBrand(db, brand.brandId, (scope) => recordPhotoRead(scope, { kind: 'label', read: labelRead({ method: 'none', model: null, serial: null, problem: 'unreadable', needsConfirmation: true }), image: null }));
    const row = await inBrand(db, brand.brandId, (scope) => scope.db.selectFrom('photo_reads').select(['file_id', 'problem']).where('id', '=', id).executeTakeFirstOrThrow());
    expect(row).toEqual({ file_id: null, problem: 'unreadable' });
  });

  it.each([
    ['the values as read', { modelId: 'same', serial: 'ab 1234 5678' }, false, []],
    ['a corrected serial', { modelId: 'same', serial: 'AB12345679' }, true, ['serial']],
    ['another model', { modelId: 'other', serial: 'AB12345678' }, true, ['model']],
  ] as const)('compares what the owner registered with what was read: %s', async (_case, confirmed, corrected, fields) => {
    const values = { modelId: confirmed.modelId === 'same' ? modelId : otherModelId, serial: confirmed.serial };
    const result = await inBrand(db, brand.brandId, async (scope) => {
      const id = await recordPhotoRead(scope, { kind: 'label', read: labelRead() });
      const ownershipId = await newOwnership(scope, `compare-${fields.join('-') || 'none'}@example.test`);
      return { outcome: await confirmPhotoRead(scope, id, { ownershipId, ...values }), ownershipId };
    });
    expect(result.outcome).toEqual({ corrected, correctedFields: fields });
    const [view] = await inBrand(db, brand.brandId, (scope) => photoReadsOf(scope, result.ownershipId));
    expect(view).toMatchObject({ corrected, correctedFields: fields, ownershipId: result.ownershipId, confirmed: values });
  });

  it('does not count filling in a value it left empty as a correction', async () => {
    const outcome = await inBrand(db, brand.brandId, async (scope) => {
      const id = await recordPhotoRead(scope, { kind: 'label', read: labelRead({ serial: null, needsConfirmation: true }) });
      return confirmPhotoRead(scope, id, { modelId, serial: 'ZZ00000001' }, await newOwnership(scope, 'fill@example.test'));
    });
    expect(outcome).toEqual({ corrected: false, correctedFields: [] });
  });

  it('compares a receipt field by field', async () => {
    const receipt: ReceiptRead = {
      method: 'ocr',
      purchaseDate: { value: '2026-03-15', confidence: 0.9 },
      retailer: { value: 'Home Depot', confidence: 0.9 },
      amount: { minor: 49999, currency: 'USD', confidence: 0.8 },
      needsConfirmation: false,
      crop: null,
      durationMs: 300,
      problem: null,
    };
    const outcome = await inBrand(db, brand.brandId, async (scope) => {
      const id = await recordPhotoRead(scope, { kind: 'receipt', read: receipt });
      return confirmPhotoRead(scope, id, { purchaseDate: '2026-03-14', retailer: 'home depot' }, await newOwnership(scope, 'receipt@example.test'));
    });
    expect(outcome).toEqual({ corrected: true, correctedFields: ['purchaseDate'] });
  });

  it('answers null for a read that does not exist', async () => {
    expect(await inBrand(db, brand.brandId, (scope) => confirmPhotoRead(scope, '01900000-0000-7000-8000-000000000000', { modelId }))).toBeNull();
  });

  it('deletes the photo with the ownership it ended in', async () => {
    const prepared = await preparedPhoto();
    const { fileId, ownershipId } = await inBrand(db, brand.brandId, async (scope) => {
      const id = await recordPhotoRead(scope, { kind: 'label', read: labelRead(), image: prepared });
      const ownershipId = await newOwnership(scope, 'erase@example.test');
      await confirmPhotoRead(scope, id, { modelId }, ownershipId);
      const row = await scope.db.selectFrom('photo_reads').select('file_id').where('id', '=', id).executeTakeFirstOrThrow();
      return { fileId: row.file_id as string, ownershipId };
    });
    await inBrand(db, brand.brandId, (scope) => scope.db.deleteFrom('ownerships').where('id', '=', ownershipId).execute());
    const left = await inBrand(db, brand.brandId, async (scope) => ({
      reads: await scope.db.selectFrom('photo_reads').select('id').where('ownership_id', '=', ownershipId).execute(),
      files: await scope.db.selectFrom('files').select('id').where('id', '=', fileId).execute(),
    }));
    expect(left).toEqual({ reads: [], files: [] });
  });
});

describe('photo-read accuracy over time', () => {
  it('counts reads, questions and corrections per week, empty weeks included', async () => {
    const own = await makeBrand(db, 'Accuracy');
    await inBrand(db, own.brandId, async (scope) => {
      const model = await scope.db.insertInto('models').values({ brand_id: scope.brandId, name: 'W', sku: 'W-1', category: 'washers', warranty_parts_months: 12, warranty_labour_months: 12, warranty_starts_at: 'purchase', proof_required: 'none' }).returning('id').executeTakeFirstOrThrow();
      const owner = await scope.db.insertInto('owners').values({ brand_id: scope.brandId, name: 'Bo', email: 'bo@example.test' }).returning('id').executeTakeFirstOrThrow();
      const read = (at: string, values: Partial<LabelRead>) => ({ at, read: labelRead({ model: { value: 'W-1', modelId: model.id, confidence: 0.9, source: 'ocr' }, ...values }) });
      // Week of Monday 2 March: three reads, one asked, one unreadable; two registered, one corrected. Week of 9 March: none. Week of 16 March: one.
      const reads = [
        read('2026-03-02T10:00:00Z', {}),
        read('2026-03-04T23:30:00Z', { needsConfirmation: true }),
        read('2026-03-08T12:00:00Z', { problem: 'unreadable', method: 'none', model: null, serial: null, needsConfirmation: true, durationMs: 900 }),
        read('2026-03-16T08:00:00Z', {}),
        read('2026-02-28T08:00:00Z', {}), // before the range
      ];
      const ids: string[] = [];
      for (const { at, read: value } of reads) {
        const id = await recordPhotoRead(scope, { kind: 'label', read: value });
        await sql`update photo_reads set created_at = ${at}::timestamptz where id = ${id}`.execute(scope.db);
        ids.push(id);
      }
      const ownership = (serial: string) => scope.db.insertInto('ownerships').values({ brand_id: scope.brandId, owner_id: owner.id, model_id: model.id, serial, source: 'web' }).returning('id').executeTakeFirstOrThrow();
      await confirmPhotoRead(scope, ids[0] as string, { modelId: model.id, serial: 'AB12345678' }, (await ownership('AB12345678')).id);
      await confirmPhotoRead(scope, ids[1] as string, { modelId: model.id, serial: 'AB12345670' }, (await ownership('AB12345670')).id);
    });

    const accuracy = await inBrand(db, own.brandId, (scope) => photoReadAccuracy(scope, { from: '2026-03-01', to: '2026-03-20', bucket: 'week' }));
    expect(accuracy.buckets.map((b) => b.start)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16']);
    expect(accuracy.buckets[0]).toMatchObject({ reads: 0, correctedShare: null, askedShare: null });
    expect(accuracy.buckets[1]).toMatchObject({ reads: 3, unreadable: 1, askedToConfirm: 2, confirmed: 2, corrected: 1, correctedShare: 0.5, correctedByField: { model: 0, serial: 1 } });
    expect(accuracy.buckets[2]).toMatchObject({ reads: 0 });
    expect(accuracy.buckets[3]).toMatchObject({ reads: 1, askedToConfirm: 0 });
    expect(accuracy.total).toMatchObject({ reads: 4, confirmed: 2, corrected: 1, askedShare: 0.5, medianMs: 412 });
  });
});
