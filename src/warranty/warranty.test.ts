import { addDays, addMonths } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, ownerCookie, testApp, testDatabase, validModel } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';
import { publishExpiringWarranties } from './warranty-expiring.tasks.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let other: TestBrand;
let gtin: string;

const day = (date: Date) => date.toISOString().slice(0, 10);
const today = day(new Date());
const monthsAgo = (months: number, plusDays = 0) => day(addDays(addMonths(new Date(`${today}T00:00:00Z`), -months), plusDays));

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db);
  other = await makeBrand(db, 'Other brand');
  gtin = freshGtin();
  // Proof not required: the stated purchase date counts as given.
  const model = validModel({ gtins: [gtin], warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' } });
  expect((await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: model })).statusCode).toBe(201);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

let serials = 0;
async function register(purchaseDate: string, postalCode = '10001') {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/registrations',
    headers: bearer(brand.keys.agent),
    payload: { gtin, serial: `W-${++serials}-${Date.now()}`, purchaseDate, owner: { email: `owner${serials}@example.com`, name: 'Wen Owner', postalCode, country: 'US' } },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { ownershipId: string; ownerId: string; entitlement: { startsOn: string } };
}
const entitlementOf = (ownershipId: string, key = brand.keys.agent) => app.inject({ url: `/api/v1/ownerships/${ownershipId}/entitlement`, headers: bearer(key) });

