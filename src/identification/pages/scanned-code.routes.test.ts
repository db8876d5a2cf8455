import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../../test/harness.ts';
import type { App } from '../../platform/http/server.ts';

const { db } = testDatabase(2);
let app: App;
let brand: TestBrand;
let kettle: { id: string; gtin14: string };
let toaster: { id: string; gtin14: string };

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Scan Home');
  const create = async (overrides: Record<string, unknown>) => {
    const gtin = freshGtin();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ gtins: [gtin], ...overrides }) });
    return { id: response.json().id as string, gtin14: `0${gtin}` };
  };
  kettle = await create({ name: 'Scan Kettle', serialRules: [{ mask: 'KT######' }] });
  toaster = await create({ name: 'Scan Toaster', serialRules: [{ mask: 'TS-YYWW####' }] });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const scan = async (text: string, modelId: string | null, format = 'code_128', language = 'en') => {
  const response = await app.inject({ method: 'POST', url: `/o/${brand.slug}/identify/code`, payload: { text, format, modelId }, headers: { 'accept-language': language } });
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe('a code scanned on the registration page', () => {
  it('fills a serial that fits the page’s product, from a plain barcode or a GS1 code, marked by how it was read', async () => {
    expect(await scan('kt123456', kettle.id, 'code_39')).toEqual({ outcome: 'filled', serial: 'KT123456', identifiedBy: 'barcode', message: 'Serial number KT123456, read from the code. Check it against the label.' });
    expect(await scan(`https://id.example.com/01/${kettle.gtin14}/21/KT000777`, kettle.id, 'qr_code')).toMatchObject({ outcome: 'filled', serial: 'KT000777', identifiedBy: 'qr' });
    expect(await scan(`]C101${kettle.gtin14}21KT000778`, kettle.id)).toMatchObject({ outcome: 'filled', serial: 'KT000778' });
  });

  it('opens the registration page of the product the code names, with its serial', async () => {
    const answer = await scan(`(01)${toaster.gtin14}(21)TS-26100042`, kettle.id, 'code_128');
    expect(answer.outcome).toBe('open');
    expect(answer.url).toBe(`/o/${brand.slug}/register?model=${toaster.id}&serial=TS-26100042&via=barcode`);
    const page = await app.inject({ url: answer.url });
    expect(page.body).toContain('Register your Scan Toaster');
    expect(page.body).toMatch(/<input id="serial"[^>]*value="TS-26100042"/);
    expect(page.body).toContain('<input type="hidden" name="identified_by" value="barcode"/>');
    expect(await scan(toaster.gtin14.slice(1), null, 'ean_13')).toMatchObject({ outcome: 'open', url: `/o/${brand.slug}/register?model=${toaster.id}` });
    // From the start page, a serial only one product's rules fit.
    expect(await scan('TS-26100043', null, 'code_39')).toMatchObject({ outcome: 'open', url: `/o/${brand.slug}/register?model=${toaster.id}&serial=TS-26100043&via=barcode` });
  });

  it('says what to scan instead of a product code, a stranger’s code or text that is no serial, in the owner’s language', async () => {
    expect(await scan(kettle.gtin14.slice(1), kettle.id, 'ean_13')).toMatchObject({ outcome: 'model_only', message: expect.stringContaining('Scan the barcode next to the serial number') });
    expect(await scan('4006381333931', kettle.id, 'ean_13')).toMatchObject({ outcome: 'unknown', message: 'This code is not one of Scan Home\'s products. Scan the code on the product\'s rating label.' });
    expect(await scan('ZZ99', kettle.id)).toMatchObject({ outcome: 'not_serial' });
    expect(await scan('ZZ99', kettle.id, 'code_128', 'es')).toMatchObject({ message: expect.stringContaining('no contiene un número de serie') });
  });
});
