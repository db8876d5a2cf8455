import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { openRecallsFor, openRecallsOfModel } from './recalls.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let modelId: string;

const post = (url: string, payload?: object, key = brand.keys.admin) => app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers: bearer(key) });
const get = (url: string, key = brand.keys.agent) => app.inject({ url, headers: bearer(key) });
const recall = (overrides: object = {}) => ({ modelId, title: 'Door hinge', hazard: 'The door can fall off.', remedy: 'Stop using it; we will repair it for free.', ...overrides });

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db);
  modelId = (await post('/api/v1/models', validModel())).json().id;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('recalls', () => {
  it('are announced with their serials normalised, audited and published', async () => {
    const response = await post('/api/v1/recalls', recall({ serials: ['ab 12', 'AB12', 'cd-3'], url: 'https://acme.example/recall' }));
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      modelId, title: 'Door hinge', serials: ['AB12', 'CD-3'], manufacturedFrom: null, manufacturedTo: null,
      url: 'https://acme.example/recall', status: 'open', closedAt: null, announcedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect((await get(`/api/v1/recalls/${created.id}`)).json()).toEqual(created);
    const audit = await db.selectFrom('audit_log').select(['action', 'changes']).where('subject_id', '=', created.id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'recall.announced', changes: expect.objectContaining({ serialCount: 2 }) })]);
    const events = await db.selectFrom('events').select(['type', 'payload']).where('subject_id', '=', created.id).execute();
    expect(events).toEqual([{ type: 'recall.announced', payload: { recall: expect.objectContaining({ title: 'Door hinge', serialCount: 2 }) } }]);
  });

  it('are refused when the request is not valid or not allowed', async () => {
    const backwards = await post('/api/v1/recalls', recall({ manufacturedFrom: '2025-06-01', manufacturedTo: '2025-01-01' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([expect.objectContaining({ path: 'body.manufacturedTo' })]);
    const otherBrand = await makeBrand(db);
    const foreignModel = await post('/api/v1/recalls', recall(), otherBrand.keys.admin);
    expect(foreignModel.statusCode).toBe(400);
    expect(foreignModel.json().error.message).toContain('modelId');
    expect((await post('/api/v1/recalls', recall({ serials: [] }))).statusCode).toBe(400);
    expect((await post('/api/v1/recalls', recall({ severity: 'high' }))).statusCode).toBe(400);
    expect((await post('/api/v1/recalls', recall(), brand.keys.marketer)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/recalls', payload: recall() })).statusCode).toBe(401);
  });

  it('are listed newest first, a page at a time, by model and status', async () => {
    const own = await makeBrand(db);
    const model = (await post('/api/v1/models', validModel(), own.keys.admin)).json().id;
    const ids: string[] = [];
    for (const title of ['First', 'Second', 'Third']) ids.push((await post('/api/v1/recalls', recall({ modelId: model, title }), own.keys.admin)).json().id);
    expect((await post(`/api/v1/recalls/${ids[0]}/close`, undefined, own.keys.admin)).statusCode).toBe(200);

    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { title: string }[]; nextCursor: string | null } = (await get(`/api/v1/recalls?limit=2${cursor ? `&cursor=${cursor}` : ''}`, own.keys.analyst)).json();
      titles.push(...page.data.map((item) => item.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['Third', 'Second', 'First']);
    const open = (await get(`/api/v1/recalls?status=open&modelId=${model}`, own.keys.analyst)).json();
    expect(open.data.map((item: { title: string }) => item.title)).toEqual(['Third', 'Second']);
    expect((await get(`/api/v1/recalls?status=closed`, own.keys.analyst)).json().data.map((item: { title: string }) => item.title)).toEqual(['First']);
    // Another brand's recalls are not there.
    expect((await get('/api/v1/recalls')).json().data.map((item: { id: string }) => item.id)).not.toContain(ids[1]);
  });

  it('are closed once, by the brand that announced them', async () => {
    const id = (await post('/api/v1/recalls', recall())).json().id;
    const other = await makeBrand(db);
    expect((await post(`/api/v1/recalls/${id}/close`, undefined, other.keys.admin)).statusCode).toBe(404);
    expect((await post(`/api/v1/recalls/${id}/close`, undefined, brand.keys.marketer)).statusCode).toBe(403);
    const closed = await post(`/api/v1/recalls/${id}/close`);
    expect(closed.json()).toMatchObject({ id, status: 'closed', closedAt: expect.any(String) });
    const again = await post(`/api/v1/recalls/${id}/close`);
    expect(again.json().closedAt).toBe(closed.json().closedAt);
    const events = await db.selectFrom('events').select('type').where('subject_id', '=', id).orderBy('id').execute();
    expect(events.map((event) => event.type)).toEqual(['recall.announced', 'recall.closed']);
  });
});

describe('openRecallsFor', () => {
  it('matches a unit by serial, by date of manufacture, or every unit; closed recalls never', async () => {
    const own = await makeBrand(db);
    const model = (await post('/api/v1/models', validModel(), own.keys.admin)).json().id;
    const announce = async (title: string, fields: object) => (await post('/api/v1/recalls', recall({ modelId: model, title, ...fields }), own.keys.admin)).json().id as string;
    await announce('serials', { serials: ['SN-1', 'SN-2'] });
    await announce('dates', { manufacturedFrom: '2024-01-01', manufacturedTo: '2024-06-30' });
    await announce('from', { manufacturedFrom: '2025-03-01' });
    await announce('both', { serials: ['SN-9'], manufacturedTo: '2023-12-31' });
    const closed = await announce('closed', {});
    await post(`/api/v1/recalls/${closed}/close`, undefined, own.keys.admin);

    const titles = (serial: string | null, day: string | null) =>
      inBrand(db, own.brandId, async (scope) => (await openRecallsFor(scope, model, serial, day)).map((item) => item.title).sort());
    expect(await titles('sn-1 ', null)).toEqual(['serials']);
    expect(await titles('SN-3', '2024-03-15')).toEqual(['dates']);
    expect(await titles(null, '2024-06-30')).toEqual(['dates']);
    expect(await titles(null, '2026-01-01')).toEqual(['from']);
    expect(await titles('SN-9', '2025-01-01')).toEqual(['both']);
    expect(await titles('SN-8', '2023-05-01')).toEqual(['both']);
    expect(await titles(null, null)).toEqual([]);

    const everyUnit = await announce('every unit', {});
    expect(await titles(null, null)).toEqual(['every unit']);
    const open = await inBrand(db, own.brandId, (scope) => openRecallsOfModel(scope, model));
    expect(open.map((item) => item.id)).toContain(everyUnit);
    expect(open.map((item) => item.id)).not.toContain(closed);
  });
});
