import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';
import { addDaysTo, todayUtc } from '../platform/calendar.ts';
import { addOwner, addOwnership } from './care-fixtures.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let stranger: TestBrand;
let modelId: string;

const call = (key: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(key), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Api Care Co');
  stranger = await makeBrand(db, 'Stranger Co');
  const model = await call(brand.keys.admin, 'POST', '/api/v1/models', validModel({ maintenanceSchedule: [{ name: 'Descale', intervalDays: 60 }] }));
  modelId = model.json().id;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const centre = { name: 'Midtown Repairs', addressLine1: '5 W 31st St', city: 'New York', region: 'NY', postalCode: '10001', country: 'us', services: ['repair', 'in_home_service'] };

describe('service centres API', () => {
  it('is described in the OpenAPI document by the schemas that validate it', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(doc.paths['/api/v1/service-centres'].post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/ServiceCentre');
    expect(doc.paths['/api/v1/ownerships/{id}/maintenance'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/OwnershipMaintenance');
    expect(doc.paths['/api/v1/models/{id}/resources/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'language']));
  });

  it('adds a centre placed from its postal code, changes, deactivates and removes it', async () => {
    const created = await call(brand.keys.admin, 'POST', '/api/v1/service-centres', centre);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ country: 'US', active: true, addressLine2: null, services: ['repair', 'in_home_service'] });
    expect(body.latitude).toBeCloseTo(40.75, 1);
    expect(body.longitude).toBeCloseTo(-74.0, 1);

    const moved = await call(brand.keys.admin, 'PATCH', `/api/v1/service-centres/${body.id}`, { postalCode: '60601', city: 'Chicago' });
    expect(moved.json().latitude).toBeCloseTo(41.89, 1);
    const placed = await call(brand.keys.admin, 'PATCH', `/api/v1/service-centres/${body.id}`, { latitude: 41.5, longitude: -87.5 });
    expect(placed.json()).toMatchObject({ latitude: 41.5, longitude: -87.5, postalCode: '60601' });

    expect((await call(brand.keys.admin, 'PATCH', `/api/v1/service-centres/${body.id}`, { active: false })).json().active).toBe(false);
    const active = await call(brand.keys.agent, 'GET', '/api/v1/service-centres?active=true');
    expect(active.json().data.map((c: { id: string }) => c.id)).not.toContain(body.id);
    const inactive = await call(brand.keys.agent, 'GET', '/api/v1/service-centres?active=false');
    expect(inactive.json().data.map((c: { id: string }) => c.id)).toContain(body.id);

    expect((await call(brand.keys.admin, 'DELETE', `/api/v1/service-centres/${body.id}`)).statusCode).toBe(204);
    expect((await call(brand.keys.admin, 'GET', `/api/v1/service-centres/${body.id}`)).statusCode).toBe(404);
  });

  it('asks for coordinates when the postal code cannot be placed, and for both of them', async () => {
    const unknown = await call(brand.keys.admin, 'POST', '/api/v1/service-centres', { ...centre, postalCode: '00000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('the postal code 00000 is not one OpenOX knows in US');
    const abroad = await call(brand.keys.admin, 'POST', '/api/v1/service-centres', { ...centre, postalCode: '28001', country: 'ES' });
    expect(abroad.json().error.message).toContain('postal codes are placed only in US and CA');
    const half = await call(brand.keys.admin, 'POST', '/api/v1/service-centres', { ...centre, latitude: 40 });
    expect(half.statusCode).toBe(400);
    const given = await call(brand.keys.admin, 'POST', '/api/v1/service-centres', { ...centre, postalCode: '28001', country: 'ES', latitude: 40.42, longitude: -3.7 });
    expect(given.statusCode).toBe(201);
  });

  it('lets catalog readers read and only catalog writers change', async () => {
    expect((await call(brand.keys.analyst, 'GET', '/api/v1/service-centres')).statusCode).toBe(200);
    expect((await call(brand.keys.agent, 'POST', '/api/v1/service-centres', centre)).statusCode).toBe(403);
  });

  it('answers nearest centres by postal code or point, and explains an unknown postal code', async () => {
    await call(brand.keys.admin, 'POST', '/api/v1/service-centres', { ...centre, name: 'Philly Fix', postalCode: '19103', city: 'Philadelphia' });
    await call(brand.keys.admin, 'POST', '/api/v1/service-centres', { ...centre, name: 'Boston Fix', postalCode: '02108', city: 'Boston' });
    const nearest = await call(brand.keys.agent, 'GET', '/api/v1/service-centres/nearest?postalCode=19104&country=US&limit=2');
    expect(nearest.json().data.map((n: { centre: { name: string } }) => n.centre.name)).toEqual(['Philly Fix', 'Boston Fix']);
    expect(nearest.json().data[0].distanceKm).toBeLessThan(5);
    const byPoint = await call(brand.keys.agent, 'GET', '/api/v1/service-centres/nearest?latitude=42.36&longitude=-71.06&limit=1');
    expect(byPoint.json().data[0].centre.name).toBe('Boston Fix');
    const unknown = await call(brand.keys.agent, 'GET', '/api/v1/service-centres/nearest?postalCode=00000&country=US');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'validation_failed', message: 'The postal code 00000 is not one OpenOX knows in US.' });
  });

  it("shows another brand's key nothing, and lets it change nothing", async () => {
    const created = (await call(brand.keys.admin, 'POST', '/api/v1/service-centres', centre)).json();
    const list = await call(stranger.keys.admin, 'GET', '/api/v1/service-centres');
    expect(list.json().data).toEqual([]);
    expect((await call(stranger.keys.admin, 'GET', `/api/v1/service-centres/${created.id}`)).statusCode).toBe(404);
    expect((await call(stranger.keys.admin, 'PATCH', `/api/v1/service-centres/${created.id}`, { active: false })).statusCode).toBe(404);
    expect((await call(stranger.keys.admin, 'DELETE', `/api/v1/service-centres/${created.id}`)).statusCode).toBe(404);
    expect((await call(stranger.keys.admin, 'GET', '/api/v1/service-centres/nearest?postalCode=10001')).json().data).toEqual([]);
    expect((await call(brand.keys.admin, 'GET', `/api/v1/service-centres/${created.id}`)).json().active).toBe(true);
  });
});

describe('ownership maintenance API', () => {
  it('gives agents the schedule and logs a completion that moves the next due date', async () => {
    const ownerId = await addOwner(db, brand.brandId, { email: 'api-upkeep@example.com' });
    const bought = addDaysTo(todayUtc(), -90);
    const ownership = await addOwnership(db, brand.brandId, ownerId, modelId, { purchaseDate: bought });
    const before = await call(brand.keys.agent, 'GET', `/api/v1/ownerships/${ownership}/maintenance`);
    expect(before.statusCode).toBe(200);
    const task = before.json().tasks[0];
    expect(before.json()).toMatchObject({ ownershipId: ownership, startsOn: bought, basis: 'purchase_date', history: [] });
    expect(task).toMatchObject({ name: 'Descale', dueOn: addDaysTo(bought, 60), status: 'overdue', lastDoneOn: null });

    const doneOn = addDaysTo(todayUtc(), -5);
    const logged = await call(brand.keys.agent, 'POST', `/api/v1/ownerships/${ownership}/maintenance`, { taskId: task.taskId, doneOn, note: 'Customer called' });
    expect(logged.statusCode).toBe(201);
    expect(logged.json().logged).toMatchObject({ taskName: 'Descale', doneOn, loggedBy: 'staff', actorLabel: expect.stringContaining('agent key'), note: 'Customer called' });
    expect(logged.json().maintenance.tasks[0]).toMatchObject({ lastDoneOn: doneOn, dueOn: addDaysTo(doneOn, 60), status: 'ok' });
    const event = await db.selectFrom('events').select('payload').where('brand_id', '=', brand.brandId).where('type', '=', 'maintenance.logged').where('subject_id', '=', ownership).executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ taskName: 'Descale', doneOn, loggedBy: 'staff' });

    const future = await call(brand.keys.agent, 'POST', `/api/v1/ownerships/${ownership}/maintenance`, { taskId: task.taskId, doneOn: addDaysTo(todayUtc(), 2) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'body.doneOn', message: 'The date cannot be in the future.' }]);
    const wrongTask = await call(brand.keys.agent, 'POST', `/api/v1/ownerships/${ownership}/maintenance`, { taskId: ownership });
    expect(wrongTask.json().error.details[0].path).toBe('body.taskId');

    expect((await call(brand.keys.analyst, 'GET', `/api/v1/ownerships/${ownership}/maintenance`)).statusCode).toBe(403);
    expect((await call(brand.keys.marketer, 'POST', `/api/v1/ownerships/${ownership}/maintenance`, { taskId: task.taskId })).statusCode).toBe(403);
    expect((await call(stranger.keys.admin, 'GET', `/api/v1/ownerships/${ownership}/maintenance`)).statusCode).toBe(404);
    expect((await call(stranger.keys.admin, 'POST', `/api/v1/ownerships/${ownership}/maintenance`, { taskId: task.taskId })).statusCode).toBe(404);
    const history = (await call(brand.keys.agent, 'GET', `/api/v1/ownerships/${ownership}/maintenance`)).json().history;
    expect(history).toHaveLength(1);
  });
});

