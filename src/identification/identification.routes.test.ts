import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import { multipartForm, tinyPng } from '../../test/multipart.ts';
import type { App } from '../platform/http/server.ts';
import { renderDrawing } from './label-fixtures.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let washer: { id: string; gtin14: string };

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Identify Brand');
  const gtin = freshGtin();
  const created = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ name: 'Clara Washer', sku: 'WM-3000X', gtins: [gtin], serialRules: [{ mask: 'AA########' }] }) });
  expect(created.statusCode).toBe(201);
  washer = { id: created.json().id, gtin14: `0${gtin}` };
  await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ name: 'Clara Dryer', sku: 'DR-800', serialRules: [{ mask: 'DR-YYWW####' }] }) });
  const settings = await app.inject({ method: 'PUT', url: '/api/v1/registration-settings', headers: bearer(brand.keys.admin), payload: { retailers: ['Home Depot', 'Best Buy'], countries: ['US'] } });
  expect(settings.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const send = (kind: 'label' | 'receipt', content: Buffer | null, options: { filename?: string; contentType?: string; headers?: Record<string, string>; remoteAddress?: string } = {}) => {
  const form = multipartForm({}, content ? { field: 'photo', filename: options.filename ?? 'photo.jpg', contentType: options.contentType ?? 'image/jpeg', content } : undefined);
  return app.inject({ method: 'POST', url: `/o/${brand.slug}/identify/${kind}`, payload: form.payload, headers: { ...form.headers, ...options.headers }, ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}) });
};
const counts = async () => ({
  reads: (await db.selectFrom('photo_reads').select(db.fn.countAll<number>().as('n')).where('brand_id', '=', brand.brandId).executeTakeFirstOrThrow()).n,
  files: (await db.selectFrom('files').select(db.fn.countAll<number>().as('n')).where('brand_id', '=', brand.brandId).executeTakeFirstOrThrow()).n,
});

describe('POST /o/:slug/identify/label', () => {
  it('reads a label photo, keeps it without its location and answers with the read and where to see the crop', async () => {
    const photo = await renderDrawing({ lines: ['CLARA', 'MODEL: WM-3000X', 'S/N: AB12345678'], exif: { IFD0: { Make: 'PhonyPhone', Copyright: 'GPS 37.77N 122.41W' } } });
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const response = await send('label', photo);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.read).toMatchObject({ method: 'ocr', problem: null, needsConfirmation: false, model: { modelId: washer.id, value: 'WM-3000X' }, serial: { value: 'AB12345678' } });
    expect(body.cropUrl).toBe(`/o/${brand.slug}/photo-reads/${body.photoReadId}/crop`);

    const stored = await db.selectFrom('photo_reads as r').innerJoin('files as f', 'f.id', 'r.file_id').select(['f.content', 'r.method', 'r.needs_confirmation']).where('r.id', '=', body.photoReadId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ method: 'ocr', needs_confirmation: false });
    expect((await sharp(stored.content).metadata()).exif).toBeUndefined();

    const crop = await app.inject({ url: body.cropUrl });
    expect(crop.statusCode).toBe(200);
    expect(crop.headers['content-type']).toBe('image/jpeg');
    const cropSize = await sharp(crop.rawPayload).metadata();
    expect(cropSize.height).toBeLessThan((await sharp(photo).metadata()).height ?? 0);
  });

  it('reads a GS1 barcode on the label exactly', async () => {
    const photo = await renderDrawing({ lines: ['Made in USA'], barcode: { bcid: 'gs1-128', text: `(01)${washer.gtin14}(21)CD00000042` } });
    const response = await send('label', photo);
    expect(response.statusCode).toBe(200);
    expect(response.json().read).toMatchObject({ method: 'barcode', model: { modelId: washer.id, confidence: 1 }, serial: { value: 'CD00000042', confidence: 1 } });
  });

  it.each([
    ['a text file', Buffer.from('model WM-3000X serial AB12345678'), 'label.jpg', 415, 'unsupported_media_type', 'not_an_image'],
    ['a PDF renamed as a JPEG', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), 'label.jpg', 415, 'unsupported_media_type', 'not_an_image'],
    ['a 1×1 image', tinyPng, 'label.png', 422, 'photo_unreadable', 'too_small'],
  ])('refuses %s with a clear message and stores nothing', async (_case, content, filename, status, code, problem) => {
    const before = await counts();
    const response = await send('label', content, { filename });
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, details: { problem, messageKey: `identify.problem_${problem}` } });
    expect(response.json().error.message).not.toContain('identify.');
    expect(await counts()).toEqual(before);
  });

  it('refuses a file over 15 MB and an image of over 40 megapixels', async () => {
    const before = await counts();
    const heavy = Buffer.concat([await renderDrawing({ lines: ['MODEL WM-3000X'] }), Buffer.alloc(16 * 1024 * 1024)]);
    const tooHeavy = await send('label', heavy);
    expect(tooHeavy.statusCode).toBe(413);
    expect(tooHeavy.json().error.details.problem).toBe('too_large');
    const huge = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const tooBig = await send('label', huge, { filename: 'label.png', contentType: 'image/png' });
    expect(tooBig.statusCode).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('says there is no label on a photo of nothing, in the owner’s language, and stores nothing', async () => {
    const before = await counts();
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8899aa' } }).jpeg().toBuffer();
    const response = await send('label', blank, { headers: { 'accept-language': 'es-ES,es;q=0.9' } });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'photo_unreadable', details: { problem: 'no_label' } });
    expect(response.json().error.message).toMatch(/etiqueta/);
    expect(await counts()).toEqual(before);
  });

  it('asks for a photo when none was sent', async () => {
    const response = await send('label', null);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.problem).toBe('no_photo');
  });

  it('limits how many photos one address may send', async () => {
    let limited = false;
    // Two windows' worth at most: a window boundary during the loop resets the count once.
    for (let i = 0; i < 61 && !limited; i++) limited = (await send('label', null, { remoteAddress: '198.51.100.23' })).statusCode === 429;
    expect(limited).toBe(true);
    expect((await send('label', null, { remoteAddress: '198.51.100.24' })).statusCode).toBe(400);
  });

  it('answers 404 for a brand that does not exist', async () => {
    const form = multipartForm({}, { field: 'photo', filename: 'p.png', contentType: 'image/png', content: tinyPng });
    const response = await app.inject({ method: 'POST', url: '/o/no-such-brand/identify/label', payload: form.payload, headers: form.headers });
    expect(response.statusCode).toBe(404);
  });
});

