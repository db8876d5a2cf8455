import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, freshGtin, makeBrand, testDatabase, validModel } from '../../../test/harness.ts';
import { systemActor } from '../../access/principal.ts';
import { createModelBody } from '../../catalog/model-schema.ts';
import { createModel } from '../../catalog/models.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import { failStalledImports } from './import.tasks.ts';
import { importRegistrations } from './run.ts';

const { db } = testDatabase();
const wording = 'Yes, send me tips and offers by email or SMS.';

/** A brand with a serial-coded dishwasher, a date-coded coffee maker, a kettle known by SKU only, and a stroller. */
async function brandWithCatalog() {
  const brand = await makeBrand(db);
  const gtins = { dishwasher: freshGtin(), coffee: freshGtin(), stroller: freshGtin() };
  await inBrand(db, brand.brandId, async (scope) => {
    const add = (fields: Record<string, unknown>) => createModel(scope, systemActor, createModelBody.parse(validModel(fields)));
    await add({ name: 'Dishwasher', gtins: [gtins.dishwasher], serialRules: [{ mask: 'AA########' }] });
    await add({ name: 'Coffee maker', category: 'coffee makers', gtins: [gtins.coffee], serialRules: [{ mask: 'YYWW####' }] });
    await add({ name: 'Kettle', sku: `KT-${brand.slug}`, category: 'kettles' });
    await add({ name: 'Stroller', category: 'strollers', gtins: [gtins.stroller], serialRules: [{ mask: 'ST#####' }] });
  });
  return { brand, gtins, kettleSku: `KT-${brand.slug}` };
}

// Chunks of three lines, over two lanes: every path between chunks and lanes is taken even by short files.
const run = (brand: TestBrand, csv: string, consentWording: string | null = wording, lanes = 2) =>
  importRegistrations(db, brand.brandId, { csv: Readable.from([Buffer.from(csv)]), fileName: 'history.csv', consentWording, actor: systemActor, chunkRows: 3, lanes });

const ownershipsOf = (brand: TestBrand) =>
  inBrand(db, brand.brandId, (scope) =>
    scope.db
      .selectFrom('ownerships as w')
      .innerJoin('owners as o', 'o.id', 'w.owner_id')
      .select(['o.email', 'w.serial', 'w.stage', 'w.source', 'w.identified_by', 'w.import_id', 'w.safety_only', 'w.manufactured_on', 'w.purchase_date', 'w.registered_at'])
      .orderBy('o.email')
      .orderBy('w.serial')
      .execute(),
  );
const rejectionsOf = (brand: TestBrand, importId: string) =>
  inBrand(db, brand.brandId, (scope) => scope.db.selectFrom('registration_import_rejections').select(['line', 'reason', 'raw']).where('import_id', '=', importId).orderBy('line').execute());

afterAll(async () => {
  await db.destroy();
});

