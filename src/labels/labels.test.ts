import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import { multipartFile } from '../../test/multipart.ts';
import type { App } from '../platform/http/server.ts';
import { digitalLinkUrl } from '../resolver/digital-link.ts';
import { qrPng, qrSvg } from './qr-code.ts';

const { db } = testDatabase();
const publicUrl = 'https://ox.example';
let app: App;
let brand: TestBrand;
let model: { id: string; sku: string; gtins: string[] };


async function createModel(owner: TestBrand, overrides: Record<string, unknown> = {}) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(owner.keys.admin), payload: validModel({ gtins: [freshGtin()], serialRules: [{ mask: 'AA########' }], ...overrides }) });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page(?!s)/g)?.length ?? 0;
const csv = (lines: string[]) => multipartFile(Buffer.from(lines.join('\n')), 'serials.csv', 'text/csv');
const postSheet = (modelId: string, upload: ReturnType<typeof csv>, key = brand.keys.agent, query = '') =>
  app.inject({ method: 'POST', url: `/api/v1/models/${modelId}/qr-sheet${query}`, payload: upload.payload, headers: { ...upload.headers, ...bearer(key) } });

beforeAll(async () => {
  app = await testApp(db, { OPENOX_PUBLIC_URL: publicUrl });
  brand = await makeBrand(db);
  model = await createModel(brand, { sku: `DW-500-${randomInt(1e6)}` });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('a QR code of a model', () => {
  it('as PNG leads to the model, at the size asked for, as a download named after the SKU', async () => {
    const response = await app.inject({ url: `/api/v1/models/${model.id}/qr.png?size=300`, headers: bearer(brand.keys.analyst) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${model.sku}-qr.png"`);
    const png = response.rawPayload;
    expect(png.subarray(0, 8)).toEqual(Buffer.from('89504e470d0a1a0a', 'hex'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([300, 300]);
    expect(png.equals(await qrPng(digitalLinkUrl(publicUrl, model.gtins[0] as string), 300))).toBe(true);
  });

  it('as SVG for one serial leads to that unit, the serial written as OpenOX stores it', async () => {
    const response = await app.inject({ url: `/api/v1/models/${model.id}/qr.svg?serial=ab%201234%205678`, headers: bearer(brand.keys.agent) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${model.sku}-AB12345678-qr.svg"`);
    expect(response.body).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"[\s\S]*<path stroke="#000000" d="M/);
    expect(response.body).toBe(await qrSvg(`${publicUrl}/01/${model.gtins[0]}/21/AB12345678`));
  });

  it('for a serial not of this model is a 400 that says the serial format', async () => {
    const response = await app.inject({ url: `/api/v1/models/${model.id}/qr.png?serial=12-34`, headers: bearer(brand.keys.agent) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation_failed',
      message: "serial: Does not match this model's serial numbers: 2 letters, then 8 digits.",
      details: [{ path: 'querystring.serial', message: "Does not match this model's serial numbers: 2 letters, then 8 digits." }],
    });
  });

  it('refuses sizes out of range, models without a GTIN, and the models of other brands', async () => {
    expect((await app.inject({ url: `/api/v1/models/${model.id}/qr.png?size=10000`, headers: bearer(brand.keys.agent) })).json().error.details[0].path).toBe('querystring.size');
    const withoutGtin = await createModel(brand, { gtins: [] });
    const noGtin = await app.inject({ url: `/api/v1/models/${withoutGtin.id}/qr.svg`, headers: bearer(brand.keys.agent) });
    expect(noGtin.statusCode).toBe(409);
    expect(noGtin.json().error.message).toContain('no GTIN');
    const other = await makeBrand(db);
    for (const url of [`/api/v1/models/${model.id}/qr.png`, `/api/v1/models/${model.id}/qr.svg`]) {
      expect((await app.inject({ url, headers: bearer(other.keys.admin) })).statusCode).toBe(404);
    }
    expect((await postSheet(model.id, csv(['AB12345678']), other.keys.admin)).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/models/${model.id}/qr.png` })).statusCode).toBe(401);
  });
});

describe('a sheet of QR code labels', () => {
  const serials = (count: number) => Array.from({ length: count }, (_, i) => `AB${String(10_000_000 + i)}`);

  it('for 100 serials is a 5-page A4 PDF (24 labels a page), or Letter when asked', async () => {
    const response = await postSheet(model.id, csv(['serial', ...serials(100)]));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${model.sku}-qr-sheet.pdf"`);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(response.rawPayload)).toBe(5);
    const letter = await postSheet(model.id, csv(serials(41)), brand.keys.agent, '?paper=letter');
    expect(pageCount(letter.rawPayload)).toBe(3);
  });

  it('is not made when any line is wrong: the 400 lists every such line and why', async () => {
    const response = await postSheet(model.id, csv(['serial', 'AB10000000', 'AB1', '', 'ab10000000', 'AB10000001']));
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('2 of 4 serial numbers');
    expect(error.details).toEqual([
      { path: 'file', line: 3, value: 'AB1', message: "Does not match this model's serial numbers: 2 letters, then 8 digits." },
      { path: 'file', line: 5, value: 'ab10000000', message: 'The same serial number is on line 2.' },
    ]);
  });

  it('refuses more than 5,000 serials, an empty file, and a body that is not multipart', async () => {
    const tooMany = await postSheet(model.id, csv(serials(5001)));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toBe('file: The file has 5,001 serial numbers; one sheet takes at most 5,000. Split the file and make one sheet per part.');
    expect((await postSheet(model.id, csv(['serial']))).json().error.message).toContain('no serial numbers');
    const json = await app.inject({ method: 'POST', url: `/api/v1/models/${model.id}/qr-sheet`, payload: { serials: ['AB10000000'] }, headers: bearer(brand.keys.agent) });
    expect(json.statusCode).toBe(415);
  });
});

it('documents the label routes in the OpenAPI document', async () => {
  const paths = (await app.inject({ url: '/openapi.json' })).json().paths;
  expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/v1/models/{id}/qr.png', '/api/v1/models/{id}/qr.svg', '/api/v1/models/{id}/qr-sheet']));
  expect(paths['/api/v1/models/{id}/qr-sheet'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'query', name: 'paper' })]));
});
