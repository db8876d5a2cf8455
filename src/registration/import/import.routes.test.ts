import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../../test/harness.ts';
import { routeModules } from '../../composition.ts';
import { readConfig } from '../../config.ts';
import { type App, buildServer } from '../../platform/http/server.ts';
import { registrationImportRoutes, registrationImportRoutesUpTo } from './import.routes.ts';

const { db } = testDatabase();
let app: App;
const config = () => readConfig({ ...process.env, DATABASE_URL: inject('databaseUrl'), OPENOX_LOG_LEVEL: 'silent' });
let brand: TestBrand;
let other: TestBrand;
let gtin: string;

/** A form as a browser sends it: fields first, then the file. */
function form(csv: string, fields: Record<string, string> = {}) {
  const boundary = `openox-${Math.random().toString(36).slice(2)}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="owners 2019.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (key: string, csv: string, fields: Record<string, string> = {}) => {
  const body = form(csv, fields);
  return app.inject({ method: 'POST', url: '/api/v1/registration-imports', payload: body.payload, headers: { ...body.headers, ...bearer(key) } });
};
const get = (key: string, url: string) => app.inject({ method: 'GET', url, headers: bearer(key) });

beforeAll(async () => {
  app = await testApp(db);
  [brand, other] = [await makeBrand(db), await makeBrand(db)];
  gtin = freshGtin();
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/models',
    headers: bearer(brand.keys.admin),
    payload: validModel({ name: 'Dishwasher', gtins: [gtin], serialRules: [{ mask: 'AA########' }] }),
  });
  expect(created.statusCode).toBe(201);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('registration imports over HTTP', () => {
  let importId: string;

  it('imports an uploaded file and answers 202 with its counts', async () => {
    const csv = `email,name,gtin,serial,email_consent\nana@example.com,Ana,${gtin},AA00000001,yes\nbad,Ben,${gtin},AA00000002,no\ncy@example.com,Cy,${gtin},nope,\n`;
    const response = await upload(brand.keys.admin, csv, { consentWording: 'Email me offers.' });
    expect(response.statusCode).toBe(202);
    const view = response.json();
    expect(view).toMatchObject({ fileName: 'owners 2019.csv', status: 'done', rowsReceived: 3, rowsImported: 1, rowsRejected: 2, rowsAlreadyRegistered: 0, error: null });
    expect(view.createdBy).toContain('API key');
    importId = view.id;

    expect((await get(brand.keys.admin, `/api/v1/registration-imports/${importId}`)).json()).toEqual(view);
    expect((await get(brand.keys.admin, '/api/v1/registration-imports')).json().data[0]).toEqual(view);
  });

  it('lists the rejected lines a page at a time, in file order', async () => {
    const first = (await get(brand.keys.admin, `/api/v1/registration-imports/${importId}/rejections?limit=1`)).json();
    expect(first.data).toEqual([{ line: 3, reason: 'email: "bad" is not an email address', raw: `bad,Ben,${gtin},AA00000002,no` }]);
    const second = (await get(brand.keys.admin, `/api/v1/registration-imports/${importId}/rejections?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ data: [expect.objectContaining({ line: 4 })], nextCursor: null });
    expect((await get(brand.keys.admin, `/api/v1/registration-imports/${importId}/rejections?cursor=nonsense`)).json().error.code).toBe('invalid_cursor');
  });

  it('downloads the rejected lines with their reasons as a file that can be fixed and uploaded again', async () => {
    const response = await get(brand.keys.admin, `/api/v1/registration-imports/${importId}/rejections.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="owners-2019-rejected.csv"');
    expect(response.body).toBe(
      'reason,email,name,gtin,serial,email_consent\r\n' +
        `"Line 3: email: ""bad"" is not an email address",bad,Ben,${gtin},AA00000002,no\r\n` +
        `"Line 4: serial: ""nope"" is not in the form of Dishwasher serial numbers: 2 letters, then 8 digits",cy@example.com,Cy,${gtin},nope,\r\n`,
    );
    const fixed = response.body.replace('bad,Ben', 'ben@example.com,Ben').replace(',nope,', ',AA00000003,');
    const again = await upload(brand.keys.admin, fixed, { consentWording: 'Email me offers.' });
    expect(again.json()).toMatchObject({ status: 'done', rowsImported: 2, rowsRejected: 0 });
    const download = await get(brand.keys.admin, `/api/v1/registration-imports/${again.json().id}/rejections.csv`);
    expect(download.body).toBe('reason,email,name,gtin,serial,email_consent\r\n');
  });

  it('turns away a header it cannot use with a 400, creating nothing', async () => {
    const before = (await get(brand.keys.admin, '/api/v1/registration-imports?limit=200')).json().data.length;
    const unknown = await upload(brand.keys.admin, `email,name,gtin,colour\nana@example.com,Ana,${gtin},red\n`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('file: Unknown column "colour". The columns an import may have are: email, name,') });
    const missing = await upload(brand.keys.admin, 'email,gtin\nana@example.com,1\n');
    expect(missing.json().error.message).toContain('The file needs a "name" column');
    const noWording = await upload(brand.keys.admin, `email,name,gtin,serial,sms_consent\nana@example.com,Ana,${gtin},AA00000009,no\n`);
    expect(noWording.json().error.message).toContain('consentWording: The file has consent columns');
    expect((await get(brand.keys.admin, '/api/v1/registration-imports?limit=200')).json().data).toHaveLength(before);
  });

  it("keeps each brand's imports to itself", async () => {
    expect((await get(other.keys.admin, `/api/v1/registration-imports/${importId}`)).statusCode).toBe(404);
    expect((await get(other.keys.admin, `/api/v1/registration-imports/${importId}/rejections`)).statusCode).toBe(404);
    expect((await get(other.keys.admin, `/api/v1/registration-imports/${importId}/rejections.csv`)).statusCode).toBe(404);
    expect((await get(other.keys.admin, '/api/v1/registration-imports')).json().data).toEqual([]);
  });

  it('fails an upload that passes the size limit, keeping the lines before it, rather than import a cut line', async () => {
    const withSmallLimit = [...routeModules.filter((routes) => routes !== registrationImportRoutes), registrationImportRoutesUpTo(20_000)];
    const small = await buildServer({ db, config: config(), log: pino({ level: 'silent' }), isMigrated: async () => true }, withSmallLimit);
    const lines = Array.from({ length: 3000 }, (_, i) => `big${i}@example.com,Big,${gtin},BB${String(i).padStart(8, '0')}`);
    const body = form(`email,name,gtin,serial\n${lines.join('\n')}\n`);
    // Sent as a slow client would: the import starts on the first bytes, long before the limit.
    async function* slowly() {
      for (let at = 0; at < body.payload.length; at += 2048) {
        yield body.payload.subarray(at, at + 2048);
        await sleep(2);
      }
    }
    const response = await small.inject({ method: 'POST', url: '/api/v1/registration-imports', payload: Readable.from(slowly()), headers: { ...body.headers, ...bearer(brand.keys.admin) } });
    expect(response.statusCode).toBe(413);
    const { importId } = response.json().error.details;
    expect(response.json().error.message).toBe(`The file is larger than 0.02 MB: split it into smaller files. Import ${importId} shows how far it got.`);
    const view = (await get(brand.keys.admin, `/api/v1/registration-imports/${importId}`)).json();
    expect(view).toMatchObject({ status: 'failed', error: expect.stringMatching(/^The import stopped after line \d+ because the file is larger than 0.02 MB\./) });
    // Lines are written 20,000 at a time: the few hundred that fit in 20 KB were still waiting, and none is written.
    expect(view).toMatchObject({ rowsImported: 0, rowsRejected: 0 });
    await small.close();
  });

  it('needs the registrations:import permission and a multipart upload', async () => {
    expect((await get(brand.keys.marketer, '/api/v1/registration-imports')).statusCode).toBe(403);
    expect((await upload(brand.keys.agent, 'email,name,gtin\n')).statusCode).toBe(403);
    const json = await app.inject({ method: 'POST', url: '/api/v1/registration-imports', headers: bearer(brand.keys.admin), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });
});