describe('resource search API', () => {
  it('finds a misspelled article, and sees resources added, changed or removed by any process', async () => {
    const add = (payload: object) => call(brand.keys.admin, 'POST', `/api/v1/models/${modelId}/resources`, payload);
    const leak = (await add({ kind: 'troubleshooting', stage: 'caring', title: 'Water on the floor', body: 'A leaking dishwasher usually has a worn door seal.' })).json();
    await add({ kind: 'faq', stage: 'enjoying', title: 'Cloudy glasses', body: 'Use rinse aid.' });
    const search = (q: string, key = brand.keys.analyst) => call(key, 'GET', `/api/v1/models/${modelId}/resources/search?q=${encodeURIComponent(q)}`);

    const found = await search('dishwaser leek');
    expect(found.statusCode).toBe(200);
    expect(found.json().data[0]).toMatchObject({ resource: { id: leak.id, title: 'Water on the floor' }, excerpt: 'A leaking dishwasher usually has a worn door seal.' });
    expect(found.json().data[0].score).toBeGreaterThan(0);

    // Changed through the API: the cached index is rebuilt.
    await call(brand.keys.admin, 'PATCH', `/api/v1/resources/${leak.id}`, { body: 'Check the drain hose clamp.' });
    expect((await search('clamp')).json().data.map((hit: { resource: { id: string } }) => hit.resource.id)).toEqual([leak.id]);
    // Changed behind this process's back (another web process): the fingerprint still tells.
    await db.updateTable('resources').set({ title: 'Puddle under the door', updated_at: new Date() }).where('id', '=', leak.id).execute();
    expect((await search('puddle')).json().data[0].resource.title).toBe('Puddle under the door');
    await call(brand.keys.admin, 'DELETE', `/api/v1/resources/${leak.id}`);
    expect((await search('puddle')).json().data).toEqual([]);

    expect((await search('rinse', stranger.keys.admin)).statusCode).toBe(404);
  });
});
