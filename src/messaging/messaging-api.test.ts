import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase } from '../../test/harness.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { messagingSettingsOf, sendPolicyOf } from './settings/messaging-settings.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Rules brand');
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const defaults = {
  emailCaps: [{ limit: 1, periodHours: 24 }, { limit: 3, periodHours: 168 }],
  smsCaps: [{ limit: 1, periodHours: 24 }],
  emailQuietHours: { start: '21:00', end: '08:00' },
  marketingExpiryHours: 72,
  smsFrom: null,
  smsProgram: null,
  smsFrequency: null,
  updatedAt: null,
};
const put = (payload: unknown, key = brand.keys.marketer) => app.inject({ method: 'PUT', url: '/api/v1/messaging-settings', headers: bearer(key), payload: payload as object });

describe('messaging settings', () => {
  it('are the defaults until the brand sets them: 1 marketing email a day, 3 a week, 1 text a day, quiet 21:00–08:00', async () => {
    const response = await app.inject({ url: '/api/v1/messaging-settings', headers: bearer(brand.keys.agent) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(defaults);
  });

  it('are replaced whole by a marketer, audited, and applied by the send-time policy', async () => {
    const wanted = { emailCaps: [{ limit: 2, periodHours: 24 }], smsCaps: [], emailQuietHours: null, marketingExpiryHours: 24, smsFrom: '+14155550100', smsProgram: 'Kettle tips', smsFrequency: '2 msgs/mo' };
    const saved = await put(wanted);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ ...wanted, updatedAt: expect.any(String) });
    const policy = sendPolicyOf(await inBrand(db, brand.brandId, messagingSettingsOf));
    expect(policy).toEqual({ caps: { email: [{ limit: 2, periodHours: 24 }], sms: [] }, emailQuietHours: null, marketingExpiryHours: 24 });
    const audit = await db.selectFrom('audit_log').select(['action', 'changes']).where('brand_id', '=', brand.brandId).where('action', '=', 'messaging_settings.updated').execute();
    expect(audit).toHaveLength(1);

    expect((await put({})).json()).toEqual({ ...defaults, updatedAt: expect.any(String) });
  });

  it.each([
    ['a cap of nothing', { emailCaps: [{ limit: 0, periodHours: 24 }] }, 'body.emailCaps.0.limit'],
    ['a quiet hour that is not a time', { emailQuietHours: { start: '9pm', end: '08:00' } }, 'body.emailQuietHours.start'],
    ['a sender that is not E.164', { smsFrom: '415 555 0100' }, 'body.smsFrom'],
    ['an unknown field', { quietHours: null }, 'body'],
  ])('refuses %s, naming the field', async (_, payload, path) => {
    const response = await put(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('may be changed by marketers and admins only', async () => {
    expect((await put({}, brand.keys.agent)).statusCode).toBe(403);
    expect((await put({}, brand.keys.analyst)).statusCode).toBe(403);
    expect((await put({}, brand.keys.admin)).statusCode).toBe(200);
  });
});

describe('bounce and complaint intake', () => {
  const report = (payload: unknown, key = brand.keys.admin) => app.inject({ method: 'POST', url: '/api/v1/suppressions', headers: bearer(key), payload: payload as object });

  it('suppresses a bounced address, marks the message undelivered, and lists it', async () => {
    const messageId = await inBrand(db, brand.brandId, async (scope) => {
      const { id } = await scope.db
        .insertInto('messages')
        .values({ brand_id: brand.brandId, owner_id: null, channel: 'email', class: 'service', template: 't', dedupe_key: 'bounce-1', recipient: 'gone@example.com', body_text: 'x', status: 'sent' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    });
    const response = await report({ channel: 'email', recipient: 'Gone@Example.com', reason: 'bounced', messageId, detail: '550 5.1.1 user unknown' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ channel: 'email', recipient: 'gone@example.com', reason: 'bounced' });
    const message = await db.selectFrom('messages').select(['status', 'status_reason']).where('id', '=', messageId).executeTakeFirstOrThrow();
    expect(message).toEqual({ status: 'undelivered', status_reason: 'bounced' });
    const history = await db.selectFrom('message_status_events').select(['status', 'detail', 'source']).where('message_id', '=', messageId).execute();
    expect(history).toEqual([{ status: 'undelivered', detail: '550 5.1.1 user unknown', source: 'provider' }]);

    const listed = await app.inject({ url: '/api/v1/suppressions?recipient=GONE@example.com', headers: bearer(brand.keys.agent) });
    expect(listed.json().data).toEqual([expect.objectContaining({ recipient: 'gone@example.com', reason: 'bounced' })]);
  });

  it('lets a complaint replace an owner’s own opt-out, but not the other way round', async () => {
    await report({ channel: 'sms', recipient: '+1 415 555 0199', reason: 'opted_out' });
    expect((await report({ channel: 'sms', recipient: '+14155550199', reason: 'complained' })).json().reason).toBe('complained');
    expect((await report({ channel: 'sms', recipient: '+14155550199', reason: 'opted_out' })).json().reason).toBe('complained');
  });

  it('refuses an address that is not one, and callers without messaging rights', async () => {
    const bad = await report({ channel: 'email', recipient: 'not an address', reason: 'bounced' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'body.recipient', message: expect.stringContaining('email address') }]);
    expect((await report({ channel: 'email', recipient: 'x@example.com', reason: 'bounced' }, brand.keys.agent)).statusCode).toBe(403);
  });
});
