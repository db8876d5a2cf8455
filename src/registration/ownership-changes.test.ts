import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, ownerCookie, testApp, testDatabase, validModel } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let other: TestBrand;
let gtin: string;
let personalGtin: string;

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db);
  other = await makeBrand(db, 'Other brand');
  gtin = freshGtin();
  personalGtin = freshGtin();
  const serialRules = [{ mask: 'TR########' }];
  const terms = { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' };
  for (const model of [validModel({ gtins: [gtin], warranty: terms, serialRules }), validModel({ gtins: [personalGtin], warranty: { ...terms, transferable: false }, serialRules })]) {
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: model })).statusCode).toBe(201);
  }
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

let units = 0;
const register = async (serial: string, email: string, options: { gtin?: string; purchaseDate?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/registrations',
    headers: bearer(brand.keys.agent),
    payload: { gtin: options.gtin ?? gtin, serial, purchaseDate: options.purchaseDate ?? '2026-06-01', owner: { email, name: 'Someone', postalCode: '10001', country: 'US' } },
  });
const newSerial = () => `TR${String(++units).padStart(2, '0')}${String(Date.now()).slice(-6)}`;
const ownershipRow = (id: string) => db.selectFrom('ownerships').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const transfer = (ownershipId: string, email: string, key = brand.keys.agent) =>
  app.inject({ method: 'POST', url: `/api/v1/ownerships/${ownershipId}/transfer`, headers: bearer(key), payload: { owner: { email, name: 'New Owner' }, transferredOn: '2026-10-01' } });

describe('transfer by an agent', () => {
  it('ends the old ownership, registers the unit to the new owner, and keeps the warranty from the first purchase', async () => {
    const first = (await register(newSerial(), 'seller@example.com')).json();
    const moved = await transfer(first.ownershipId, 'Buyer@Example.com');
    expect(moved.statusCode).toBe(201);
    const { ownershipId, ownerId } = moved.json();
    expect(await ownershipRow(first.ownershipId)).toMatchObject({ status: 'transferred' });
    expect(await ownershipRow(ownershipId)).toMatchObject({ status: 'active', transferred_from_id: first.ownershipId, purchase_date: '2026-10-01' });
    const buyer = await db.selectFrom('owners').select('email').where('id', '=', ownerId).executeTakeFirstOrThrow();
    expect(buyer.email).toBe('buyer@example.com');
    expect(await db.selectFrom('consent_records').select('id').where('owner_id', '=', ownerId).execute()).toHaveLength(0);

    const entitlement = (await app.inject({ url: `/api/v1/ownerships/${ownershipId}/entitlement`, headers: bearer(brand.keys.agent) })).json();
    expect(entitlement).toMatchObject({ startsOn: '2026-06-01', basis: 'purchase_date', parts: { until: '2028-06-01' } });
    const former = (await app.inject({ url: `/api/v1/ownerships/${first.ownershipId}/entitlement`, headers: bearer(brand.keys.agent) })).json();
    expect(former).toMatchObject({ covered: false, excludedBecause: 'transferred_away' });

    const events = await db.selectFrom('events').select(['type', 'payload']).where('subject_id', '=', first.ownershipId).where('type', '=', 'ownership.transferred').execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ toOwnershipId: ownershipId, toOwnerId: ownerId });
  });

  it('refuses to pass on an ownership that already ended, or to its own owner, and changes nothing', async () => {
    const first = (await register(newSerial(), 'twice@example.com')).json();
    expect((await transfer(first.ownershipId, 'twice@example.com')).statusCode).toBe(400);
    expect(await ownershipRow(first.ownershipId)).toMatchObject({ status: 'active' });
    expect((await transfer(first.ownershipId, 'one@example.com')).statusCode).toBe(201);
    const again = await transfer(first.ownershipId, 'two@example.com');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    expect(await db.selectFrom('owners').select('id').where('email', '=', 'two@example.com').where('brand_id', '=', brand.brandId).execute()).toHaveLength(0);
  });

  it('drops the warranty for the new owner when the terms do not transfer', async () => {
    const first = (await register(newSerial(), 'personal@example.com', { gtin: personalGtin })).json();
    const { ownershipId } = (await transfer(first.ownershipId, 'next@example.com')).json();
    const entitlement = (await app.inject({ url: `/api/v1/ownerships/${ownershipId}/entitlement`, headers: bearer(brand.keys.agent) })).json();
    expect(entitlement).toMatchObject({ covered: false, excludedBecause: 'not_transferable' });
  });

  it('is refused for another brand’s ownership', async () => {
    const first = (await register(newSerial(), 'mine@example.com')).json();
    expect((await transfer(first.ownershipId, 'thief@example.com', other.keys.admin)).statusCode).toBe(404);
    expect(await ownershipRow(first.ownershipId)).toMatchObject({ status: 'active' });
  });
});

