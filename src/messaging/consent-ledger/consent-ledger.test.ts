import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase } from '../../../test/harness.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { App } from '../../platform/http/server.ts';
import { consentLedgerCsv, csvField } from './consent-ledger-csv.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let ann = '';
let ben = '';

const record = (ownerId: string, channel: 'email' | 'sms', granted: boolean, recordedAt: string, extra: { wording?: string; userAgent?: string; source?: 'registration_page' | 'sms_keyword' } = {}) => ({
  brand_id: brand.brandId, owner_id: ownerId, channel, granted, wording: extra.wording ?? 'Email me offers.', wording_version: 'abc123', language: 'en',
  source: extra.source ?? 'registration_page', ip: '203.0.113.9', user_agent: extra.userAgent ?? 'Phone/1', recorded_at: new Date(recordedAt),
});

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Ledger brand');
  await inBrand(db, brand.brandId, async (scope) => {
    const owner = (email: string) => scope.db.insertInto('owners').values({ brand_id: brand.brandId, name: email, email }).returning('id').executeTakeFirstOrThrow();
    ann = (await owner('ann@example.com')).id;
    ben = (await owner('ben@example.com')).id;
    await scope.db.insertInto('consent_records').values([
      record(ann, 'email', true, '2025-03-01T10:00:00Z', { wording: 'Email me "tips", offers, news.' }),
      record(ben, 'email', true, '2025-03-05T10:00:00Z', { userAgent: '=HYPERLINK("http://evil")' }),
      record(ann, 'sms', false, '2025-04-02T09:00:00Z', { wording: 'Texted "STOP" to +18005550000', source: 'sms_keyword' }),
    ]).execute();
  });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const csvLines = (body: string) => body.trimEnd().split('\r\n');

describe('the consent ledger', () => {
  it('refuses to change or delete a record, even for the brand itself', async () => {
    const update = inBrand(db, brand.brandId, (scope) => scope.db.updateTable('consent_records').set({ granted: false }).where('owner_id', '=', ann).execute());
    await expect(update).rejects.toThrow(/append-only/);
    const remove = inBrand(db, brand.brandId, (scope) => scope.db.deleteFrom('consent_records').where('owner_id', '=', ann).execute());
    await expect(remove).rejects.toThrow(/append-only/);
    await expect(sql`truncate consent_records`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('consent_records').select('granted').where('owner_id', '=', ann).orderBy('recorded_at').execute()).toEqual([{ granted: true }, { granted: false }]);
  });

  it('goes with its owner when the owner is erased', async () => {
    const carl = await inBrand(db, brand.brandId, async (scope) => {
      const { id } = await scope.db.insertInto('owners').values({ brand_id: brand.brandId, name: 'Carl', email: 'carl@example.com' }).returning('id').executeTakeFirstOrThrow();
      await scope.db.insertInto('consent_records').values(record(id, 'email', true, '2025-03-10T10:00:00Z')).execute();
      await scope.db.deleteFrom('owners').where('id', '=', id).execute();
      return id;
    });
    expect(await db.selectFrom('consent_records').select('id').where('owner_id', '=', carl).execute()).toEqual([]);
  });

  it('goes with its brand when the brand is deleted', async () => {
    const leaving = await makeBrand(db, 'Leaving brand');
    await inBrand(db, leaving.brandId, async (scope) => {
      const { id } = await scope.db.insertInto('owners').values({ brand_id: leaving.brandId, name: 'Dee', email: 'dee@example.com' }).returning('id').executeTakeFirstOrThrow();
      await scope.db.insertInto('consent_records').values({ ...record(id, 'email', true, '2025-03-10T10:00:00Z'), brand_id: leaving.brandId }).execute();
    });
    await db.deleteFrom('brands').where('id', '=', leaving.brandId).execute();
    expect(await db.selectFrom('consent_records').select('id').where('brand_id', '=', leaving.brandId).execute()).toEqual([]);
  });

  it('exports brand-wide as CSV evidence, oldest first, within a date range', async () => {
    const all = await app.inject({ url: '/api/v1/consent-records.csv', headers: bearer(brand.keys.marketer) });
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(all.headers['content-disposition']).toBe('attachment; filename="consent-records.csv"');
    const lines = csvLines(all.body);
    expect(lines[0]).toBe('recorded_at,owner_id,owner_email,channel,decision,source,ip,user_agent,language,wording_version,wording');
    expect(lines.slice(1)).toEqual([
      `2025-03-01T10:00:00.000Z,${ann},ann@example.com,email,granted,registration_page,203.0.113.9,Phone/1,en,abc123,"Email me ""tips"", offers, news."`,
      `2025-03-05T10:00:00.000Z,${ben},ben@example.com,email,granted,registration_page,203.0.113.9,"'=HYPERLINK(""http://evil"")",en,abc123,Email me offers.`,
      `2025-04-02T09:00:00.000Z,${ann},ann@example.com,sms,withdrawn,sms_keyword,203.0.113.9,Phone/1,en,abc123,"Texted ""STOP"" to +18005550000"`,
    ]);

    const march = await app.inject({ url: '/api/v1/consent-records.csv?from=2025-03-02&to=2025-03-31', headers: bearer(brand.keys.marketer) });
    expect(csvLines(march.body).slice(1).map((line) => line.slice(0, 24))).toEqual(['2025-03-05T10:00:00.000Z']);
    const lastDayIncluded = await app.inject({ url: '/api/v1/consent-records.csv?from=2025-04-02&to=2025-04-02', headers: bearer(brand.keys.marketer) });
    expect(csvLines(lastDayIncluded.body)).toHaveLength(2);
  });

  it("exports one owner's history, and nothing of another brand's", async () => {
    const response = await app.inject({ url: `/api/v1/owners/${ann}/consent-records.csv`, headers: bearer(brand.keys.agent) });
    expect(csvLines(response.body).slice(1).map((line) => line.split(',')[4])).toEqual(['granted', 'withdrawn']);
    const other = await makeBrand(db);
    expect((await app.inject({ url: `/api/v1/owners/${ann}/consent-records.csv`, headers: bearer(other.keys.agent) })).statusCode).toBe(404);
    expect(csvLines((await app.inject({ url: '/api/v1/consent-records.csv', headers: bearer(other.keys.agent) })).body)).toHaveLength(1);
    expect((await app.inject({ url: '/api/v1/consent-records.csv', headers: bearer(brand.keys.analyst) })).statusCode).toBe(403);
  });

  it('refuses a range that ends before it starts', async () => {
    const response = await app.inject({ url: '/api/v1/consent-records.csv?from=2025-05-01&to=2025-04-01', headers: bearer(brand.keys.marketer) });
    expect(response.statusCode).toBe(400);
  });

  it('reads the ledger a batch at a time without losing or repeating a line', async () => {
    const chunks: string[] = [];
    for await (const chunk of consentLedgerCsv(db, brand.brandId, {}, 2)) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(csvLines(chunks.join(''))).toHaveLength(4);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['+15551234', "'+15551234"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['two\r\nlines', '"two\r\nlines"'],
  ])('%j is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
