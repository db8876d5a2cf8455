import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let gtin: string;

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db);
  gtin = freshGtin();
  const created = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ gtins: [gtin], serialRules: [{ mask: 'SN-YYWW####' }] }) });
  expect(created.statusCode).toBe(201);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const registration = (overrides: Record<string, unknown> = {}) => ({
  gtin,
  serial: 'SN-26100001',
  purchaseDate: '2026-05-01',
  retailer: 'Till 4, Main Street store',
  owner: { email: 'pos@example.com', name: 'Pat Till', postalCode: '94103', country: 'US' },
  consents: [{ channel: 'email', granted: true, wording: 'Send me news by email.' }],
  ...overrides,
});
const post = (body: unknown, headers: Record<string, string> = {}, key = brand.keys.agent) =>
  app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body as object, headers: { ...bearer(key), ...headers } });

describe('POST /api/v1/registrations', () => {
  it('registers, decodes the date of manufacture, and replays a retried request', async () => {
    const first = await post(registration(), { 'idempotency-key': 'pos-sale-1' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ outcome: 'registered', serial: 'SN-26100001', manufacturedOn: '2026-03-02', safetyOnly: false, entitlement: { startsOn: '2026-05-01', basis: 'purchase_date', parts: { until: '2028-05-01' }, labour: { until: '2027-05-01' } } });
    const retry = await post(registration(), { 'idempotency-key': 'pos-sale-1' });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const consent = await db.selectFrom('consent_records').selectAll().where('owner_id', '=', first.json().ownerId).execute();
    expect(consent.map((c) => [c.channel, c.granted, c.source, c.wording])).toEqual([['email', true, 'api', 'Send me news by email.']]);
  });

  it('answers the same owner registering the same unit with already_registered', async () => {
    const again = await post(registration({ consents: [] }));
    expect(again.statusCode).toBe(200);
    expect(again.json().outcome).toBe('already_registered');
  });

  it('refuses a unit another owner holds with 409 and records the claim', async () => {
    const other = await post(registration({ owner: { email: 'second@example.com', name: 'Second Hand', postalCode: '10001' } }));
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('registration_conflict');
    const conflicts = await db.selectFrom('registration_conflicts').select('id').where('brand_id', '=', brand.brandId).execute();
    expect(conflicts.map((c) => c.id)).toEqual([other.json().error.details.conflictId]);
  });

  it('points at each wrong field in the JSON sent', async () => {
    const response = await post(registration({ serial: 'XX', owner: { email: 'nope', name: '' }, purchaseDate: '2099-01-01' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual(expect.arrayContaining([
      { path: 'body.owner.email', message: 'Enter an email address like name@example.com.' },
      { path: 'body.owner.name', message: 'Enter your full name.' },
      { path: 'body.serial', message: expect.stringContaining('"SN-", then 2 digits of the year made') },
      { path: 'body.purchaseDate', message: 'The date of purchase cannot be in the future.' },
    ]));
  });

  it('says when a GTIN is not one of the brand’s', async () => {
    const response = await post(registration({ gtin: '09506000134352' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'body.gtin', message: 'No model of your brand has this GTIN.' }]);
  });

  it('is not open to analysts', async () => {
    expect((await post(registration(), {}, brand.keys.analyst)).statusCode).toBe(403);
  });
});
