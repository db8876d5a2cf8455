import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBrand } from '../src/platform/database/tenancy.ts';
import type { App } from '../src/platform/http/server.ts';
import { multipartFile, tinyPng } from './multipart.ts';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, testPassword, validModel } from './harness.ts';

/**
 * Brand A must not reach anything of brand B: through the API (404, as if it did not exist) and in the
 * database, where row-level security alone hides B's rows from a transaction acting for A.
 */
const { db } = testDatabase();
let app: App;
let a: TestBrand;
let b: TestBrand;
const ofB = { model: '', resource: '', file: '', staff: '', apiKey: '', owner: '', ownership: '', message: '', recall: '', claim: '', centre: '', journey: '', segment: '' };

beforeAll(async () => {
  app = await testApp(db);
  [a, b] = [await makeBrand(db, 'Brand A'), await makeBrand(db, 'Brand B')];
  const model = (await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(b.keys.admin), payload: validModel({ gtins: ['0860001230000'] }) })).json();
  ofB.model = model.id;
  ofB.resource = (await app.inject({ method: 'POST', url: `/api/v1/models/${model.id}/resources`, headers: bearer(b.keys.admin), payload: { kind: 'faq', stage: 'enjoying', title: 'Q', body: 'A' } })).json().id;
  const upload = multipartFile(tinyPng, 'p.png', 'image/png');
  ofB.file = (await app.inject({ method: 'POST', url: '/api/v1/files?purpose=image', headers: { ...bearer(b.keys.admin), ...upload.headers }, payload: upload.payload })).json().id;
  const staff = (await app.inject({ url: '/api/v1/staff', headers: bearer(b.keys.admin) })).json().data;
  ofB.staff = staff[0].id;
  ofB.apiKey = (await app.inject({ url: '/api/v1/api-keys', headers: bearer(b.keys.admin) })).json().data[0].id;
  const registration = { modelId: model.id, owner: { email: 'b-owner@example.com', name: 'B Owner', postalCode: '94103', country: 'US' } };
  const registered = (await app.inject({ method: 'POST', url: '/api/v1/registrations', headers: bearer(b.keys.admin), payload: registration })).json();
  ofB.owner = registered.ownerId;
  ofB.ownership = registered.ownershipId;
  const claim = { ownershipId: ofB.ownership, problemCategory: 'leak', description: 'It leaks.' };
  ofB.claim = (await app.inject({ method: 'POST', url: '/api/v1/claims', headers: bearer(b.keys.admin), payload: claim })).json().id;
  const centre = { name: 'B repairs', addressLine1: '1 Main St', city: 'San Francisco', postalCode: '94103', country: 'US' };
  ofB.centre = (await app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: bearer(b.keys.admin), payload: centre })).json().id;
  ofB.message = (await app.inject({ url: '/api/v1/messages', headers: bearer(b.keys.admin) })).json().data[0].id;
  ofB.recall = (await app.inject({ method: 'POST', url: '/api/v1/recalls', headers: bearer(b.keys.admin), payload: { modelId: model.id, title: 'T', hazard: 'H', remedy: 'R' } })).json().id;
  ofB.journey = (await app.inject({ method: 'POST', url: '/api/v1/journey-playbook/welcome-series/adopt', headers: bearer(b.keys.admin) })).json().id;
  ofB.segment = (await app.inject({ method: 'POST', url: '/api/v1/segments', headers: bearer(b.keys.admin), payload: { name: 'B owners', condition: { all: [] } } })).json().id;
  expect(Object.values(ofB).filter((id) => /^[0-9a-f-]{36}$/.test(id))).toHaveLength(Object.keys(ofB).length);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const requests = () => [
  ['GET', `/api/v1/models/${ofB.model}`],
  ['PATCH', `/api/v1/models/${ofB.model}`, { name: 'taken over' }],
  ['DELETE', `/api/v1/models/${ofB.model}`],
  ['GET', `/api/v1/models/${ofB.model}/resources`],
  ['POST', `/api/v1/models/${ofB.model}/resources`, { kind: 'faq', stage: 'enjoying', title: 'x', body: 'y' }],
  ['PATCH', `/api/v1/resources/${ofB.resource}`, { title: 'taken over' }],
  ['DELETE', `/api/v1/resources/${ofB.resource}`],
  ['GET', `/api/v1/files/${ofB.file}`],
  ['GET', `/api/v1/files/${ofB.file}/content`],
  ['PATCH', `/api/v1/staff/${ofB.staff}`, { name: 'taken over' }],
  ['DELETE', `/api/v1/api-keys/${ofB.apiKey}`],
  ['GET', `/api/v1/owners/${ofB.owner}`],
  ['GET', `/api/v1/messages/${ofB.message}`],
  ['GET', `/api/v1/recalls/${ofB.recall}`],
  ['POST', `/api/v1/recalls/${ofB.recall}/close`, {}],
  ['GET', `/api/v1/models/${ofB.model}/qr.svg`],
  ['POST', '/api/v1/registrations', { modelId: ofB.model, owner: { email: 'thief@example.com', name: 'Thief', postalCode: '94103' } }],
  ['GET', `/api/v1/ownerships/${ofB.ownership}/entitlement`],
  ['PATCH', `/api/v1/ownerships/${ofB.ownership}/warranty-facts`, { deliveredOn: '2026-01-02' }],
  ['POST', `/api/v1/ownerships/${ofB.ownership}/care-plans`, { name: 'Taken over', startsOn: '2026-01-02', months: 12 }],
  ['POST', `/api/v1/ownerships/${ofB.ownership}/transfer`, { owner: { email: 'thief@example.com', name: 'Thief' } }],
  ['POST', `/api/v1/ownerships/${ofB.ownership}/retire`],
  ['GET', `/api/v1/ownerships/${ofB.ownership}/maintenance`],
  ['POST', '/api/v1/claims', { ownershipId: ofB.ownership, problemCategory: 'leak', description: 'Taken over.' }],
  ['GET', `/api/v1/claims/${ofB.claim}`],
  ['POST', `/api/v1/claims/${ofB.claim}/transitions`, { to: 'in_review' }],
  ['GET', `/api/v1/service-centres/${ofB.centre}`],
  ['PATCH', `/api/v1/service-centres/${ofB.centre}`, { name: 'Taken over' }],
  ['GET', `/api/v1/owners/${ofB.owner}/overview`],
  ['POST', `/api/v1/owners/${ofB.owner}/calls`, { direction: 'inbound', durationSeconds: 60, outcome: 'resolved' }],
  ['GET', `/api/v1/journeys/${ofB.journey}`],
  ['PUT', `/api/v1/journeys/${ofB.journey}`, { name: 'Taken over', definition: { trigger: { kind: 'event', event: 'ownership.registered' }, steps: [{ id: 'x', type: 'exit' }] } }],
  ['POST', `/api/v1/journeys/${ofB.journey}/status`, { status: 'live' }],
  ['POST', `/api/v1/journeys/${ofB.journey}/preview`, { ownerId: ofB.owner }],
  ['GET', `/api/v1/journeys/${ofB.journey}/counts`],
  ['GET', `/api/v1/journeys/${ofB.journey}/runs`],
  ['GET', `/api/v1/segments/${ofB.segment}`],
  ['PUT', `/api/v1/segments/${ofB.segment}`, { name: 'Taken over', condition: { all: [] } }],
  ['DELETE', `/api/v1/segments/${ofB.segment}`],
  ['POST', `/api/v1/segments/${ofB.segment}/refresh`],
  ['GET', `/api/v1/segments/${ofB.segment}/members`],
] as const;

