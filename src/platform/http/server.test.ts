import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDatabase } from '../../../test/harness.ts';
import type { App } from './server.ts';

const { db } = testDatabase();
let app: App;
beforeAll(async () => {
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('the HTTP server', () => {
  it('publishes an OpenAPI 3.1 document made from the same zod schemas that validate requests', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/models'].post;
    const body = create.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['name', 'sku', 'category', 'warranty']));
    expect(body.additionalProperties).toBe(false); // unknown fields are refused, and the document says so
    expect(create.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/Model');
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain('idempotency_key_reused');
    expect((await app.inject({ url: '/docs/' })).statusCode).toBe(200);
  });

  it('answers liveness and readiness', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('gives every response a request id, and keeps one the caller sent', async () => {
    const generated = await app.inject({ url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers['x-request-id']).toBe('trace-42');
  });

  it('answers unknown paths and unauthenticated API calls in the one error shape', async () => {
    const missing = await app.inject({ url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'There is nothing at GET /api/v1/nothing-here.', details: null } });
    const anonymous = await app.inject({ url: '/api/v1/models' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
  });
});