describe('POST /o/:slug/identify/receipt', () => {
  it('reads date, retailer and amount off a receipt and keeps it as a proof file', async () => {
    const receipt = await renderDrawing({
      font: 'DejaVu Sans Mono',
      fontSize: 22,
      width: 640,
      lines: ['THE HOME DEPOT #0612', '2455 PACES FERRY RD', '03/15/2026  14:02   REG 4', 'WASHER WM-3000X       459.99', 'SUBTOTAL              459.99', 'SALES TAX              40.00', 'TOTAL                $499.99'],
    });
    const response = await send('receipt', receipt);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.read).toMatchObject({ method: 'ocr', problem: null, purchaseDate: { value: '2026-03-15' }, retailer: { value: 'Home Depot' }, amount: { minor: 49999, currency: 'USD' } });
    const file = await db.selectFrom('files').select(['purpose', 'content_type']).where('id', '=', body.proofFileId).executeTakeFirstOrThrow();
    expect(file).toEqual({ purpose: 'proof', content_type: 'image/jpeg' });
  });
});

describe('the brand’s view of photo reads', () => {
  it('gives the accuracy over time to staff who may see owners, and not to analysts', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const response = await app.inject({ url: `/api/v1/photo-reads/accuracy?from=${today}&to=${today}&bucket=day`, headers: bearer(brand.keys.agent) });
    expect(response.statusCode).toBe(200);
    const { total, buckets } = response.json();
    expect(buckets).toHaveLength(1);
    // The label and barcode reads above (the receipt is another kind); refused uploads are not reads.
    expect(total.reads).toBeGreaterThanOrEqual(2);
    expect(total.askedToConfirm).toBe(0);
    expect((await app.inject({ url: '/api/v1/photo-reads/accuracy', headers: bearer(brand.keys.analyst) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/photo-reads/accuracy?from=2026-03-02&to=2026-03-01', headers: bearer(brand.keys.agent) })).statusCode).toBe(400);
  });
});
