import { randomInt } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../../test/harness.ts';
import { multipartForm } from '../../../test/multipart.ts';
import type { App } from '../../platform/http/server.ts';
import { renderDrawing } from '../label-fixtures.ts';
import { closeOcrPool } from '../ocr-pool.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let kettle: { id: string; gtin14: string };
let toaster: { id: string; gtin14: string };

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Casa Foto');
  const create = async (overrides: Record<string, unknown>) => {
    const gtin = freshGtin();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ gtins: [gtin], ...overrides }) });
    expect(response.statusCode).toBe(201);
    return { id: response.json().id as string, gtin14: `0${gtin}` };
  };
  kettle = await create({ name: 'Foto Kettle', sku: 'KT-100', serialRules: [{ mask: 'KT######' }] });
  toaster = await create({ name: 'Foto Toaster', sku: 'TS-200', serialRules: [{ mask: 'TS-YYWW####' }] });
  await app.inject({ method: 'PUT', url: '/api/v1/registration-settings', headers: bearer(brand.keys.admin), payload: { retailers: ['Home Depot', 'Best Buy'], countries: ['US'] } });
});
afterAll(async () => {
  await app.close();
  await closeOcrPool();
  await db.destroy();
});

const site = (path: string) => `/o/${brand.slug}${path}`;
const hiddenOf = (body: string) => Object.fromEntries([...body.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]])) as Record<string, string>;
const valueOf = (body: string, id: string) => new RegExp(`<input id="${id}"[^>]*value="([^"]*)"`).exec(body)?.[1] ?? null;
const formFor = async (modelId: string) => hiddenOf((await app.inject({ url: site(`/register?model=${modelId}`) })).body);
// An address of this file's own: photo reads are rate-limited per address, and other test files read photos too.
const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const post = (url: string, fields: Record<string, string>, file?: Parameters<typeof multipartForm>[1], remoteAddress = address) => {
  const form = multipartForm(fields, file);
  return app.inject({ method: 'POST', url: site(url), payload: form.payload, headers: form.headers, remoteAddress });
};
const labelPhoto = (content: Buffer, filename = 'label.jpg', contentType = 'image/jpeg') => ({ field: 'label_photo', filename, contentType, content });
const person = { name: 'Flor Foto', email: 'flor@example.com', postal_code: '94103', purchase_date: '2026-10-20', retailer: 'Best Buy' };
const count = async (table: 'ownerships' | 'photo_reads' | 'files') => (await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).where('brand_id', '=', brand.brandId).executeTakeFirstOrThrow()).n;

