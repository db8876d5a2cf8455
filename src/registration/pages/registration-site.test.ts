import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../../test/harness.ts';
import { multipartForm, tinyPng } from '../../../test/multipart.ts';
import { gs1CheckDigit } from '../../catalog/gtin.ts';
import type { App } from '../../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let dishwasher: { id: string; gtin: string };
let crib: { id: string; gtin: string };

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Casa Clara');
  const create = async (overrides: Record<string, unknown>) => {
    const gtin = freshGtin();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ gtins: [gtin], ...overrides }) });
    expect(response.statusCode).toBe(201);
    return { id: response.json().id as string, gtin: `0${gtin}` };
  };
  dishwasher = await create({ name: 'Clara Dishwasher', serialRules: [{ mask: 'AA########' }], maintenanceSchedule: [{ name: 'Clean the filter', intervalDays: 30 }] });
  crib = await create({ name: 'Clara Crib', category: 'Cribs', serialRules: [{ mask: 'CR-YYWW####' }] });
  await app.inject({ method: 'PUT', url: '/api/v1/registration-settings', headers: bearer(brand.keys.admin), payload: { retailers: ['Home Depot', 'Best Buy'], countries: ['US', 'CA'], supportEmail: 'help@clara.test' } });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const formFor = async (query: string, headers: Record<string, string> = {}) => {
  const page = await app.inject({ url: `/o/${brand.slug}/register?${query}`, headers });
  expect(page.statusCode).toBe(200);
  const hidden = Object.fromEntries([...page.body.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  return { page, hidden: hidden as Record<string, string> };
};
const submit = (fields: Record<string, string>, headers: Record<string, string> = {}, file?: Parameters<typeof multipartForm>[1]) => {
  const form = multipartForm(fields, file);
  return app.inject({ method: 'POST', url: `/o/${brand.slug}/register`, payload: form.payload, headers: { ...form.headers, ...headers } });
};
const person = (email: string) => ({ name: 'Ana Díaz', email, phone: '', postal_code: '94103', country: 'US', purchase_date: '2026-11-01', retailer: 'Home Depot' });
const rows = (table: 'ownerships' | 'owners' | 'consent_records' | 'messages' | 'registration_conflicts' | 'events') =>
  db.selectFrom(table).selectAll().where('brand_id', '=', brand.brandId).execute() as Promise<Record<string, unknown>[]>;

describe('the registration page', () => {
  it('opens from a QR scan with the product, the serial, unticked consents and the warranty-rights statement', async () => {
    const { page, hidden } = await formFor(`gtin=${dishwasher.gtin}&serial=ab12345678&via=qr`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('Register your Clara Dishwasher');
    expect(page.body).toContain('Serial number AB12345678, read from the code you scanned.');
    expect(page.body).toMatch(/<input type="checkbox" id="consent_email" name="consent_email"\/>/);
    expect(page.body).not.toMatch(/name="consent_\w+" checked/);
    expect(page.body).toContain('Magnuson-Moss');
    expect(page.body).toContain('Civil Code section 1793.1');
    // No script is fetched up front: only the small inline loader, which imports the scanner when asked.
    expect(page.body).not.toMatch(/<script[^>]*\ssrc=/);
    expect(hidden).toMatchObject({ model_id: dishwasher.id, serial: 'AB12345678', identified_by: 'qr', source: 'qr' });
  });

  it('keeps what was typed and says next to each field what to fix', async () => {
    const { hidden } = await formFor(`gtin=${dishwasher.gtin}`);
    const response = await submit({ ...hidden, ...person('not-an-email'), serial: 'A1', purchase_date: '2099-01-01', phone: '555' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Please check 4 things to continue');
    expect(response.body).toContain('<span class="error" id="email-error">Enter an email address like name@example.com.</span>');
    expect(response.body).toMatch(/<input id="email" type="email"[^>]*aria-invalid="true" aria-describedby="email-error"[^>]*value="not-an-email"\/>/);
    expect(response.body).toContain('It should be 2 letters, then 8 digits');
    expect(response.body).toContain('value="Ana Díaz"');
    expect(await rows('ownerships')).toHaveLength(0);
  });

  it('registers once however often the form is sent, records consents with their words, and queues the confirmation', async () => {
    const { hidden } = await formFor(`gtin=${dishwasher.gtin}&serial=AB12345678&via=qr`);
    const fields = { ...hidden, ...person('ana@example.com'), consent_email: 'on' };
    const first = await submit(fields, { 'user-agent': 'Phone/1.0', 'x-forwarded-for': '203.0.113.9' });
    const second = await submit(fields);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    const ownerships = await rows('ownerships');
    expect(ownerships).toHaveLength(1);
    expect(ownerships[0]).toMatchObject({ serial: 'AB12345678', source: 'qr', identified_by: 'qr', purchase_date: '2026-11-01', retailer: 'Home Depot', safety_only: false });
    expect(first.headers.location).toMatch(new RegExp(`^/o/${brand.slug}/registered/${ownerships[0]?.id}\\?t=`));

    const consents = await rows('consent_records');
    expect(consents.map((c) => [c.channel, c.granted, c.source, c.ip, c.user_agent])).toEqual(
      expect.arrayContaining([['email', true, 'registration_page', '203.0.113.9', 'Phone/1.0'], ['sms', false, 'registration_page', '203.0.113.9', 'Phone/1.0']]),
    );
    expect(consents.find((c) => c.channel === 'email')?.wording).toBe('Email me tips, offers and news about my Casa Clara products.');
    expect(consents.find((c) => c.channel === 'email')?.wording_version).toMatch(/^[0-9a-f]{12}$/);

    const messages = await rows('messages');
    expect(messages.map((m) => [m.template, m.class, m.recipient])).toEqual([['registration_confirmation', 'service', 'ana@example.com']]);
    expect(String(messages[0]?.body_text)).toMatch(new RegExp(`/o/${brand.slug}/sign-in/[A-Za-z0-9_-]+\\?next=`));
    const events = (await rows('events')).map((e) => e.type);
    expect(events.filter((type) => type === 'ownership.registered')).toHaveLength(1);
    expect(events.filter((type) => type === 'consent.changed')).toHaveLength(2);

    const confirmation = await app.inject({ url: second.headers.location as string });
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain('Parts covered until November 1, 2028');
    expect(confirmation.body).toContain('Clean the filter: Every 30 days');
    expect(confirmation.body).toContain('help@clara.test');
    const stranger = await app.inject({ url: `/o/${brand.slug}/registered/${ownerships[0]?.id}?t=guess` });
    expect(stranger.statusCode).toBe(403);
  });

  it('tells a second claimant the unit is registered and records the case for the brand', async () => {
    const { hidden } = await formFor(`gtin=${dishwasher.gtin}&serial=AB12345678&via=qr`);
    const response = await submit({ ...hidden, ...person('buyer@example.com') });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('This Clara Dishwasher is already registered');
    expect(response.body).not.toContain('ana@example.com');
    expect(await rows('ownerships')).toHaveLength(1);
    expect(await rows('registration_conflicts')).toHaveLength(1);
  });

  it('registers a crib in safety-only mode: the rule’s purpose statement, a mailing address, no marketing consent', async () => {
    const { page, hidden } = await formFor(`gtin=${crib.gtin}`);
    expect(page.body).toContain('PRODUCT REGISTRATION FOR SAFETY ALERT OR RECALL ONLY');
    expect(page.body).not.toContain('name="consent_email"');
    expect(page.body).toContain('name="address"');
    const response = await submit({ ...hidden, ...person('safe@example.com'), serial: 'CR-26100001', address: '1 Main St', city: 'Springfield', region: 'IL', consent_email: 'on' });
    expect(response.statusCode).toBe(303);
    const owner = (await rows('owners')).find((o) => o.email === 'safe@example.com');
    expect(owner).toMatchObject({ safety_only: true, address: '1 Main St' });
    const ownership = (await rows('ownerships')).find((o) => o.owner_id === owner?.id);
    expect(ownership).toMatchObject({ safety_only: true, manufactured_on: '2026-03-02' });
    expect((await rows('consent_records')).filter((c) => c.owner_id === owner?.id)).toEqual([]);
  });

  it('speaks Spanish to a Spanish browser and switches language on request', async () => {
    const spanish = await app.inject({ url: `/o/${brand.slug}/register?gtin=${dishwasher.gtin}`, headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(spanish.body).toContain('<html lang="es"');
    expect(spanish.body).toContain('Registra tu Clara Dishwasher');
    expect(spanish.body).toMatch(/<a href="[^"]*lang=en" hrefLang="en" lang="en">English<\/a>/);
    const switched = await app.inject({ url: `/o/${brand.slug}/register?gtin=${dishwasher.gtin}&lang=en`, headers: { 'accept-language': 'es' } });
    expect(switched.body).toContain('<html lang="en"');
    expect(switched.cookies.find((c) => c.name === 'openox_lang')?.value).toBe('en');
  });

  it('keeps a receipt across a failed try and refuses a file that is not a photo or PDF', async () => {
    const { hidden } = await formFor(`gtin=${dishwasher.gtin}`);
    const fake = await submit({ ...hidden, ...person('receipt@example.com'), serial: 'CD12345678' }, {}, { field: 'proof', filename: 'receipt.jpg', contentType: 'image/jpeg', content: Buffer.from('just text') });
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('The receipt must be a photo (JPEG, PNG or WebP) or a PDF');

    const missingName = await submit({ ...hidden, ...person('receipt@example.com'), name: '', serial: 'CD12345678' }, {}, { field: 'proof', filename: 'receipt.png', contentType: 'image/png', content: tinyPng });
    expect(missingName.statusCode).toBe(422);
    const kept = /name="proof_file_id" value="([^"]+)"/.exec(missingName.body)?.[1];
    expect(missingName.body).toContain('Your receipt receipt.png is attached.');
    const done = await submit({ ...hidden, ...person('receipt@example.com'), serial: 'CD12345678', proof_file_id: kept as string });
    expect(done.statusCode).toBe(303);
    const ownership = (await rows('ownerships')).find((o) => o.serial === 'CD12345678');
    expect(ownership).toMatchObject({ proof_file_id: kept, proof_status: 'submitted' });
  });

  it('shows a friendly page for an unknown brand or product', async () => {
    expect((await app.inject({ url: '/o/no-such-brand/register' })).statusCode).toBe(404);
    const unknown = await app.inject({ url: `/o/${brand.slug}/register?model=00000000-0000-7000-8000-000000000000` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('We could not find that');
    expect(gs1CheckDigit('123')).toBeTypeOf('number');
  });
});