describe('warranty entitlement over the API', () => {
  it('counts from a later delivery in California, explains why, and refuses a day to come', async () => {
    const purchased = monthsAgo(3);
    const { ownershipId, entitlement } = await register(purchased, '94103');
    expect(entitlement.startsOn).toBe(purchased);

    const delivered = monthsAgo(3, 9);
    const changed = await app.inject({ method: 'PATCH', url: `/api/v1/ownerships/${ownershipId}/warranty-facts`, headers: bearer(brand.keys.agent), payload: { deliveredOn: delivered } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ covered: true, startsOn: delivered, basis: 'delivery_date', parts: { covered: true, until: day(addMonths(new Date(`${delivered}T00:00:00Z`), 24)) } });
    expect(changed.json().reasons[0]).toEqual({
      code: 'starts_delivery_law',
      params: { date: delivered, purchased, law: 'California Civil Code 1795.6' },
      text: `Coverage starts on the day it was delivered or installed, ${delivered}, as California Civil Code 1795.6 provides.`,
    });

    const future = await app.inject({ method: 'PATCH', url: `/api/v1/ownerships/${ownershipId}/warranty-facts`, headers: bearer(brand.keys.agent), payload: { purchaseDate: day(addDays(new Date(), 2)) } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('body.purchaseDate');
    expect((await entitlementOf(ownershipId)).json().basis).toBe('delivery_date');
  });

  it('is the brand’s own: another brand’s key finds no such ownership', async () => {
    const { ownershipId } = await register(monthsAgo(1));
    expect((await entitlementOf(ownershipId, other.keys.admin)).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/v1/ownerships/${ownershipId}/care-plans`, headers: bearer(other.keys.admin), payload: { name: 'X', startsOn: today, months: 12 } })).statusCode).toBe(404);
  });
});

describe('care plans', () => {
  it('extend labour past the base warranty, once per reference, and stop covering when cancelled', async () => {
    const { ownershipId } = await register(monthsAgo(13));
    expect((await entitlementOf(ownershipId)).json()).toMatchObject({ labour: { covered: false }, parts: { covered: true } });

    const plan = { name: 'Care+ 2 years', covers: 'labour', startsOn: monthsAgo(1), months: 24, price: { amountMinor: 12999, currency: 'USD' }, reference: `order-${ownershipId}` };
    const added = await app.inject({ method: 'POST', url: `/api/v1/ownerships/${ownershipId}/care-plans`, headers: bearer(brand.keys.agent), payload: plan });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ endsOn: day(addMonths(new Date(`${plan.startsOn}T00:00:00Z`), 24)), price: { amountMinor: 12999, currency: 'USD' } });
    const again = await app.inject({ method: 'POST', url: `/api/v1/ownerships/${ownershipId}/care-plans`, headers: bearer(brand.keys.agent), payload: plan });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(added.json().id);
    const elsewhere = await register(monthsAgo(2));
    expect((await app.inject({ method: 'POST', url: `/api/v1/ownerships/${elsewhere.ownershipId}/care-plans`, headers: bearer(brand.keys.agent), payload: plan })).statusCode).toBe(409);

    expect((await entitlementOf(ownershipId)).json()).toMatchObject({ labour: { covered: true, until: added.json().endsOn }, carePlan: { name: 'Care+ 2 years' } });
    const events = await db.selectFrom('events').select('type').where('subject_id', '=', ownershipId).execute();
    expect(events.filter((event) => event.type === 'care_plan.added')).toHaveLength(1);

    expect((await app.inject({ method: 'POST', url: `/api/v1/care-plans/${added.json().id}/cancel`, headers: bearer(brand.keys.agent) })).statusCode).toBe(200);
    expect((await entitlementOf(ownershipId)).json()).toMatchObject({ labour: { covered: false }, carePlan: null });
  });

  it('refuses a plan with neither an end nor a length', async () => {
    const { ownershipId } = await register(monthsAgo(1));
    const response = await app.inject({ method: 'POST', url: `/api/v1/ownerships/${ownershipId}/care-plans`, headers: bearer(brand.keys.agent), payload: { name: 'Care+', startsOn: today } });
    expect(response.statusCode).toBe(400);
    expect(await db.selectFrom('care_plans').select('id').where('ownership_id', '=', ownershipId).execute()).toHaveLength(0);
  });
});

describe('warranty.expiring', () => {
  it('is published once for coverage ending within the notice period, however often the job runs', async () => {
    // Parts (24 months) end in 10 days; labour (12 months) ended long ago.
    const ending = await register(day(addDays(addMonths(new Date(`${today}T00:00:00Z`), -24), 10)));
    const later = await register(day(addDays(addMonths(new Date(`${today}T00:00:00Z`), -24), 40)));
    await publishExpiringWarranties(db, today);
    await publishExpiringWarranties(db, today);
    const eventsOf = (ownershipId: string) => db.selectFrom('events').select(['type', 'payload']).where('subject_id', '=', ownershipId).where('type', '=', 'warranty.expiring').execute();
    const published = await eventsOf(ending.ownershipId);
    expect(published).toHaveLength(1);
    expect(published[0]?.payload).toMatchObject({ ownershipId: ending.ownershipId, endsOn: day(addDays(new Date(`${today}T00:00:00Z`), 10)) });
    expect(await eventsOf(later.ownershipId)).toHaveLength(0);

    // With a 60-day notice period, the later one is due too.
    expect((await app.inject({ method: 'PUT', url: '/api/v1/warranty-settings', headers: bearer(brand.keys.admin), payload: { expiryNoticeDays: 60 } })).statusCode).toBe(200);
    await publishExpiringWarranties(db, today);
    expect(await eventsOf(later.ownershipId)).toHaveLength(1);
    expect(await eventsOf(ending.ownershipId)).toHaveLength(1);
  });
});

describe('the owner’s warranty', () => {
  it('shows on My products and the product page, with the facts it rests on', async () => {
    const purchased = monthsAgo(2);
    const { ownershipId, ownerId } = await register(purchased);
    const cookie = await ownerCookie(app, db, brand, ownerId);
    const list = await app.inject({ url: `/o/${brand.slug}/products`, headers: { cookie } });
    expect(list.body).toContain('Covered until');
    expect(list.body).toContain(`/o/${brand.slug}/products/${ownershipId}/claim`);
    const page = await app.inject({ url: `/o/${brand.slug}/products/${ownershipId}`, headers: { cookie } });
    expect(page.body).toContain('Parts covered until');
    expect(page.body).toContain('Coverage starts on your purchase date');
    const spanish = await app.inject({ url: `/o/${brand.slug}/products/${ownershipId}?lang=es`, headers: { cookie } });
    expect(spanish.body).toContain('Piezas cubiertas hasta el');
  });
});