describe('registering from a photo of the rating label, without a script', () => {
  it('reads the label, sends the form back filled in to check, and registers what the owner confirms', async () => {
    const hidden = await formFor(kettle.id);
    const photo = await renderDrawing({ lines: ['Made in Mexico'], barcode: { bcid: 'gs1-128', text: `(01)${kettle.gtin14}(21)KT123456` } });
    const read = await post('/register/photo', { ...hidden, name: 'Flor Foto', read: 'label' }, labelPhoto(photo));
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Check these values against the label and correct them if needed.');
    expect(valueOf(read.body, 'serial')).toBe('KT123456');
    expect(valueOf(read.body, 'name')).toBe('Flor Foto');
    const filled = hiddenOf(read.body);
    expect(filled).toMatchObject({ model_id: kettle.id, submission_id: hidden.submission_id, identified_by: 'photo' });
    expect(filled.photo_read_id).toMatch(/^[0-9a-f-]{36}$/);

    const cropUrl = /<img src="([^"]+\/crop)" alt="The part of your photo we read"/.exec(read.body)?.[1] as string;
    const crop = await app.inject({ url: cropUrl });
    expect(crop.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(crop.rawPayload).metadata()).width).toBeLessThan((await sharp(photo).metadata()).width as number);

    const registered = await post('/register', { ...filled, ...person, serial: valueOf(read.body, 'serial') as string });
    expect(registered.statusCode).toBe(303);
    const ownership = await db.selectFrom('ownerships').selectAll().where('brand_id', '=', brand.brandId).where('serial', '=', 'KT123456').executeTakeFirstOrThrow();
    expect(ownership).toMatchObject({ identified_by: 'photo', model_id: kettle.id });
    const photoRead = await db.selectFrom('photo_reads').selectAll().where('id', '=', filled.photo_read_id as string).executeTakeFirstOrThrow();
    expect(photoRead).toMatchObject({ ownership_id: ownership.id });
  });

  it('reads a label sent with "Register" instead of registering, and corrects nothing by itself', async () => {
    const hidden = await formFor(kettle.id);
    const before = await count('ownerships');
    const photo = await renderDrawing({ lines: ['FOTO HOME', 'MODEL KT-100', 'S/N KT654321'] });
    const response = await post('/register', { ...hidden, ...person, serial: '' }, labelPhoto(photo));
    expect(response.statusCode).toBe(200);
    expect(valueOf(response.body, 'serial')).toBe('KT654321');
    expect(response.body).toContain('Serial number: KT654321');
    expect(await count('ownerships')).toBe(before);
  });

  it('switches the form to the product on the label, and finds it from the start page too', async () => {
    const photo = await renderDrawing({ lines: ['Toasty'], barcode: { bcid: 'gs1-128', text: `(01)${toaster.gtin14}(21)TS-26100042` } });
    const fromKettle = await post('/register/photo', { ...(await formFor(kettle.id)), read: 'label' }, labelPhoto(photo));
    expect(fromKettle.body).toContain('The label is for a Foto Toaster, so this form is now for that product.');
    expect(fromKettle.body).toContain('Register your Foto Toaster');
    expect(hiddenOf(fromKettle.body).model_id).toBe(toaster.id);
    expect(fromKettle.body).toContain('Made in March 2026');

    const start = await app.inject({ url: site('/register') });
    expect(start.body).toContain('Or find your product from its label');
    const fromStart = await post('/register/photo', { read: 'label' }, labelPhoto(photo));
    expect(fromStart.body).toContain('Register your Foto Toaster');
    expect(valueOf(fromStart.body, 'serial')).toBe('TS-26100042');
  });

  it('offers what it is unsure of as choices and fills in only what the owner picks', async () => {
    const hidden = await formFor(kettle.id);
    // Two serials of the kettle's form on one label, neither marked as the serial: the reader must not choose.
    const photo = await renderDrawing({ lines: ['MODEL KT-100', 'KT482913', 'KT735046'] });
    const read = await post('/register/photo', { ...hidden, read: 'label' }, labelPhoto(photo));
    expect(read.body).toContain('<legend>Which serial number is on your label?</legend>');
    expect(valueOf(read.body, 'serial')).toBe('');
    const choice = /value="(KT\d{6})" name="pick_serial"/.exec(read.body)?.[1] as string;
    expect(['KT482913', 'KT735046']).toContain(choice);

    const picked = await post('/register/photo', { ...hiddenOf(read.body), pick_serial: choice });
    expect(valueOf(picked.body, 'serial')).toBe(choice);
    expect(hiddenOf(picked.body).identified_by).toBe('photo');
  });

  it('says what to do about a photo it cannot use, keeps the form as it was, and records nothing', async () => {
    const hidden = await formFor(kettle.id);
    const before = { reads: await count('photo_reads'), ownerships: await count('ownerships'), files: await count('files') };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    const cases: [Parameters<typeof labelPhoto>, string][] = [
      [[Buffer.from('just some text'), 'label.jpg', 'image/jpeg'], 'This file is not a photo. Choose a JPEG, PNG, WebP or HEIC photo.'],
      [[pdf, 'label.jpg', 'image/jpeg'], 'This file is not a photo.'],
      [[huge, 'label.png', 'image/png'], 'This photo is too large to read. Take a new photo, or choose a smaller one.'],
      [[Buffer.alloc(11 * 1024 * 1024, 0xff), 'label.jpg', 'image/jpeg'], 'This photo is too large to read.'],
    ];
    for (const [file, message] of cases) {
      const response = await post('/register/photo', { ...hidden, name: 'Kept Name', read: 'label' }, labelPhoto(...file));
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain(message);
      expect(valueOf(response.body, 'name')).toBe('Kept Name');
      expect(hiddenOf(response.body).photo_read_id).toBeUndefined();
    }
    expect({ reads: await count('photo_reads'), ownerships: await count('ownerships'), files: await count('files') }).toEqual(before);

    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7a8b99' } }).jpeg().toBuffer();
    const nothing = await post('/register/photo', { ...hidden, read: 'label' }, labelPhoto(blank));
    expect(nothing.statusCode).toBe(422);
    expect(nothing.body).toContain('We could not find a label in this photo. Take it again, closer, with the whole label in the picture.');
    expect(hiddenOf(nothing.body).identified_by).toBe('typed');
    expect(await count('ownerships')).toBe(before.ownerships);

    const spanish = await app.inject({ method: 'POST', url: site('/register/photo'), remoteAddress: address, ...withLanguage(multipartForm({ ...hidden, read: 'label' }, labelPhoto(blank)), 'es') });
    expect(spanish.body).toContain('No encontramos una etiqueta en esta foto.');
  });
});

