import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, validModel } from '../../../test/harness.ts';
import { multipartFile, tinyPng } from '../../../test/multipart.ts';
import { minimalPdf } from '../../brands/minimal-pdf.ts';
import type { App } from '../http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
const pdf = minimalPdf(['Manual']);

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const upload = (purpose: string, content: Buffer, name: string, type: string, key = brand.keys.admin) => {
  const body = multipartFile(content, name, type);
  return app.inject({ method: 'POST', url: `/api/v1/files?purpose=${purpose}`, headers: { ...bearer(key), ...body.headers }, payload: body.payload });
};
const fileCount = async () =>
  (await db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).where('brand_id', '=', brand.brandId).executeTakeFirstOrThrow()).n;

describe('uploads', () => {
  it('stores an image and a PDF, serves them back with their real type, and links them to a model and resource', async () => {
    const image = await upload('image', tinyPng, 'front.png', 'image/png');
    expect(image.statusCode).toBe(201);
    expect(image.json()).toMatchObject({ contentType: 'image/png', byteSize: tinyPng.length, originalName: 'front.png' });
    const served = await app.inject({ url: image.json().url, headers: bearer(brand.keys.agent) });
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(tinyPng)).toBe(true);

    const manual = await upload('document', pdf, 'manual.pdf', 'application/pdf');
    expect(manual.statusCode).toBe(201);
    const model = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ imageFileId: image.json().id }) });
    expect(model.json().imageUrl).toBe(image.json().url);
    const resource = await app.inject({
      method: 'POST',
      url: `/api/v1/models/${model.json().id}/resources`,
      headers: bearer(brand.keys.admin),
      payload: { kind: 'manual', stage: 'unboxing', title: "Owner's manual", fileId: manual.json().id },
    });
    expect(resource.json().fileUrl).toBe(manual.json().url);
  });

  it('refuses a file of the wrong kind for what it is used as', async () => {
    const manual = (await upload('document', pdf, 'manual.pdf', 'application/pdf')).json();
    const model = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ imageFileId: manual.id }) });
    expect(model.statusCode).toBe(400);
    expect(model.json().error).toMatchObject({ message: expect.stringContaining('imageFileId: Must be an image'), details: [{ path: 'body.imageFileId' }] });
  });

  it.each([
    ['a PDF renamed as a JPEG', 'image', pdf, 'photo.jpg', 'image/jpeg', 415, "content is a PDF; a image must be a JPEG, PNG or WebP image"],
    ['a PNG sent as a PDF', 'document', tinyPng, 'manual.pdf', 'application/pdf', 415, 'content is a PNG image; a document must be a PDF'],
    ['a text file', 'image', Buffer.from('hello, not an image'), 'x.png', 'image/png', 415, 'not a type OpenOX recognises'],
    ['a declared type that differs from the content', 'image', tinyPng, 'x.webp', 'image/webp', 415, 'sent as image/webp but its content is a PNG image'],
    ['an empty file', 'image', Buffer.alloc(0), 'x.png', 'image/png', 400, 'The file is empty'],
    ['a logo over 2 MB', 'logo', Buffer.concat([tinyPng, Buffer.alloc(3 * 1024 * 1024)]), 'logo.png', 'image/png', 413, 'logo uploads may be at most 2.0 MB'],
    ['a file over the largest limit', 'document', Buffer.concat([pdf, Buffer.alloc(26 * 1024 * 1024)]), 'big.pdf', 'application/pdf', 413, 'uploads may be at most 25 MB'],
  ])('%s gets a clear error and stores nothing', async (_case, purpose, content, name, type, status, message) => {
    const before = await fileCount();
    const response = await upload(purpose, content, name, type);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.message).toContain(message);
    expect(await fileCount()).toBe(before);
  });

  it('refuses a JSON body on the upload route', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/files?purpose=image', headers: bearer(brand.keys.admin), payload: { file: 'x' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toContain('multipart/form-data');
  });

  it('are not for roles that cannot change the catalog', async () => {
    expect((await upload('image', tinyPng, 'x.png', 'image/png', brand.keys.marketer)).statusCode).toBe(403);
  });
});
