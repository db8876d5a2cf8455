import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
const ids = { ann: '', ben: '', kettle: '', toaster: '', a1: '', a2: '', a3: '', b1: '', b2: '', conflictOld: '', conflictNew: '' };

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Registrations brand');
  const addModel = async (name: string) =>
    (await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ name, sku: `${name}-${randomUUID().slice(0, 6)}` }) })).json().id as string;
  ids.kettle = await addModel('Kettle');
  ids.toaster = await addModel('Toaster');

  await inBrand(db, brand.brandId, async (scope) => {
    ids.ann = await addOwner(scope, 'Ann Archer', 'ann@example.test');
    ids.ben = await addOwner(scope, 'Ben Baker', 'ben@example.test');
    // Written in an order unlike their registration times, as an import of older registrations would be.
    ids.a1 = await addOwnership(scope, { owner_id: ids.ann, model_id: ids.kettle, serial: 'K1', source: 'web', retailer: 'Best Store', registered_at: new Date('2025-03-10T12:00:00Z') });
    ids.a2 = await addOwnership(scope, { owner_id: ids.ann, model_id: ids.toaster, serial: 'T1', source: 'qr', retailer: 'Corner Shop', registered_at: new Date('2025-03-12T08:00:00Z') });
    ids.b1 = await addOwnership(scope, { owner_id: ids.ben, model_id: ids.kettle, serial: 'K2', source: 'import', retailer: 'Best Store', registered_at: new Date('2024-12-31T23:59:59.999Z') });
    ids.b2 = await addOwnership(scope, { owner_id: ids.ben, model_id: ids.kettle, serial: 'K3', source: 'import', retailer: 'best store', registered_at: new Date('2025-03-11T00:00:00Z') });
    // Two in the same instant: the id breaks the tie and no page repeats or skips one.
    ids.a3 = await addOwnership(scope, { owner_id: ids.ann, model_id: ids.kettle, serial: 'K4', source: 'console', retailer: null, registered_at: new Date('2025-03-11T00:00:00Z') });
    const conflict = { brand_id: scope.brandId, source: 'web' };
    ids.conflictOld = (await scope.db.insertInto('registration_conflicts').values({ ...conflict, existing_ownership_id: ids.a1, claimant_owner_id: ids.ben }).returning('id').executeTakeFirstOrThrow()).id;
    ids.conflictNew = (await scope.db.insertInto('registration_conflicts').values({ ...conflict, existing_ownership_id: ids.b1, claimant_owner_id: ids.ann, retailer: 'Garage sale', purchase_date: '2025-02-01', resolved_at: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
  });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

async function addOwner(scope: BrandScope, name: string, email: string): Promise<string> {
  return (await scope.db.insertInto('owners').values({ brand_id: scope.brandId, name, email }).returning('id').executeTakeFirstOrThrow()).id;
}

type OwnershipSeed = { owner_id: string; model_id: string; serial: string; source: 'web' | 'qr' | 'import' | 'console'; retailer: string | null; registered_at: Date };
async function addOwnership(scope: BrandScope, ownership: OwnershipSeed): Promise<string> {
  return (await scope.db.insertInto('ownerships').values({ brand_id: scope.brandId, ...ownership }).returning('id').executeTakeFirstOrThrow()).id;
}

const list = async (query: string) => {
  const response = await app.inject({ url: `/api/v1/registrations${query}`, headers: bearer(brand.keys.agent) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { data: { id: string }[]; nextCursor: string | null };
};
const idsOf = (page: { data: { id: string }[] }) => page.data.map((row) => row.id);
// a3 and b2 share a registration time, so the list orders them by id, newest first. Ids made in the
// same millisecond are in no particular order, so the expectation asks the ids rather than assuming.
const tied = () => [ids.a3, ids.b2].sort().reverse();

describe('registrations', () => {
  it('run most recently registered first, with owner and model', async () => {
    const page = await list('');
    expect(idsOf(page)).toEqual([ids.a2, ...tied(), ids.a1, ids.b1]);
    expect(page.data[0]).toEqual({
      id: ids.a2,
      owner: { id: ids.ann, name: 'Ann Archer', email: 'ann@example.test' },
      model: { id: ids.toaster, name: 'Toaster', sku: expect.stringMatching(/^Toaster-/) },
      serial: 'T1', purchaseDate: null, retailer: 'Corner Shop', source: 'qr', identifiedBy: 'typed', status: 'active',
      registeredAt: '2025-03-12T08:00:00.000Z',
    });
  });

  it('page through registrations that share a registration time without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.a2, ...tied(), ids.a1, ids.b1]);
  });

  it.each([
    ['model', () => `?model=${ids.toaster}`, () => [ids.a2]],
    ['source', () => '?source=import', () => [ids.b2, ids.b1]],
    ['retailer, exactly', () => '?retailer=Best%20Store', () => [ids.a1, ids.b1]],
    ['from a day on', () => '?from=2025-03-11', () => [ids.a2, ...tied()]],
    ['up to and including a day', () => '?to=2025-03-11', () => [...tied(), ids.a1, ids.b1]],
    ['a date range', () => '?from=2025-01-01&to=2025-03-10', () => [ids.a1]],
    ['several filters at once', () => `?model=${ids.kettle}&source=import&from=2025-01-01`, () => [ids.b2]],
  ])('filter by %s', async (_name, query, expected) => {
    expect(idsOf(await list(query()))).toEqual(expected());
  });

  it('refuse bad filters and foreign cursors with a message naming them', async () => {
    const cases = [
      ['?from=2025-13-01', 'querystring.from'],
      ['?from=2025-03-12&to=2025-03-01', 'querystring.to'],
      ['?source=fax', 'querystring.source'],
      ['?model=kettle', 'querystring.model'],
    ] as const;
    for (const [query, path] of cases) {
      const response = await app.inject({ url: `/api/v1/registrations${query}`, headers: bearer(brand.keys.agent) });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    for (const cursor of ['nonsense', Buffer.from('["yesterday","x"]').toString('base64url')]) {
      const response = await app.inject({ url: `/api/v1/registrations?cursor=${cursor}`, headers: bearer(brand.keys.agent) });
      expect(response.json().error.code).toBe('invalid_cursor');
    }
  });
});

describe('registration conflicts', () => {
  it('run newest first with the claimant and the unit they claimed', async () => {
    const response = await app.inject({ url: '/api/v1/registration-conflicts', headers: bearer(brand.keys.marketer) });
    expect(response.statusCode).toBe(200);
    const { data, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    expect(data.map((c: { id: string }) => c.id)).toEqual([ids.conflictNew, ids.conflictOld]);
    expect(data[0]).toEqual({
      id: ids.conflictNew,
      claimant: { id: ids.ann, name: 'Ann Archer', email: 'ann@example.test' },
      claimedPurchaseDate: '2025-02-01',
      claimedRetailer: 'Garage sale',
      source: 'web',
      ownership: { id: ids.b1, model: { id: ids.kettle, name: 'Kettle', sku: expect.any(String) }, serial: 'K2', holder: { id: ids.ben, name: 'Ben Baker' } },
      createdAt: expect.any(String),
      resolvedAt: expect.any(String),
    });
    const paged = (await app.inject({ url: '/api/v1/registration-conflicts?limit=1', headers: bearer(brand.keys.marketer) })).json();
    expect(paged.data.map((c: { id: string }) => c.id)).toEqual([ids.conflictNew]);
    expect(paged.nextCursor).not.toBeNull();
  });
});

describe('who may list registrations', () => {
  it('not analysts, and no brand sees another brand’s', async () => {
    for (const url of ['/api/v1/registrations', '/api/v1/registration-conflicts']) {
      expect((await app.inject({ url, headers: bearer(brand.keys.analyst) })).statusCode).toBe(403);
    }
    const other = await makeBrand(db, 'Empty brand');
    expect((await app.inject({ url: '/api/v1/registrations', headers: bearer(other.keys.admin) })).json()).toEqual({ data: [], nextCursor: null });
    expect((await app.inject({ url: '/api/v1/registration-conflicts', headers: bearer(other.keys.admin) })).json()).toEqual({ data: [], nextCursor: null });
  });
});