describe('an owner who no longer has the product', () => {
  it('passes it on from My products; the next registration of the unit takes it over instead of conflicting', async () => {
    const serial = newSerial();
    const first = (await register(serial, 'gave-away@example.com')).json();
    const cookie = await ownerCookie(app, db, brand, first.ownerId);
    const page = await app.inject({ url: `/o/${brand.slug}/products/${first.ownershipId}/end`, headers: { cookie } });
    expect(page.body).toContain('I sold it or gave it away');
    const released = await app.inject({ method: 'POST', url: `/o/${brand.slug}/products/${first.ownershipId}/release`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(released.statusCode).toBe(303);

    const next = await register(serial, 'got-it@example.com');
    expect(next.statusCode).toBe(201);
    expect(next.json().outcome).toBe('registered');
    expect(await ownershipRow(next.json().ownershipId)).toMatchObject({ transferred_from_id: first.ownershipId });
    expect(next.json().entitlement).toMatchObject({ startsOn: '2026-06-01' });

    const products = await app.inject({ url: `/o/${brand.slug}/products`, headers: { cookie } });
    expect(products.body).toContain('Products you no longer have');
    expect(products.body).not.toContain(`/products/${first.ownershipId}/claim`);
    const detail = await app.inject({ url: `/o/${brand.slug}/products/${first.ownershipId}`, headers: { cookie } });
    expect(detail.statusCode).toBe(303);
  });

  it('retires it; another owner cannot end someone else’s product', async () => {
    const first = (await register(newSerial(), 'scrapped@example.com')).json();
    const stranger = (await register(newSerial(), 'stranger@example.com')).json();
    const strangerCookie = await ownerCookie(app, db, brand, stranger.ownerId);
    await app.inject({ method: 'POST', url: `/o/${brand.slug}/products/${first.ownershipId}/retire`, headers: { cookie: strangerCookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(await ownershipRow(first.ownershipId)).toMatchObject({ status: 'active' });

    const cookie = await ownerCookie(app, db, brand, first.ownerId);
    await app.inject({ method: 'POST', url: `/o/${brand.slug}/products/${first.ownershipId}/retire`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(await ownershipRow(first.ownershipId)).toMatchObject({ status: 'retired' });
    const audit = await db.selectFrom('audit_log').select(['actor_type', 'action']).where('subject_id', '=', first.ownershipId).execute();
    expect(audit).toEqual([{ actor_type: 'owner', action: 'ownership.retired' }]);
  });
});

describe('a registration conflict', () => {
  it('is settled by transferring the unit to the claimant', async () => {
    const serial = newSerial();
    const holder = (await register(serial, 'holder@example.com')).json();
    const claim = await register(serial, 'claimant@example.com', { purchaseDate: '2026-09-15' });
    expect(claim.statusCode).toBe(409);
    const conflictId = claim.json().error.details.conflictId;
    const settled = await app.inject({ method: 'POST', url: `/api/v1/registration-conflicts/${conflictId}/transfer`, headers: bearer(brand.keys.agent) });
    expect(settled.statusCode).toBe(201);
    expect(await ownershipRow(holder.ownershipId)).toMatchObject({ status: 'transferred' });
    expect(await ownershipRow(settled.json().ownershipId)).toMatchObject({ status: 'active', purchase_date: '2026-09-15', transferred_from_id: holder.ownershipId });
    const claimant = await db.selectFrom('owners').select('email').where('id', '=', settled.json().ownerId).executeTakeFirstOrThrow();
    expect(claimant.email).toBe('claimant@example.com');
    expect((await app.inject({ method: 'POST', url: `/api/v1/registration-conflicts/${conflictId}/transfer`, headers: bearer(brand.keys.agent) })).statusCode).toBe(404);
  });
});
