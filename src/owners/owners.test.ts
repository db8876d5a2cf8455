import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, validModel } from '../../test/harness.ts';
import { tinyPng } from '../../test/multipart.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let other: TestBrand;
const ids = { jane: '', janet: '', bob: '', model: '', janesDryer: '', bobsWasher: '', bobsOldWasher: '', conflict: '', proofFile: '' };

beforeAll(async () => {
  app = await testApp(db);
  [brand, other] = [await makeBrand(db, 'Owners brand'), await makeBrand(db, 'Other brand')];
  ids.model = (await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ name: 'Quiet dryer', sku: `DRY-${randomUUID().slice(0, 6)}` }) })).json().id;

  await inBrand(db, brand.brandId, async (scope) => {
    ids.jane = await addOwner(scope, { name: 'Jane Smith', email: 'jane.smith@example.test', phone: '+14155550132', country: 'US' });
    ids.janet = await addOwner(scope, { name: 'Janet Smithers', email: 'janet@example.test', phone: null, country: 'CA' });
    ids.bob = await addOwner(scope, { name: 'Bob Jones', email: 'bob@example.test', phone: '+442079460958', country: 'GB' });
    ids.proofFile = (await scope.db.insertInto('files').values({
      brand_id: scope.brandId, purpose: 'proof', content_type: 'image/png', byte_size: tinyPng.length,
      sha256: createHash('sha256').update(tinyPng).digest(), original_name: 'receipt.png', content: tinyPng,
    }).returning('id').executeTakeFirstOrThrow()).id;
    ids.janesDryer = await addOwnership(scope, { owner_id: ids.jane, serial: 'SN12345678', proof_file_id: ids.proofFile, proof_status: 'submitted', retailer: 'Best Store' });
    ids.bobsWasher = await addOwnership(scope, { owner_id: ids.bob, serial: '0047110815', source: 'qr', identified_by: 'qr' });
    ids.bobsOldWasher = await addOwnership(scope, { owner_id: ids.bob, serial: 'OLD1', status: 'transferred' });
    ids.conflict = (await scope.db.insertInto('registration_conflicts').values({
      brand_id: scope.brandId, existing_ownership_id: ids.janesDryer, claimant_owner_id: ids.bob, source: 'web', retailer: 'Resale shop',
    }).returning('id').executeTakeFirstOrThrow()).id;
    const consent = { brand_id: scope.brandId, owner_id: ids.jane, wording_version: 'v1', language: 'en', source: 'registration_page' as const };
    await scope.db.insertInto('consent_records').values([
      { ...consent, channel: 'email', granted: true, wording: 'Email me offers', recorded_at: new Date('2025-01-01T10:00:00Z'), ip: '203.0.113.9', user_agent: 'Phone browser' },
      { ...consent, channel: 'sms', granted: true, wording: 'Text me offers', recorded_at: new Date('2025-01-01T10:00:00Z') },
      { ...consent, channel: 'email', granted: false, wording: 'Unsubscribe', wording_version: 'v2', source: 'owner_page', recorded_at: new Date('2025-03-01T10:00:00Z') },
    ]).execute();
  });
  await inBrand(db, other.brandId, (scope) => addOwner(scope, { name: 'Jane Smith', email: 'jane.smith@example.test', phone: '+14155550132', country: 'US' }));
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

async function addOwner(scope: BrandScope, owner: { name: string; email: string; phone: string | null; country: string }): Promise<string> {
  return (await scope.db.insertInto('owners').values({ brand_id: scope.brandId, ...owner }).returning('id').executeTakeFirstOrThrow()).id;
}

type OwnershipSeed = { owner_id: string; serial: string; source?: 'web' | 'qr'; identified_by?: 'qr' | 'typed'; status?: 'active' | 'transferred'; retailer?: string; proof_file_id?: string; proof_status?: 'submitted' };
async function addOwnership(scope: BrandScope, ownership: OwnershipSeed): Promise<string> {
  const row = await scope.db
    .insertInto('ownerships')
    .values({ brand_id: scope.brandId, model_id: ids.model, source: 'web', purchase_date: '2025-01-05', ...ownership })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const search = async (q: string, key = brand.keys.agent) => {
  const response = await app.inject({ url: `/api/v1/owners?q=${encodeURIComponent(q)}`, headers: bearer(key) });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().data as { id: string }[]).map((owner) => owner.id);
};

