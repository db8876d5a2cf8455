import { randomInt } from 'node:crypto';
import digitalLinkJs from 'digital-link.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import { newToken, sha256 } from '../access/secrets.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';

const { db } = testDatabase();
const origin = 'https://ox.test';
let app: App;
let brand: TestBrand;
let gtin: string;
let modelId: string;
let manualEn: string;
let manualEs: string;
let ip: string;


const api = (method: 'POST' | 'PUT', url: string, payload: object) => app.inject({ method, url, payload, headers: bearer(brand.keys.admin) });
const scan = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': ip, ...headers } });
const locationOf = (response: { headers: Record<string, unknown> }) => new URL(response.headers.location as string);

async function addModel(gtins: string[]): Promise<string> {
  const response = await api('POST', '/api/v1/models', validModel({ name: 'DW-500 dishwasher', gtins }));
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  app = await testApp(db, { OPENOX_PUBLIC_URL: origin });
  brand = await makeBrand(db, 'Acme Appliances');
  gtin = `0${freshGtin()}`;
  modelId = await addModel([gtin]);
  const resource = async (body: object) => (await api('POST', `/api/v1/models/${modelId}/resources`, body)).json().id as string;
  await resource({ kind: 'manual', stage: 'onboarding', title: 'User manual', language: 'en', url: 'https://docs.acme.example/dw500-en.pdf' });
  await resource({ kind: 'manual', stage: 'onboarding', title: 'Manual de uso', language: 'es', url: 'https://docs.acme.example/dw500-es.pdf' });
  await resource({ kind: 'quick_start', stage: 'unboxing', title: 'Quick start', url: 'https://docs.acme.example/dw500-qs.pdf' });
  await resource({ kind: 'faq', stage: 'enjoying', title: 'Why are my glasses cloudy?', body: 'Use rinse aid.\n\nTop it up monthly.' });
  manualEn = 'https://docs.acme.example/dw500-en.pdf';
  manualEs = 'https://docs.acme.example/dw500-es.pdf';
});
beforeEach(() => {
  ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('resolving a product Digital Link', () => {
  it('redirects /01/<gtin> (307) to the brand\'s registration page, with the links in a Link header', async () => {
    const response = await scan(`/01/${gtin}`);
    expect(response.statusCode).toBe(307);
    expect(response.headers.location).toBe(`${origin}/o/${brand.slug}/register?gtin=${gtin}&via=qr`);
    const link = response.headers.link as string;
    expect(link).toContain(`<${origin}/o/${brand.slug}/register?gtin=${gtin}&via=qr>; rel="https://gs1.org/voc/defaultLink"`);
    expect(link).toContain(`<${manualEn}>; rel="https://gs1.org/voc/instructions"; title="User manual"; hreflang="en"`);
    expect(link).toContain(`<${origin}/01/${gtin}?linkType=linkset>; rel="linkset"`);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('prefills the serial, lot, variant and production date, and passes the query string on', async () => {
    expect(locationOf(await scan(`/01/${gtin}/21/SN-1001`)).searchParams.get('serial')).toBe('SN-1001');
    const response = await scan(`/01/${gtin}/22/V2/10/LOT7/21/SN%2F9?11=250115&17=280101&utm_source=box`);
    expect(response.statusCode).toBe(307);
    const location = locationOf(response);
    expect(location.pathname).toBe(`/o/${brand.slug}/register`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      gtin, serial: 'SN/9', lot: 'LOT7', variant: 'V2', production: '2025-01-15', via: 'qr', 11: '250115', 17: '280101', utm_source: 'box',
    });
  });

  it.each([
    ['a path prefix', (g: string) => `/dl/acme/01/${g}/21/X1`],
    ['the GTIN-13 form', (g: string) => `/01/${g.slice(1)}/21/X1`],
    ['the GTIN-12 form', (g: string) => `/01/${g.slice(2)}/21/X1`],
    ['the /gtin/ short form', (g: string) => `/gtin/${g}/ser/X1`],
    ['the compressed form', (g: string) => new URL(digitalLinkJs.Utils.compressWebUri(`${origin}/01/${g}/21/X1`)).pathname],
  ])('reads %s', async (_form, path) => {
    const response = await scan(path(gtin));
    expect(response.statusCode).toBe(307);
    expect(Object.fromEntries(locationOf(response).searchParams)).toEqual({ gtin, serial: 'X1', via: 'qr' });
  });

  it('announces the uncompressed URI of a compressed link as owl:sameAs', async () => {
    const response = await scan(new URL(digitalLinkJs.Utils.compressWebUri(`${origin}/01/${gtin}/21/X1`)).pathname);
    expect(response.headers.link).toContain(`<${origin}/01/${gtin}/21/X1>; rel="http://www.w3.org/2002/07/owl#sameAs"`);
  });

  it('answers a GTIN no brand has with a friendly 404 page (JSON for programs)', async () => {
    const unknown = `0${freshGtin()}`;
    const page = await scan(`/01/${unknown}/21/1`);
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('recognise this product code');
    expect(page.body).toContain(unknown);
    const json = await scan(`/01/${unknown}`, { accept: 'application/json' });
    expect(json.statusCode).toBe(404);
    expect(json.json().error.code).toBe('not_found');
  });

  it('explains a damaged code with a 400 page in the owner\'s language', async () => {
    const wrong = `${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}`;
    const page = await scan(`/01/${wrong}/21/1`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('This product code is not valid');
    expect(page.body).toContain('last digit does not match');
    const spanish = await scan(`/01/${wrong}`, { 'accept-language': 'es-MX,es;q=0.9' });
    expect(spanish.statusCode).toBe(400);
    expect(spanish.body).toContain('<html lang="es"');
    const malformed = await scan(`/01/${gtin}/99/1`, { accept: 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('"99"') });
  });
});

describe('link types', () => {
  it('gs1:instructions leads to the manual in the owner\'s language', async () => {
    expect((await scan(`/01/${gtin}?linkType=gs1:instructions`)).headers.location).toBe(manualEn);
    expect((await scan(`/01/${gtin}?linkType=gs1:instructions`, { 'accept-language': 'es' })).headers.location).toBe(manualEs);
    expect((await scan(`/01/${gtin}?linkType=https%3A%2F%2Fgs1.org%2Fvoc%2Finstructions&lang=es`)).headers.location).toBe(`${manualEs}?lang=es`);
    expect((await scan(`/01/${gtin}/21/A1?linkType=gs1:quickStartGuide`)).headers.location).toBe('https://docs.acme.example/dw500-qs.pdf');
  });

  it('gs1:faqs leads to a page of the model\'s questions and answers', async () => {
    const response = await scan(`/01/${gtin}?linkType=gs1:faqs`);
    expect(response.statusCode).toBe(307);
    const page = await app.inject({ url: response.headers.location as string });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Why are my glasses cloudy?');
    expect(page.body).toContain('<p>Top it up monthly.</p>');
  });

  it('gs1:support, gs1:leaveReview and gs1:purchaseSuppliesOrAccessories follow the brand\'s settings', async () => {
    const other = await makeBrand(db);
    const otherGtin = `0${freshGtin()}`;
    const otherModelId = (await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(other.keys.admin), payload: validModel({ gtins: [otherGtin] }) })).json().id;
    expect((await scan(`/01/${otherGtin}?linkType=gs1:support`)).headers.location).toBe(`${origin}/o/${other.slug}/products`);
    // No review site of the brand's own: OpenOX's review pages, where an owner's review gets the verified-owner badge.
    expect((await scan(`/01/${otherGtin}?linkType=gs1:leaveReview`)).headers.location).toBe(`${origin}/o/${other.slug}/reviews/${otherModelId}/write`);
    const missing = await scan(`/01/${otherGtin}?linkType=gs1:purchaseSuppliesOrAccessories`);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Register your Test dishwasher');
    expect(missing.body).toContain('Review your Test dishwasher');
    const asLinkset = await scan(`/01/${otherGtin}?linkType=gs1:purchaseSuppliesOrAccessories`, { accept: 'application/linkset+json' });
    expect(asLinkset.statusCode).toBe(404);
    expect(asLinkset.headers['content-type']).toContain('application/linkset+json');

    const settings = { supportUrl: 'https://help.other.example/', reviewUrl: 'https://reviews.other.example/p?id=7', accessoriesUrl: 'https://shop.other.example/' };
    expect((await app.inject({ method: 'PUT', url: '/api/v1/registration-settings', headers: bearer(other.keys.admin), payload: settings })).statusCode).toBe(200);
    expect((await scan(`/01/${otherGtin}?linkType=gs1:support&utm_source=box`)).headers.location).toBe('https://help.other.example/?utm_source=box');
    expect((await scan(`/01/${otherGtin}?linkType=gs1:leaveReview`)).headers.location).toBe('https://reviews.other.example/p?id=7');
    expect((await scan(`/01/${otherGtin}?linkType=gs1:purchaseSuppliesOrAccessories`)).headers.location).toBe('https://shop.other.example/');
  });

  it.each([
    ['linkType=all', `?linkType=all`, {}],
    ['linkType=linkset', `?linkType=linkset`, {}],
    ['Accept: application/linkset+json', '', { accept: 'application/linkset+json' }],
  ])('%s answers the linkset (RFC 9264, GS1 resolver rules)', async (_case, query, headers) => {
    const response = await scan(`/01/${gtin}/21/LS-1${query}`, headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/linkset+json');
    expect(response.headers.link).toContain('rel="http://www.w3.org/ns/json-ld#context"');
    const { linkset } = JSON.parse(response.body);
    expect(linkset).toHaveLength(1);
    const [context] = linkset;
    expect(context.anchor).toBe(`${origin}/01/${gtin}/21/LS-1`);
    expect(context.itemDescription).toBe('DW-500 dishwasher');
    for (const [relation, targets] of Object.entries(context)) {
      if (relation === 'anchor' || relation === 'itemDescription') continue;
      expect(relation).toMatch(/^https:\/\/gs1\.org\/voc\/[A-Za-z]+$/);
      for (const target of targets as { href: string; title: string; hreflang?: string[] }[]) {
        expect(() => new URL(target.href)).not.toThrow();
        expect(target.title).toEqual(expect.any(String));
        if (target.hreflang) expect(target.hreflang.length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(context)).toEqual(expect.arrayContaining([
      'https://gs1.org/voc/defaultLink', 'https://gs1.org/voc/registerProduct', 'https://gs1.org/voc/instructions',
      'https://gs1.org/voc/quickStartGuide', 'https://gs1.org/voc/support', 'https://gs1.org/voc/faqs', 'https://gs1.org/voc/recallStatus',
    ]));
    expect(context['https://gs1.org/voc/defaultLink']).toEqual([expect.objectContaining({ href: expect.stringContaining('/register?') })]);
    expect(context['https://gs1.org/voc/instructions']).toEqual([
      { href: manualEn, title: 'User manual', hreflang: ['en'] },
      { href: manualEs, title: 'Manual de uso', hreflang: ['es'] },
    ]);
    expect(context['https://gs1.org/voc/registerProduct'][0]).toMatchObject({ title: 'Register your DW-500 dishwasher', type: 'text/html', hreflang: expect.arrayContaining(['en']) });
  });
});

describe('the page that fits the unit', () => {
  it('sends a registered unit to a neutral page that never says who owns it', async () => {
    const ownerToken = newToken();
    const ownershipId = await inBrand(db, brand.brandId, async (scope) => {
      const owner = await scope.db.insertInto('owners').values({ brand_id: brand.brandId, name: 'Zebedee Quux', email: 'zebedee.quux@example.test' }).returning('id').executeTakeFirstOrThrow();
      await scope.db.insertInto('owner_sessions').values({ brand_id: brand.brandId, owner_id: owner.id, token_hash: sha256(ownerToken), expires_at: new Date(Date.now() + 86_400_000) }).execute();
      const ownership = await scope.db.insertInto('ownerships').values({ brand_id: brand.brandId, owner_id: owner.id, model_id: modelId, serial: 'REG-1', source: 'qr', postal_code: '94110' }).returning('id').executeTakeFirstOrThrow();
      return ownership.id;
    });
    const response = await scan(`/01/${gtin}/21/reg-1`);
    expect(response.statusCode).toBe(307);
    const location = locationOf(response);
    expect(location.pathname).toBe(`/o/${brand.slug}/registered-unit`);
    expect(location.searchParams.get('serial')).toBe('reg-1');

    const page = await app.inject({ url: `${location.pathname}${location.search}`, headers: { 'x-forwarded-for': ip } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This product is registered');
    expect(page.body).toContain(`href="/o/${brand.slug}/sign-in"`);
    expect(page.body).toContain(`href="/o/${brand.slug}/register?gtin=${gtin}&amp;serial=reg-1&amp;via=qr"`);
    for (const secret of ['Zebedee', 'Quux', 'zebedee.quux', '94110']) expect(page.body).not.toContain(secret);

    // Its owner, signed in on the brand site (a cookie the resolver cannot see), goes on to it.
    const mine = await app.inject({ url: `${location.pathname}${location.search}`, headers: { 'x-forwarded-for': ip }, cookies: { openox_owner: ownerToken } });
    expect(mine.statusCode).toBe(303);
    expect(mine.headers.location).toBe(`/o/${brand.slug}/products/${ownershipId}`);

    // A unit nobody holds goes on to registration.
    const free = await app.inject({ url: `/o/${brand.slug}/registered-unit?gtin=${gtin}&serial=FREE-1`, headers: { 'x-forwarded-for': ip } });
    expect(free.statusCode).toBe(303);
    expect(free.headers.location).toBe(`/o/${brand.slug}/register?gtin=${gtin}&serial=FREE-1&via=qr`);
  });

  it('sends a recalled unit to its recall status, by serial, by production date, or for every unit', async () => {
    const recall = async (body: object) => {
      const response = await api('POST', '/api/v1/recalls', { modelId, title: 'Door hinge', hazard: 'The door can fall off.', remedy: 'Stop using it and call us.', url: 'https://acme.example/recall', ...body });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    await recall({ serials: ['rc 1'] });
    const bySerial = await scan(`/01/${gtin}/21/RC1`);
    expect(locationOf(bySerial).pathname).toBe(`/o/${brand.slug}/recall-status`);
    const page = await app.inject({ url: `${locationOf(bySerial).pathname}${locationOf(bySerial).search}`, headers: { 'x-forwarded-for': ip } });
    expect(page.body).toContain('Safety recall: Door hinge');
    expect(page.body).toContain('The door can fall off.');
    expect(page.body).toContain('Stop using it and call us.');
    expect(page.body).toContain('href="https://acme.example/recall"');
    expect(locationOf(await scan(`/01/${gtin}/21/RC2`)).pathname).toBe(`/o/${brand.slug}/register`);

    const dated = await recall({ manufacturedFrom: '2024-01-01', manufacturedTo: '2024-06-30' });
    expect(locationOf(await scan(`/01/${gtin}/21/D1?11=240315`)).pathname).toBe(`/o/${brand.slug}/recall-status`);
    expect(locationOf(await scan(`/01/${gtin}/21/D1?11=240715`)).pathname).toBe(`/o/${brand.slug}/register`);
    // Without a serial or date the unit cannot be told apart: the status page asks to check.
    const unsure = await app.inject({ url: `/o/${brand.slug}/recall-status?gtin=${gtin}` });
    expect(unsure.body).toContain('There is no open safety recall for this product.');
    expect(unsure.body).toContain('Some units of this product are under a safety recall');

    const everyUnit = await recall({ title: 'Power cord' });
    expect(locationOf(await scan(`/01/${gtin}`)).pathname).toBe(`/o/${brand.slug}/recall-status`);
    for (const id of [dated, everyUnit]) expect((await app.inject({ method: 'POST', url: `/api/v1/recalls/${id}/close`, headers: bearer(brand.keys.admin) })).statusCode).toBe(200);
    expect(locationOf(await scan(`/01/${gtin}`)).pathname).toBe(`/o/${brand.slug}/register`);
    expect(locationOf(await scan(`/01/${gtin}?linkType=gs1:recallStatus`)).pathname).toBe(`/o/${brand.slug}/recall-status`);
  });

  it('limits lookups with a serial per address (429 page), not plain product lookups', async () => {
    // The limit counts per minute window; a run that crosses a window boundary starts counting again.
    let passed = 0;
    let limited = await scan(`/01/${gtin}/21/RL0`);
    while (limited.statusCode === 307 && passed < 130) limited = await scan(`/01/${gtin}/21/RL${++passed}`);
    expect(limited.statusCode).toBe(429);
    expect(passed).toBeGreaterThanOrEqual(60);
    expect(limited.body).toContain('Too many lookups');
    expect(limited.headers['retry-after']).toBe('60');
    expect((await scan(`/01/${gtin}`)).statusCode).toBe(307);
    ip = '10.255.255.254';
    expect((await scan(`/01/${gtin}/21/RL60`)).statusCode).toBe(307);
  });
});

describe('the rest of OpenOX', () => {
  it('serves the resolver description at /.well-known/gs1resolver', async () => {
    const response = await app.inject({ url: '/.well-known/gs1resolver' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      name: 'OpenOX product links', resolverRoot: origin, supportedPrimaryKeys: ['01'],
      supportedLinkType: [{ namespace: 'https://gs1.org/voc/', prefix: 'gs1:' }], linkTypeDefaultCanBeLinkset: false,
    });
  });

  it('is not swallowed by the resolver\'s catch-all route', async () => {
    expect((await app.inject({ url: '/api/v1/models' })).json().error.code).toBe('unauthenticated');
    expect((await app.inject({ url: '/api/v1/models' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/nothing/01/09506000134352' })).json().error.code).toBe('not_found');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/openapi.json' })).json().openapi).toBe('3.1.0');
    expect((await app.inject({ url: '/docs' })).statusCode).toBeLessThan(400);
    expect((await app.inject({ url: '/console/models' })).statusCode).not.toBe(404);
    expect((await app.inject({ url: `/o/${brand.slug}/register` })).statusCode).toBe(200);
    expect((await app.inject({ url: `/o/${brand.slug}/sign-in` })).statusCode).toBe(200);
    const notALink = await app.inject({ url: '/hello/world' });
    expect(notALink.statusCode).toBe(404);
    expect(notALink.json().error.code).toBe('not_found');
  });
});