describe("brand A cannot reach brand B's resources", () => {
  it('with an API key: every one is a 404', async () => {
    for (const [method, url, payload] of requests()) {
      const response = await app.inject({ method, url, headers: bearer(a.keys.admin), payload: payload as object | undefined });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('with a staff session: every one is a 404', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.emails.admin, password: testPassword } });
    const cookie = `openox_session=${signIn.cookies.find((c) => c.name === 'openox_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': signIn.json().csrfToken };
    for (const [method, url, payload] of requests()) {
      const response = await app.inject({ method, url, headers, payload: payload as object | undefined });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it("lists never include B's rows, and B's data is unchanged", async () => {
    const models = (await app.inject({ url: '/api/v1/models?limit=200', headers: bearer(a.keys.admin) })).json().data;
    expect(models.map((m: { id: string }) => m.id)).not.toContain(ofB.model);
    const audit = (await app.inject({ url: '/api/v1/audit-log?limit=200', headers: bearer(a.keys.admin) })).json().data;
    expect(audit.map((e: { subjectId: string }) => e.subjectId)).not.toContain(ofB.model);
    for (const list of ['/api/v1/owners', '/api/v1/registrations', '/api/v1/messages', '/api/v1/recalls', '/api/v1/registration-conflicts', '/api/v1/claims', '/api/v1/service-centres']) {
      expect((await app.inject({ url: list, headers: bearer(a.keys.admin) })).json().data, list).toEqual([]);
    }
    const stillThere = await app.inject({ url: `/api/v1/models/${ofB.model}`, headers: bearer(b.keys.admin) });
    expect(stillThere.json().name).toBe('Test dishwasher');
    expect((await app.inject({ url: `/api/v1/models/${ofB.model}/resources`, headers: bearer(b.keys.admin) })).json().data).toHaveLength(1);
  });
});

describe('row-level security alone', () => {
  async function tenantTables(): Promise<{ name: string; column: string; rls: boolean; forced: boolean }[]> {
    const result = await sql<{ name: string; column: string; rls: boolean; forced: boolean }>`
      select c.relname as name, a.attname as column, c.relrowsecurity as rls, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname in ('brand_id') and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r'
      union all select 'brands', 'id', c.relrowsecurity, c.relforcerowsecurity from pg_class c where c.relname = 'brands' and c.relnamespace = 'public'::regnamespace
      order by 1`.execute(db);
    return result.rows;
  }

  it('is on, and forced, for every table that holds brand data', async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThanOrEqual(15);
    for (const table of tables) expect({ table: table.name, rls: table.rls, forced: table.forced }).toEqual({ table: table.name, rls: true, forced: true });
  });

  it("hides every one of B's rows from a transaction for A, with no brand filter in the query", async () => {
    const tables = await tenantTables();
    const totals = Object.fromEntries(
      await Promise.all(tables.map(async ({ name, column }) => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)} where ${sql.ref(column)} = ${b.brandId}`.execute(db);
        return [name, rows[0]?.n ?? 0] as const;
      })),
    );
    expect(totals.models).toBeGreaterThan(0);
    expect(totals.audit_log).toBeGreaterThan(0);
    await inBrand(db, a.brandId, async (scope) => {
      for (const { name, column } of tables) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)} where ${sql.ref(column)} = ${b.brandId}`.execute(scope.db);
        expect(rows[0]?.n, name).toBe(0);
      }
    });
  });

  it("refuses to write a row into B's tenancy from a transaction for A", async () => {
    await expect(
      inBrand(db, a.brandId, (scope) => scope.db.insertInto('models').values({ ...rowFor(b.brandId) }).execute()),
    ).rejects.toThrow(/row-level security/);
    const updated = await inBrand(db, a.brandId, (scope) => scope.db.updateTable('models').set({ name: 'x' }).where('id', '=', ofB.model).executeTakeFirst());
    expect(updated.numUpdatedRows).toBe(0n);
  });

  it('shows nothing at all to a transaction that names no brand', async () => {
    const { rows } = await db.transaction().execute(async (trx) => {
      await sql`set local role openox_app`.execute(trx);
      return sql<{ n: number }>`select count(*)::int as n from models`.execute(trx);
    });
    expect(rows[0]?.n).toBe(0);
  });
});

function rowFor(brandId: string) {
  return { brand_id: brandId, name: 'x', sku: 'x', category: 'x', warranty_parts_months: 1, warranty_labour_months: 1, warranty_starts_at: 'purchase' as const, proof_required: 'none' as const };
}