describe('owner search', () => {
  it('finds owners by the start of any word of their name', async () => {
    const smiths = [ids.janet, ids.jane].sort().reverse(); // newest first
    expect(await search('smith')).toEqual(smiths);
    expect(await search('jan smi')).toEqual(smiths);
    expect(await search('smithers')).toEqual([ids.janet]);
    expect(await search('jones bob')).toEqual([ids.bob]);
    expect(await search('nobody')).toEqual([]);
  });

  it('finds an owner by exact email, in any case', async () => {
    expect(await search('jane.smith@example.TEST')).toEqual([ids.jane]);
    expect(await search('jane.smith@example')).toEqual([]);
  });

  it('finds an owner by phone however it is written', async () => {
    expect(await search('(415) 555-0132')).toEqual([ids.jane]);
    expect(await search('415.555.0132')).toEqual([ids.jane]);
    expect(await search('+44 20 7946 0958')).toEqual([ids.bob]);
  });

  it('finds the holders of a serial, letters or digits only', async () => {
    expect(await search('sn 1234 5678')).toEqual([ids.jane]);
    expect(await search('0047110815')).toEqual([ids.bob]);
  });

  it('lists everyone newest first with product counts, page by page', async () => {
    // The three were added in one transaction, maybe within one millisecond: only the id order is certain.
    const newestFirst = [ids.bob, ids.janet, ids.jane].sort().reverse();
    const first = (await app.inject({ url: '/api/v1/owners?limit=2', headers: bearer(brand.keys.marketer) })).json();
    expect(first.data.map((owner: { id: string }) => owner.id)).toEqual(newestFirst.slice(0, 2));
    const second = (await app.inject({ url: `/api/v1/owners?limit=2&cursor=${first.nextCursor}`, headers: bearer(brand.keys.marketer) })).json();
    expect(second).toMatchObject({ data: [{ id: newestFirst[2] }], nextCursor: null });
    expect([...first.data, ...second.data].find((owner: { id: string }) => owner.id === ids.bob)).toEqual({
      id: ids.bob, name: 'Bob Jones', email: 'bob@example.test', phone: '+442079460958', country: 'GB', safetyOnly: false, productCount: 1, createdAt: expect.any(String), matches: [],
    });
    expect([...first.data, ...second.data].find((owner: { id: string }) => owner.id === ids.jane)).toMatchObject({ productCount: 1 });
  });
});

describe('owner details', () => {
  it('show products, current consents, consent history and conflicts', async () => {
    const response = await app.inject({ url: `/api/v1/owners/${ids.jane}`, headers: bearer(brand.keys.agent) });
    expect(response.statusCode).toBe(200);
    const owner = response.json();
    expect(owner).toMatchObject({ id: ids.jane, name: 'Jane Smith', email: 'jane.smith@example.test', language: 'en', address: null, safetyOnly: false });
    expect(owner.ownerships).toEqual([expect.objectContaining({
      id: ids.janesDryer,
      model: { id: ids.model, name: 'Quiet dryer', sku: expect.stringMatching(/^DRY-/) },
      serial: 'SN12345678', purchaseDate: '2025-01-05', retailer: 'Best Store', status: 'active', stage: 'onboarding',
      source: 'web', identifiedBy: 'typed', proofStatus: 'submitted', proofFileUrl: `/api/v1/files/${ids.proofFile}/content`, manufacturedOn: null,
    })]);
    expect(owner.consents).toEqual([
      { channel: 'email', granted: false, wordingVersion: 'v2', source: 'owner_page', recordedAt: '2025-03-01T10:00:00.000Z' },
      { channel: 'sms', granted: true, wordingVersion: 'v1', source: 'registration_page', recordedAt: '2025-01-01T10:00:00.000Z' },
    ]);
    expect(owner.consentHistory.map((r: { wording: string }) => r.wording)).toEqual(['Unsubscribe', expect.any(String), expect.any(String)]);
    expect(owner.consentHistory).toContainEqual(expect.objectContaining({ wording: 'Email me offers', ip: '203.0.113.9', userAgent: 'Phone browser', language: 'en' }));
    expect(owner.conflicts).toEqual([expect.objectContaining({
      id: ids.conflict,
      claimant: { id: ids.bob, name: 'Bob Jones', email: 'bob@example.test' },
      claimedRetailer: 'Resale shop',
      ownership: expect.objectContaining({ id: ids.janesDryer, serial: 'SN12345678', holder: { id: ids.jane, name: 'Jane Smith' } }),
      resolvedAt: null,
    })]);
  });

  it("list the claimant's conflicts too, and every product they ever held", async () => {
    const bob = (await app.inject({ url: `/api/v1/owners/${ids.bob}`, headers: bearer(brand.keys.agent) })).json();
    expect(bob.conflicts.map((c: { id: string }) => c.id)).toEqual([ids.conflict]);
    // Both were registered in one transaction (the same instant), so only the set is certain.
    expect(bob.ownerships.map((o: { id: string }) => o.id).sort()).toEqual([ids.bobsOldWasher, ids.bobsWasher].sort());
    expect(bob.consents).toEqual([]);
  });
});

describe('who may see owners', () => {
  it('analysts see numbers, not people', async () => {
    for (const url of ['/api/v1/owners', `/api/v1/owners/${ids.jane}`]) {
      const response = await app.inject({ url, headers: bearer(brand.keys.analyst) });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
  });

  it("another brand finds neither the owner nor their email", async () => {
    const response = await app.inject({ url: `/api/v1/owners/${ids.jane}`, headers: bearer(other.keys.admin) });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    const theirs = await search('jane.smith@example.test', other.keys.admin);
    expect(theirs).toHaveLength(1);
    expect(theirs).not.toContain(ids.jane);
    expect(await search('sn12345678', other.keys.admin)).toEqual([]);
  });

  it('a malformed id is a 400, not a server error', async () => {
    const response = await app.inject({ url: '/api/v1/owners/not-an-id', headers: bearer(brand.keys.agent) });
    expect(response.statusCode).toBe(400);
  });
});
