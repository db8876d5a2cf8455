import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, makeBrand, testApp, testDatabase } from '../../../test/harness.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { App } from '../../platform/http/server.ts';
import { providerSignature } from './twilio-signature.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
const authToken = 'provider-auth-token';
const publicUrl = 'https://owners.example';

beforeAll(async () => {
  app = await testApp(db, { OPENOX_PUBLIC_URL: publicUrl, OPENOX_SMS_ACCOUNT_SID: 'AC123', OPENOX_SMS_AUTH_TOKEN: authToken, OPENOX_SMS_FROM: '+18005550000' });
  brand = await makeBrand(db, 'Texting Brand');
  await inBrand(db, brand.brandId, async (scope) => {
    await scope.db.insertInto('registration_settings').values({ brand_id: brand.brandId, support_email: 'help@texting.example', support_phone: '+1 800 555 0100' }).execute();
    await scope.db.insertInto('messaging_settings').values({ brand_id: brand.brandId, email_caps: '[]', sms_caps: '[]', email_quiet_hours: null, marketing_expiry_hours: 72, sms_program: 'Filter reminders', sms_frequency: 'Up to 4 msgs/mo' }).execute();
  });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

let sids = 0;
const nextSid = () => `SM${String(++sids).padStart(6, '0')}${Date.now()}`;

/** Posts a form as the provider does, signed with the auth token over the public URL. */
function providerPost(path: string, fields: Record<string, string>, token = authToken) {
  return app.inject({
    method: 'POST',
    url: path,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': providerSignature(token, `${publicUrl}${path}`, fields) },
  });
}
const inbound = (from: string, body: string, sid = nextSid()) => providerPost(`/webhooks/sms/${brand.slug}/inbound`, { MessageSid: sid, From: from, To: '+18005550000', Body: body, AccountSid: 'AC123' });

async function ownerWithPhone(phone: string, language = 'en', smsConsent = true) {
  return inBrand(db, brand.brandId, async (scope) => {
    const { id } = await scope.db.insertInto('owners').values({ brand_id: brand.brandId, name: 'Sam', email: `${phone.slice(1)}@example.com`, phone, language, country: 'US' }).returning('id').executeTakeFirstOrThrow();
    await scope.db
      .insertInto('consent_records')
      .values({ brand_id: brand.brandId, owner_id: id, channel: 'sms', granted: smsConsent, wording: 'Text me offers.', wording_version: 'v1', language, source: 'registration_page' })
      .execute();
    return id;
  });
}
const repliesTo = (phone: string) => db.selectFrom('messages').select(['class', 'template', 'body_text', 'owner_id']).where('brand_id', '=', brand.brandId).where('recipient', '=', phone).orderBy('created_at').execute();
const smsConsents = (ownerId: string) => db.selectFrom('consent_records').select(['granted', 'source', 'wording']).where('owner_id', '=', ownerId).where('channel', '=', 'sms').orderBy('recorded_at').orderBy('id').execute();
const suppression = (phone: string) => db.selectFrom('suppressions').select('reason').where('brand_id', '=', brand.brandId).where('recipient', '=', phone).executeTakeFirst();

describe('inbound SMS keywords', () => {
  it('refuses a request without the provider’s signature, or signed with another token', async () => {
    const fields = { MessageSid: nextSid(), From: '+13125550111', To: '+18005550000', Body: 'STOP' };
    const unsigned = await app.inject({ method: 'POST', url: `/webhooks/sms/${brand.slug}/inbound`, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.statusCode).toBe(403);
    expect(unsigned.json().error.code).toBe('webhook_signature_invalid');
    expect((await providerPost(`/webhooks/sms/${brand.slug}/inbound`, fields, 'another-token')).statusCode).toBe(403);
    expect(await suppression('+13125550111')).toBeUndefined();
  });

  it('STOP revokes SMS consent, suppresses the number and confirms once, even when the provider repeats the webhook', async () => {
    const ownerId = await ownerWithPhone('+13125550112');
    const sid = nextSid();
    const first = await inbound('+13125550112', ' Stop ', sid);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(first.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect((await inbound('+13125550112', ' Stop ', sid)).statusCode).toBe(200);

    expect(await suppression('+13125550112')).toEqual({ reason: 'opted_out' });
    expect(await smsConsents(ownerId)).toEqual([
      { granted: true, source: 'registration_page', wording: 'Text me offers.' },
      { granted: false, source: 'sms_keyword', wording: 'Texted "Stop" to +18005550000 to stop texts from Texting Brand' },
    ]);
    expect(await repliesTo('+13125550112')).toEqual([
      { class: 'compliance', template: 'sms_stop_reply', owner_id: ownerId, body_text: 'Texting Brand: You are unsubscribed and will get no more texts from us. Reply START to resubscribe.' },
    ]);
  });

  it.each(['quit', 'END', 'revoke', 'opt out', 'Cancel', 'UNSUBSCRIBE', 'stopall'].map((word, index) => [word, `+131255521${index}0`]))('treats %j as STOP', async (word, phone) => {
    await inbound(phone, word);
    expect(await suppression(phone)).toEqual({ reason: 'opted_out' });
  });

  it('START lifts the opt-out, records consent again and confirms with the programme', async () => {
    const ownerId = await ownerWithPhone('+13125550113');
    await inbound('+13125550113', 'STOP');
    await inbound('+13125550113', 'unstop');
    expect(await suppression('+13125550113')).toBeUndefined();
    expect((await smsConsents(ownerId)).map((c) => [c.granted, c.source])).toEqual([[true, 'registration_page'], [false, 'sms_keyword'], [true, 'sms_keyword']]);
    const replies = await repliesTo('+13125550113');
    expect(replies.map((r) => r.template)).toEqual(['sms_stop_reply', 'sms_start_reply']);
    expect(replies[1]?.body_text).toBe('Texting Brand: You are resubscribed to Filter reminders. Up to 4 msgs/mo. Msg & data rates may apply. Reply HELP for help, STOP to cancel.');
  });

  it('HELP answers with the brand, programme, frequency, rates notice and support contact, changing nothing', async () => {
    const ownerId = await ownerWithPhone('+13125550114');
    await inbound('+13125550114', 'help');
    const [reply] = await repliesTo('+13125550114');
    expect(reply?.body_text).toBe('Texting Brand Filter reminders: Up to 4 msgs/mo. Msg & data rates may apply. Help: +1 800 555 0100, help@texting.example. Reply STOP to cancel.');
    expect(await smsConsents(ownerId)).toHaveLength(1);
    expect(await suppression('+13125550114')).toBeUndefined();
  });

  it('answers in the owner’s language and keeps other texts without answering them', async () => {
    await ownerWithPhone('+13125550115', 'es');
    await inbound('+13125550115', 'STOP');
    await inbound('+13125550116', 'Thanks, the new filter fits!');
    expect((await repliesTo('+13125550115'))[0]?.body_text).toContain('Se ha dado de baja');
    expect(await repliesTo('+13125550116')).toEqual([]);
    const kept = await db.selectFrom('sms_inbound').select(['body', 'keyword']).where('brand_id', '=', brand.brandId).where('from_number', '=', '+13125550116').execute();
    expect(kept).toEqual([{ body: 'Thanks, the new filter fits!', keyword: null }]);
  });
});

describe('SMS delivery receipts', () => {
  async function sentText(recipient: string, providerId: string) {
    return inBrand(db, brand.brandId, async (scope) => {
      const { id } = await scope.db
        .insertInto('messages')
        .values({ brand_id: brand.brandId, owner_id: null, channel: 'sms', class: 'service', template: 'claim_update', dedupe_key: `receipt:${providerId}`, recipient, body_text: 'Your claim moved.', status: 'sent', provider_id: providerId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    });
  }
  const receipt = (messageId: string, fields: Record<string, string>) => providerPost(`/webhooks/sms/${brand.slug}/status?message=${messageId}`, fields);
  const statusOf = async (id: string) => db.selectFrom('messages').select(['status', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow();
  const historyOf = (id: string) => db.selectFrom('message_status_events').select(['status', 'detail', 'source']).where('message_id', '=', id).orderBy('occurred_at').orderBy('id').execute();

  it('marks a text delivered, keeping each receipt once in its history', async () => {
    const id = await sentText('+13125550120', 'SMdelivered1');
    expect((await receipt(id, { MessageSid: 'SMdelivered1', MessageStatus: 'sent' })).statusCode).toBe(204);
    expect((await statusOf(id)).status).toBe('sent');
    await receipt(id, { MessageSid: 'SMdelivered1', MessageStatus: 'delivered' });
    await receipt(id, { MessageSid: 'SMdelivered1', MessageStatus: 'delivered' });
    expect(await statusOf(id)).toEqual({ status: 'delivered', last_error: null });
    expect(await historyOf(id)).toEqual([
      { status: 'sent', detail: null, source: 'provider' },
      { status: 'delivered', detail: null, source: 'provider' },
    ]);
  });

  it('marks an undeliverable text and suppresses a number that does not exist', async () => {
    const id = await sentText('+13125550121', 'SMundelivered1');
    await receipt(id, { MessageSid: 'SMundelivered1', MessageStatus: 'undelivered', ErrorCode: '30005' });
    expect(await statusOf(id)).toEqual({ status: 'undelivered', last_error: 'provider error 30005' });
    expect(await suppression('+13125550121')).toEqual({ reason: 'bounced' });
  });

  it('ignores a receipt that names another provider id, and refuses an unsigned one', async () => {
    const id = await sentText('+13125550122', 'SMmine');
    await receipt(id, { MessageSid: 'SMsomeoneelse', MessageStatus: 'failed' });
    expect((await statusOf(id)).status).toBe('sent');
    const unsigned = await app.inject({ method: 'POST', url: `/webhooks/sms/${brand.slug}/status?message=${id}`, payload: 'MessageSid=SMmine&MessageStatus=failed', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.statusCode).toBe(403);
    expect((await statusOf(id)).status).toBe('sent');
  });
});