describe('importing historical registrations', () => {
  let setup: Awaited<ReturnType<typeof brandWithCatalog>>;
  let file: string;

  beforeAll(async () => {
    setup = await brandWithCatalog();
    const { gtins, kettleSku } = setup;
    file = [
      'Email,Name,Phone,GTIN,SKU,Serial,Purchase_Date,Country,Registered_At,Email_Consent,SMS_Consent',
      `ana@example.com,Ana Ruiz,(415) 555-2671,${gtins.dishwasher},,ab12345678,2020-05-01,US,2020-05-02,yes,yes`, // 2
      `ben@example.com,Ben Ode,,${gtins.coffee},,23150001,,,,no,`, // 3: registered now
      `ana@example.com,Ana R.,,,${kettleSku},,2021-01-01,US,2021-01-02T10:00:00Z,,`, // 4: Ana again, a kettle without serial
      `cy@example.com,Cy,,${gtins.dishwasher},,AB123,2020-01-01,US,,,`, // 5: serial does not fit
      `dee@example.com,Dee,,${gtins.dishwasher.slice(0, -1)}${(Number(gtins.dishwasher.at(-1)) + 1) % 10},,AB00000001,,,,,`, // 6: check digit
      `eve@example.com,Eve,,${gtins.dishwasher},,AB12345678,2020-05-01,US,,,`, // 7: line 2's unit, for another email
      `fay@example.com,Fay,,09506000134352,,AB00000002,,,,,`, // 8: the demo brand's GTIN, not this brand's
      'gus@example.com,Gus,,"0"1,,,,,,,', // 9: a stray quote, kept as a character
      `hal@example.com,Hal,,${gtins.dishwasher},,AB00000003,,,,,,extra`, // 10: more fields than the header
      `ivy@example.com,Ivy,,${gtins.stroller},,st 12345,2024-01-01,US,2024-01-02,yes,yes`, // 11: safety: no consents
      `ana@example.com,Ana Ruiz,,,${kettleSku},,2021-01-01,US,,,`, // 12: the same kettle as line 4
      `jo@example.com,Jo,,${gtins.dishwasher},,AB00000004,2030-01-01,US,,maybe,`, // 13: two problems
      `kay@example.com,"Kay,,${gtins.dishwasher},,AB00000005,,,,,`, // 14: a quoted value never closed
    ].join('\n');
  });

  it('imports the good lines, lists each bad one with its reason, and publishes one event', async () => {
    const view = await run(setup.brand, file);
    expect(view).toMatchObject({ status: 'done', rowsReceived: 13, rowsImported: 4, rowsRejected: 9, rowsAlreadyRegistered: 0, error: null });

    const ownerships = await ownershipsOf(setup.brand);
    expect(ownerships.map((o) => [o.email, o.serial, o.stage, o.source, o.identified_by, o.safety_only])).toEqual([
      ['ana@example.com', 'AB12345678', 'enjoying', 'import', 'typed', false],
      ['ana@example.com', null, 'enjoying', 'import', 'typed', false],
      ['ben@example.com', '23150001', 'onboarding', 'import', 'typed', false],
      ['ivy@example.com', 'ST12345', 'enjoying', 'import', 'typed', true],
    ]);
    expect(ownerships.every((o) => o.import_id === view.id)).toBe(true);
    expect(ownerships[2]?.manufactured_on).toBe('2023-04-10'); // the Monday of 2023's ISO week 15
    expect(ownerships[1]?.registered_at).toEqual(new Date('2021-01-02T10:00:00Z'));

    const rejections = await rejectionsOf(setup.brand, view.id);
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [5, 'serial: "AB123" is not in the form of Dishwasher serial numbers: 2 letters, then 8 digits'],
      [6, expect.stringMatching(/^gtin: ".*": The check digit \(last digit\) should be/)],
      [7, 'serial: AB12345678 of the same product is also on another line of this file, which registered it'],
      [8, 'gtin: 09506000134352 is not the GTIN of any of your models'],
      [9, 'gtin: ""0"1": A GTIN has only digits.'],
      [10, 'This line is not valid CSV: it has 12 fields but the header has 11; put quotes around values that contain commas, or remove the extra fields'],
      [12, 'The same product, email and purchase date as another line of this file, which registered it'],
      [13, 'purchase_date: 2030-01-01 is in the future; email_consent: "maybe" is not yes or no (also accepted: true/false, 1/0, or empty when not asked)'],
      [14, expect.stringContaining('This line is not valid CSV: a quote (") is out of place')],
    ]);
    expect(rejections.find((r) => r.line === 10)?.raw).toMatch(/^hal@example.com,Hal,.*,extra$/);

    const events = await inBrand(db, setup.brand.brandId, (scope) => scope.db.selectFrom('events').select(['type', 'subject_id', 'payload']).where('type', 'like', 'registration%').execute());
    expect(events).toEqual([{ type: 'registrations.imported', subject_id: view.id, payload: { importId: view.id, imported: 4, rejected: 9, alreadyRegistered: 0 } }]);
  });

  it('makes owners from their first line, and records consents with the wording and its version, not for safety lines', async () => {
    const { owners, consents } = await inBrand(db, setup.brand.brandId, async (scope) => ({
      owners: await scope.db.selectFrom('owners').select(['email', 'name', 'phone', 'country', 'safety_only']).orderBy('email').execute(),
      consents: await scope.db
        .selectFrom('consent_records as c')
        .innerJoin('owners as o', 'o.id', 'c.owner_id')
        .select(['o.email', 'c.channel', 'c.granted', 'c.wording', 'c.wording_version', 'c.source', 'c.recorded_at', 'c.ip'])
        .orderBy('o.email')
        .orderBy('c.channel')
        .execute(),
    }));
    expect(owners).toEqual([
      { email: 'ana@example.com', name: 'Ana Ruiz', phone: '+14155552671', country: 'US', safety_only: false },
      { email: 'ben@example.com', name: 'Ben Ode', phone: null, country: null, safety_only: false },
      { email: 'ivy@example.com', name: 'Ivy', phone: null, country: 'US', safety_only: true },
    ]);
    expect(consents.map((c) => [c.email, c.channel, c.granted])).toEqual([
      ['ana@example.com', 'email', true],
      ['ana@example.com', 'sms', true],
      ['ben@example.com', 'email', false],
    ]);
    expect(consents[0]).toMatchObject({ wording: wording, wording_version: expect.stringMatching(/^[0-9a-f]{12}$/), source: 'import', ip: null, recorded_at: new Date('2020-05-02T00:00:00Z') });
  });

  it('imports nothing twice when the same file is imported again', async () => {
    const again = await run(setup.brand, file);
    // Line 12 repeats line 4's kettle: the first run rejected it as a duplicate; now that kettle is registered to the same email.
    expect(again).toMatchObject({ status: 'done', rowsReceived: 13, rowsImported: 0, rowsAlreadyRegistered: 5, rowsRejected: 8 });
    expect(await ownershipsOf(setup.brand)).toHaveLength(4);
    // Line 7's unit, which the first run took as a repeat of line 2, is now simply someone else's.
    expect((await rejectionsOf(setup.brand, again.id)).find((r) => r.line === 7)?.reason).toBe('serial: AB12345678 is already registered to another owner');
    const consents = await inBrand(db, setup.brand.brandId, (scope) => scope.db.selectFrom('consent_records').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
    expect(consents.n).toBe(3);
  });

  it('keeps the details of an owner who exists, filling only what they left empty', async () => {
    const { brand, gtins } = await brandWithCatalog();
    await inBrand(db, brand.brandId, (scope) =>
      scope.db.insertInto('owners').values({ brand_id: brand.brandId, email: 'kim@example.com', name: 'Kim Original', phone: null, postal_code: '10001', country: null, safety_only: true }).execute(),
    );
    const view = await run(brand, `email,name,phone,gtin,serial,postal_code,country\nKIM@example.com,Kim Changed,+1 415 555 2671,${gtins.dishwasher},AA00000001,99999,CA\n`);
    expect(view).toMatchObject({ rowsImported: 1 });
    const owner = await inBrand(db, brand.brandId, (scope) => scope.db.selectFrom('owners').selectAll().where('email', '=', 'kim@example.com').executeTakeFirstOrThrow());
    // An ordinary product's registration lifts safety_only, as the registration page does.
    expect(owner).toMatchObject({ name: 'Kim Original', phone: '+14155552671', postal_code: '10001', country: 'CA', safety_only: false });
  });

  it("treats another brand's GTIN as unknown, and another brand's owners as strangers", async () => {
    const other = await brandWithCatalog();
    const view = await run(other.brand, `email,name,gtin,serial\nana@example.com,Ana,${setup.gtins.dishwasher},AB12345678\n`);
    expect(view).toMatchObject({ rowsImported: 0, rowsRejected: 1 });
    expect((await rejectionsOf(other.brand, view.id))[0]?.reason).toBe(`gtin: ${setup.gtins.dishwasher.padStart(14, '0')} is not the GTIN of any of your models`);
  });

  it('finds repeated units within a chunk and across chunks, and needs the consent wording only with consent columns', async () => {
    const { brand, gtins } = await brandWithCatalog();
    // Lines 2 to 9 alternate two serials; in one lane, chunks of three lines are lines 2-4, 5-7 and 8-9.
    const lines = Array.from({ length: 8 }, (_, i) => `p${i}@example.com,P,${gtins.dishwasher},AA0000000${i % 2}`);
    const view = await run(brand, `email,name,gtin,serial\n${lines.join('\n')}\n`, null, 1);
    expect(view).toMatchObject({ rowsImported: 2, rowsRejected: 6 });
    const earlier = (serial: string) => `serial: ${serial} of the same product is also on another line of this file, which registered it`;
    expect((await rejectionsOf(brand, view.id)).map((r) => [r.line, r.reason])).toEqual([
      [4, 'serial: AA00000000 of the same product is also on line 2; a unit is registered from one line only'],
      [5, earlier('AA00000001')],
      [6, earlier('AA00000000')],
      [7, 'serial: AA00000001 of the same product is also on line 5; a unit is registered from one line only'],
      [8, earlier('AA00000000')],
      [9, earlier('AA00000001')],
    ]);
    await expect(run(brand, 'email,name,gtin,email_consent\n', null)).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('consentWording: The file has consent columns') });
  });

  it('comes to the same result in one lane as in two', async () => {
    const results = [];
    for (const lanes of [1, 2]) {
      const { brand, gtins } = await brandWithCatalog();
      // 37 owners come back for more units; lines from i = 250 on repeat earlier units for other owners.
      const lines = Array.from({ length: 300 }, (_, i) => `o${i % 37}@example.com,O ${i % 37},${gtins.dishwasher},AA${String(i % 250).padStart(8, '0')},${i % 3 ? 'yes' : ''}`);
      const view = await importRegistrations(db, brand.brandId, {
        csv: Readable.from([Buffer.from(`email,name,gtin,serial,email_consent\n${lines.join('\n')}\n`)]),
        fileName: 'f.csv', consentWording: wording, actor: systemActor, chunkRows: 50, lanes,
      });
      const consents = await inBrand(db, brand.brandId, (scope) => scope.db.selectFrom('consent_records').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
      results.push({ ...view, id: '', createdAt: '', finishedAt: '', consents: consents.n, rejectedLines: (await rejectionsOf(brand, view.id)).map((r) => r.line) });
    }
    expect(results[0]).toMatchObject({ status: 'done', rowsImported: 250, rowsRejected: 50, consents: 166 });
    expect(results[1]).toEqual(results[0]);
  });

  it('fails an import whose file stops part-way, keeping what it applied, and a re-run finishes it', async () => {
    const { brand, gtins } = await brandWithCatalog();
    const lines = Array.from({ length: 10 }, (_, i) => `q${i}@example.com,Q,${gtins.dishwasher},AA0000001${i}`);
    const broken = new Readable({ read() {} });
    broken.push(`email,name,gtin,serial\n${lines.slice(0, 7).join('\n')}\n`);
    // Long enough for the seven lines to be applied even on a busy machine; then the upload breaks.
    setTimeout(() => broken.destroy(new Error('connection reset')), 1500);
    let importId = '';
    await expect(
      importRegistrations(db, brand.brandId, {
        csv: broken, fileName: 'f.csv', consentWording: null, actor: systemActor, chunkRows: 3, lanes: 1,
        onStarted: (v) => void (importId = v.id), describeFailure: () => 'the upload was interrupted',
      }),
    ).rejects.toThrow('connection reset');
    const failed = await inBrand(db, brand.brandId, (scope) => scope.db.selectFrom('registration_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow());
    expect(failed).toMatchObject({ status: 'failed', rows_imported: 6, through_lines: [7] });
    expect(failed.error).toContain('The import stopped after line 7 because the upload was interrupted.');

    const rerun = await run(brand, `email,name,gtin,serial\n${lines.join('\n')}\n`, null);
    expect(rerun).toMatchObject({ status: 'done', rowsImported: 4, rowsAlreadyRegistered: 6 });
  });

  it('fails imports whose process stopped, so they do not say "receiving" for ever', async () => {
    const { brand } = await brandWithCatalog();
    const stalled = await inBrand(db, brand.brandId, (scope) =>
      scope.db.insertInto('registration_imports').values({ brand_id: brand.brandId, file_name: 'f.csv', header: 'email', created_by: 'test', updated_at: new Date(Date.now() - 3600_000) }).returning('id').executeTakeFirstOrThrow(),
    );
    expect(await failStalledImports(db, new Date(Date.now() - 60_000))).toBeGreaterThanOrEqual(1);
    const after = await inBrand(db, brand.brandId, (scope) => scope.db.selectFrom('registration_imports').select(['status', 'error']).where('id', '=', stalled.id).executeTakeFirstOrThrow());
    expect(after).toMatchObject({ status: 'failed', error: expect.stringContaining('stopped after line 1 because the process running it ended') });
  });
});