describe('the allowance of photo reads', () => {
  it('stops reading photos from an address that sends too many, and says so on the form', async () => {
    const hidden = await formFor(kettle.id);
    const flood = `192.0.2.${randomInt(1, 255)}`;
    let answer = await post('/register/photo', { ...hidden, read: 'label' }, undefined, flood);
    for (let i = 0; i < 40 && answer.statusCode !== 429; i++) answer = await post('/register/photo', { ...hidden, read: 'label' }, undefined, flood);
    expect(answer.statusCode).toBe(429);
    expect(answer.body).toContain('Too many photos were sent from your connection.');
    expect(valueOf(answer.body, 'serial')).toBe('');
  });
});

describe('reading the receipt, without a script', () => {
  it('fills the date and the store to check, and keeps the receipt as the proof of purchase', async () => {
    const hidden = await formFor(kettle.id);
    const receipt = await renderDrawing({ lines: ['BEST BUY #1234', 'San Francisco CA', 'Date: 10/14/2026', 'Foto Kettle KT-100   49.99', 'TOTAL   $53.74', 'Thank you'] });
    const read = await post('/register/photo', { ...hidden, serial: 'KT777777', read: 'receipt' }, { field: 'proof', filename: 'receipt.jpg', contentType: 'image/jpeg', content: receipt });
    expect(read.statusCode).toBe(200);
    expect(valueOf(read.body, 'purchase_date')).toBe('2026-10-14');
    expect(read.body).toMatch(/<option value="Best Buy" selected="">Best Buy<\/option>/);
    expect(read.body).toContain('Check the date and the store.');
    expect(read.body).toContain('Your receipt receipt.jpg is attached.');
    const filled = hiddenOf(read.body);
    expect(filled.proof_file_id).toMatch(/^[0-9a-f-]{36}$/);

    const registered = await post('/register', { ...filled, ...person, email: 'receipt@example.com', serial: 'KT777777', purchase_date: '2026-10-14', retailer: 'Best Buy' });
    expect(registered.statusCode).toBe(303);
    const ownership = await db.selectFrom('ownerships').selectAll().where('brand_id', '=', brand.brandId).where('serial', '=', 'KT777777').executeTakeFirstOrThrow();
    expect(ownership).toMatchObject({ proof_file_id: filled.proof_file_id, proof_status: 'submitted', identified_by: 'typed' });
    const receiptRead = await db.selectFrom('photo_reads').selectAll().where('id', '=', filled.receipt_read_id as string).executeTakeFirstOrThrow();
    expect(receiptRead).toMatchObject({ ownership_id: ownership.id });
  });
});

function withLanguage(form: ReturnType<typeof multipartForm>, language: string) {
  return { payload: form.payload, headers: { ...form.headers, 'accept-language': language } };
}
