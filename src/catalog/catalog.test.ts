import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(brand.keys.admin), ...headers } });
const countModels = async () =>
  (await db.selectFrom('models').select((eb) => eb.fn.countAll<number>().as('n')).where('brand_id', '=', brand.brandId).executeTakeFirstOrThrow()).n;

describe('models', () => {
  it('are created, read, listed, changed and deleted through the API', async () => {
    const created = await post('/api/v1/models', validModel({
      gtins: ['4006381333931', '0860001290011'],
      serialRules: [{ mask: 'AA########' }],
      maintenanceSchedule: [{ name: 'Clean the filter', intervalDays: 30 }],
    }));
    expect(created.statusCode).toBe(201);
    const model = created.json();
    expect(model.gtins).toEqual(['00860001290011', '04006381333931']);
    expect(model.serialRules).toEqual([{ mask: 'AA########', description: '2 letters, then 8 digits' }]);
    expect(model.maintenanceSchedule).toEqual([{ name: 'Clean the filter', intervalDays: 30, instructions: '' }]);

    const read = await app.inject({ url: `/api/v1/models/${model.id}`, headers: bearer(brand.keys.agent) });
    expect(read.json()).toEqual(model);

    const byGtin = await app.inject({ url: '/api/v1/models?gtin=4006381333931', headers: bearer(brand.keys.analyst) });
    expect(byGtin.json().data.map((m: { id: string }) => m.id)).toEqual([model.id]);

    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/models/${model.id}`,
      headers: bearer(brand.keys.admin),
      payload: { name: 'Renamed', gtins: ['4006381333931'], warranty: { ...model.warranty, partsMonths: 36 } },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Renamed', gtins: ['04006381333931'], warranty: { partsMonths: 36 }, serialRules: model.serialRules });

    const audit = await app.inject({ url: `/api/v1/audit-log?subjectId=${model.id}`, headers: bearer(brand.keys.admin) });
    const entries = audit.json().data;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['model.updated', 'model.created']);
    expect(entries[0]).toMatchObject({ actorType: 'api_key', actorLabel: expect.stringContaining('admin key'), changes: { name: [model.name, 'Renamed'] } });

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/models/${model.id}`, headers: bearer(brand.keys.admin) })).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/v1/models/${model.id}`, headers: bearer(brand.keys.admin) })).statusCode).toBe(404);

    const events = await db.selectFrom('events').select('type').where('subject_id', '=', model.id).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['model.created', 'model.updated', 'model.deleted']);
  });

  it('page through a list with a cursor', async () => {
    const other = await makeBrand(db);
    for (let i = 0; i < 5; i++) {
      await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(other.keys.admin), payload: validModel({ name: `M${i}` }) });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await app.inject({ url: `/api/v1/models?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(other.keys.admin) });
      const page: { data: { name: string }[]; nextCursor: string | null } = response.json();
      names.push(...page.data.map((m) => m.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['M4', 'M3', 'M2', 'M1', 'M0']);
    const bad = await app.inject({ url: '/api/v1/models?cursor=not-a-cursor', headers: bearer(other.keys.admin) });
    expect(bad.json().error.code).toBe('invalid_cursor');
  });

  it('keep resources in lifecycle order', async () => {
    const model = (await post('/api/v1/models', validModel())).json();
    for (const [kind, stage, title] of [['faq', 'enjoying', 'FAQ'], ['quick_start', 'unboxing', 'Start'], ['troubleshooting', 'caring', 'Fix']] as const) {
      const response = await post(`/api/v1/models/${model.id}/resources`, { kind, stage, title, body: 'text' });
      expect(response.statusCode).toBe(201);
    }
    const video = await post(`/api/v1/models/${model.id}/resources`, { kind: 'video', stage: 'onboarding', title: 'Video', body: 'no url' });
    expect(video.statusCode).toBe(400);
    expect(video.json().error.message).toContain('A video needs its url');
    const list = await app.inject({ url: `/api/v1/models/${model.id}/resources`, headers: bearer(brand.keys.agent) });
    expect(list.json().data.map((r: { title: string }) => r.title)).toEqual(['Start', 'FAQ', 'Fix']);
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  it.each([
    ['a malformed body', '{"name": "x",', { 'content-type': 'application/json' }, 400, 'invalid_json', 'not valid JSON'],
    ['an unknown field', JSON.stringify(validModel({ colour: 'red' })), { 'content-type': 'application/json' }, 400, 'validation_failed', 'unknown field "colour"'],
    ['an invalid GTIN', JSON.stringify(validModel({ gtins: ['4006381333932'] })), { 'content-type': 'application/json' }, 400, 'validation_failed', 'check digit (last digit) should be 1'],
    ['a bad serial mask', JSON.stringify(validModel({ serialRules: [{ mask: 'AA ##' }] })), { 'content-type': 'application/json' }, 400, 'validation_failed', 'no spaces'],
    ['negative warranty months', JSON.stringify(validModel({ warranty: { partsMonths: -1, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' } })), { 'content-type': 'application/json' }, 400, 'validation_failed', 'body.warranty.partsMonths: Months cannot be negative.'],
    ['a maintenance task without an interval', JSON.stringify(validModel({ maintenanceSchedule: [{ name: 'Descale' }] })), { 'content-type': 'application/json' }, 400, 'validation_failed', 'body.maintenanceSchedule.0.intervalDays: Give how often, in days.'],
    ['a missing warranty', JSON.stringify({ name: 'x', sku: 'y', category: 'z' }), { 'content-type': 'application/json' }, 400, 'validation_failed', 'body.warranty'],
    ['a wrong content type', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type', 'application/json'],
    ['plain text', 'hello', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type', 'application/json'],
    ['an oversized body', JSON.stringify(validModel({ description: 'x'.repeat(2 * 1024 * 1024) })), { 'content-type': 'application/json' }, 413, 'payload_too_large', 'larger'],
  ])('%s', async (_case, payload, headers, status, code, message) => {
    const before = await countModels();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', payload, headers: { ...bearer(brand.keys.admin), ...headers } });
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body.error.code).toBe(code);
    const details = Array.isArray(body.error.details) ? body.error.details : [];
    const text = [body.error.message, ...details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`)].join('\n');
    expect(text).toContain(message);
    expect(await countModels()).toBe(before);
  });

  it('a duplicate SKU or GTIN is a 409 that names the clash', async () => {
    const first = (await post('/api/v1/models', validModel({ gtins: ['0860001234534'] }))).json();
    const sameSku = await post('/api/v1/models', validModel({ sku: first.sku }));
    expect(sameSku.statusCode).toBe(409);
    expect(sameSku.json().error.message).toContain(first.sku);
    const sameGtin = await post('/api/v1/models', validModel({ gtins: ['860001234534'] }));
    expect(sameGtin.statusCode).toBe(409);
    expect(sameGtin.json().error.details).toMatchObject({ field: 'gtins', gtin: '00860001234534' });
  });

  it('a GTIN held by another brand is refused without showing that brand', async () => {
    const other = await makeBrand(db);
    const gtin = '0860001239997';
    const taken = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(other.keys.admin), payload: validModel({ gtins: [gtin] }) });
    expect(taken.statusCode).toBe(201);
    const clash = await post('/api/v1/models', validModel({ gtins: [gtin] }));
    expect(clash.statusCode).toBe(409);
    expect(JSON.stringify(clash.json())).not.toContain(other.brandId);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer to a retried POST and creates one model', async () => {
    const before = await countModels();
    const body = validModel();
    const first = await post('/api/v1/models', body, { 'idempotency-key': 'retry-1' });
    const retry = await post('/api/v1/models', body, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await countModels()).toBe(before + 1);
  });

  it('gives concurrent duplicates one record', async () => {
    const before = await countModels();
    const body = validModel();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post('/api/v1/models', body, { 'idempotency-key': 'burst-1' })));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(await countModels()).toBe(before + 1);
  });

  it('refuses the same key for a different request', async () => {
    await post('/api/v1/models', validModel(), { 'idempotency-key': 'reuse-1' });
    const reused = await post('/api/v1/models', validModel(), { 'idempotency-key': 'reuse-1' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
  });

  it('lets a request that failed be retried with the same key', async () => {
    const bad = await post('/api/v1/models', validModel({ sku: '' }), { 'idempotency-key': 'fix-1' });
    expect(bad.statusCode).toBe(400);
    const good = await post('/api/v1/models', validModel(), { 'idempotency-key': 'fix-1' });
    expect(good.statusCode).toBe(201);
  });
});
