import { TZDate } from '@date-fns/tz';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBrand, testDatabase } from '../../test/harness.ts';
import { type TestSmsProvider, startTestSmsProvider } from '../../test/sms-provider.ts';
import { type TestMailbox, startTestMailbox } from '../../test/smtp.ts';
import { type BrandId, inBrand } from '../platform/database/tenancy.ts';
import { messagingTasks, smtpTransport } from './deliver.ts';
import { type OutgoingMessage, queueMessage } from './queue-message.ts';
import { twilioCompatibleTransport } from './sms/sms-transport.ts';
import { suppressionsOf } from './suppressions.ts';
import { claimedSubject } from './unsubscribe/link-token.ts';

const { db } = testDatabase(6);
let mailbox: TestMailbox;
let provider: TestSmsProvider;

beforeAll(async () => {
  [mailbox, provider] = await Promise.all([startTestMailbox(), startTestSmsProvider()]);
});
afterAll(async () => {
  await Promise.all([mailbox.close(), provider.close()]);
  await db.destroy();
});

const helpers = {} as Parameters<ReturnType<typeof messagingTasks>['deliver_message']>[1];
const zone = 'America/Chicago';

/** The first time after `after` that the clock in `timeZone` shows `hour`:`minute`. */
function nextLocal(after: Date, hour: number, minute = 0, timeZone = zone): Date {
  const local = new TZDate(after.getTime(), timeZone);
  for (let day = 0; ; day++) {
    const candidate = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + day, hour, minute, timeZone).getTime();
    if (candidate > after.getTime()) return new Date(candidate);
  }
}
/** The next time Chicago's clock shows `hour`:`minute`, at least an hour from now (messages are queued at the real now). */
const nextChicago = (hour: number, minute = 0) => nextLocal(new Date(Date.now() + 3_600_000), hour, minute);

// Without its delivery job (see deliver.test.ts): no other test file's worker may deliver it first.
const queueForThisTest = (brandId: BrandId, message: OutgoingMessage) =>
  db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`select set_config('openox.brand_id', ${brandId}, true), set_config('role', 'openox_app', true)`.execute(trx);
    return (await queueMessage({ brandId, db: trx }, message)) as string;
  });

async function ownerWith(brandId: BrandId, email: string, consent: { email?: boolean; sms?: boolean }, phone: string | null = null) {
  return inBrand(db, brandId, async (scope) => {
    const { id } = await scope.db
      .insertInto('owners')
      .values({ brand_id: brandId, name: 'Pat', email, phone, country: 'US', region: 'IL', postal_code: '60601', time_zone: zone })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [channel, granted] of Object.entries(consent) as ['email' | 'sms', boolean][]) {
      await scope.db
        .insertInto('consent_records')
        .values({ brand_id: brandId, owner_id: id, channel, granted, wording: 'Send me news.', wording_version: 'v1', language: 'en', source: 'registration_page' })
        .execute();
    }
    return id;
  });
}

const marketing = (ownerId: string, dedupeKey: string, recipient: string, channel: 'email' | 'sms' = 'email'): OutgoingMessage => ({
  ownerId, channel, class: 'marketing', template: 'offer', dedupeKey, recipient, subject: channel === 'email' ? 'A new filter, 20% off' : '', text: 'Time for a new filter.', html: null,
});
/** A header as it was written on the wire, unfolded (mailparser merges List-* headers into one object). */
const headerLine = (mail: ParsedMail, key: string) => (mail.headerLines.find((line) => line.key === key)?.line ?? '').replace(/\r\n[ \t]+/g, ' ');
const row = (id: string) => db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const history = (id: string) => db.selectFrom('message_status_events').select(['status', 'detail', 'source']).where('message_id', '=', id).orderBy('occurred_at').orderBy('id').execute();

describe('the send-time policy at delivery', () => {
  it('sends a marketing email to an owner who opted in, with one-click unsubscribe headers', async () => {
    const brand = await makeBrand(db, 'Policy Brand');
    const ownerId = await ownerWith(brand.brandId, 'fan@example.com', { email: true });
    const id = await queueForThisTest(brand.brandId, marketing(ownerId, 'p-1', 'fan@example.com'));
    const noon = nextChicago(12);
    await messagingTasks(db, smtpTransport(mailbox.url), 'news@openox.test', { now: () => noon, publicUrl: 'https://owners.example' }).deliver_message({ messageId: id }, helpers);

    const mail = await mailbox.waitFor('fan@example.com');
    const unsubscribe = /^List-Unsubscribe: <https:\/\/owners\.example\/u\/([A-Za-z0-9_-]+)>$/.exec(headerLine(mail, 'list-unsubscribe'));
    expect(unsubscribe).not.toBeNull();
    expect(claimedSubject(unsubscribe?.[1] as string)).toEqual({ brandId: brand.brandId, ownerId, channel: 'email' });
    expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(await row(id)).toMatchObject({ status: 'sent', cleared_at: noon });
    expect(await history(id)).toEqual([{ status: 'sent', detail: null, source: 'transport' }]);
  });

  it('sends service email without the unsubscribe headers and suppresses marketing without consent', async () => {
    const brand = await makeBrand(db);
    const ownerId = await ownerWith(brand.brandId, 'never-asked@example.com', {});
    const deliver = messagingTasks(db, smtpTransport(mailbox.url), 'news@openox.test').deliver_message;
    const offer = await queueForThisTest(brand.brandId, marketing(ownerId, 'p-2', 'never-asked@example.com'));
    const notice = await queueForThisTest(brand.brandId, { ...marketing(ownerId, 'p-3', 'never-asked@example.com'), class: 'service', subject: 'Your claim' });
    await deliver({ messageId: offer }, helpers);
    await deliver({ messageId: notice }, helpers);

    expect(await row(offer)).toMatchObject({ status: 'suppressed', status_reason: 'no_consent', sent_at: null });
    expect(await history(offer)).toEqual([{ status: 'suppressed', detail: 'no_consent', source: 'policy' }]);
    const mail = await mailbox.waitFor('never-asked@example.com');
    expect(mail.subject).toBe('Your claim');
    expect(headerLine(mail, 'list-unsubscribe')).toBe('');
    expect(mailbox.received.filter((m) => m.subject === 'A new filter, 20% off' && m.messageId === `<${offer}@openox>`)).toHaveLength(0);
  });

  it('holds a marketing email in quiet hours, puts its job back for the morning, and sends it then', async () => {
    const brand = await makeBrand(db);
    const ownerId = await ownerWith(brand.brandId, 'night-owl@example.com', { email: true });
    const id = await queueForThisTest(brand.brandId, marketing(ownerId, 'p-4', 'night-owl@example.com'));
    const late = nextChicago(23, 30);
    await messagingTasks(db, smtpTransport(mailbox.url), 'news@openox.test', { now: () => late }).deliver_message({ messageId: id }, helpers);

    const morning = nextLocal(late, 8);
    expect(await row(id)).toMatchObject({ status: 'held', status_reason: 'quiet_hours', hold_until: morning, claimed_at: null });
    const jobs = await sql<{ run_at: Date; payload: unknown }>`select run_at, payload from graphile_worker._private_jobs where key = ${`message:${id}`}`.execute(db);
    expect(jobs.rows).toEqual([{ run_at: morning, payload: { messageId: id } }]);

    await messagingTasks(db, smtpTransport(mailbox.url), 'news@openox.test', { now: () => morning }).deliver_message({ messageId: id }, helpers);
    expect((await mailbox.waitFor('night-owl@example.com')).messageId).toBe(`<${id}@openox>`);
    expect((await history(id)).map((event) => event.status)).toEqual(['held', 'sent']);
    await sql`select graphile_worker.remove_job(${`message:${id}`})`.execute(db);
  });

  it('expires a held message that can no longer go while relevant, and keeps it visible', async () => {
    const brand = await makeBrand(db);
    const ownerId = await ownerWith(brand.brandId, 'late@example.com', { email: true });
    const late = nextChicago(23, 30);
    const id = await queueForThisTest(brand.brandId, { ...marketing(ownerId, 'p-5', 'late@example.com'), expiresAt: new Date(late.getTime() + 3_600_000) });
    await messagingTasks(db, null, 'news@openox.test', { now: () => late }).deliver_message({ messageId: id }, helpers);
    expect(await row(id)).toMatchObject({ status: 'expired', status_reason: 'quiet_hours', sent_at: null });
  });

  it('counts two workers against each other: of two marketing emails at once, one goes and one is held by the daily cap', async () => {
    const brand = await makeBrand(db);
    const ownerId = await ownerWith(brand.brandId, 'busy@example.com', { email: true });
    const first = await queueForThisTest(brand.brandId, marketing(ownerId, 'p-6', 'busy@example.com'));
    const second = await queueForThisTest(brand.brandId, marketing(ownerId, 'p-7', 'busy@example.com'));
    const noon = nextChicago(12);
    const worker = () => messagingTasks(db, null, 'news@openox.test', { now: () => noon }).deliver_message;
    await Promise.all([worker()({ messageId: first }, helpers), worker()({ messageId: second }, helpers)]);

    const rows = await Promise.all([row(first), row(second)]);
    expect(rows.map((r) => r.status).sort()).toEqual(['held', 'logged']);
    const held = rows.find((r) => r.status === 'held');
    expect(held).toMatchObject({ status_reason: 'frequency_cap', hold_until: new Date(noon.getTime() + 24 * 3_600_000) });
    await sql`select graphile_worker.remove_job(${`message:${held?.id}`})`.execute(db);
  });

  it('sends a text through the provider with its receipt address, from the brand number', async () => {
    const brand = await makeBrand(db);
    const ownerId = await ownerWith(brand.brandId, 'texter@example.com', { sms: true }, '+13125550101');
    await inBrand(db, brand.brandId, (scope) =>
      scope.db.insertInto('messaging_settings').values({ brand_id: brand.brandId, email_caps: '[]', sms_caps: '[]', email_quiet_hours: null, marketing_expiry_hours: 72, sms_from: '+13125550000' }).execute(),
    );
    const id = await queueForThisTest(brand.brandId, marketing(ownerId, 'p-8', '+13125550101', 'sms'));
    const sms = twilioCompatibleTransport({ baseUrl: provider.url, accountSid: 'AC123', authToken: 'secret', from: '+18005550000' });
    await messagingTasks(db, null, 'news@openox.test', { sms, now: () => nextChicago(12), publicUrl: 'https://owners.example' }).deliver_message({ messageId: id }, helpers);

    const request = provider.received.find((r) => r.form.To === '+13125550101');
    expect(request).toEqual({
      accountSid: 'AC123',
      authorization: `Basic ${Buffer.from('AC123:secret').toString('base64')}`,
      form: { To: '+13125550101', From: '+13125550000', Body: 'Time for a new filter.', StatusCallback: `https://owners.example/webhooks/sms/${brand.slug}/status?message=${id}` },
    });
    expect(await row(id)).toMatchObject({ status: 'sent', provider_id: expect.stringMatching(/^SM\d{32}$/) });
  });

  it('holds a text at 20:30 in Florida (state law: until 20:00) that New York would get', async () => {
    const brand = await makeBrand(db);
    const [floridian, newYorker] = await Promise.all([
      ownerWith(brand.brandId, 'fl@example.com', { sms: true }, '+13055550101'),
      ownerWith(brand.brandId, 'ny@example.com', { sms: true }, '+12125550101'),
    ]);
    await inBrand(db, brand.brandId, async (scope) => {
      await scope.db.updateTable('owners').set({ region: 'FL', postal_code: '33101', time_zone: 'America/New_York' }).where('id', '=', floridian).execute();
      await scope.db.updateTable('owners').set({ region: 'NY', postal_code: '10001', time_zone: 'America/New_York' }).where('id', '=', newYorker).execute();
    });
    const toFlorida = await queueForThisTest(brand.brandId, marketing(floridian, 'p-9', '+13055550101', 'sms'));
    const toNewYork = await queueForThisTest(brand.brandId, marketing(newYorker, 'p-10', '+12125550101', 'sms'));
    const evening = nextChicago(19, 30); // 20:30 in New York
    const deliver = messagingTasks(db, null, 'news@openox.test', { now: () => evening }).deliver_message;
    await deliver({ messageId: toFlorida }, helpers);
    await deliver({ messageId: toNewYork }, helpers);
    expect(await row(toFlorida)).toMatchObject({ status: 'held', status_reason: 'quiet_hours', hold_until: nextLocal(evening, 8, 0, 'America/New_York') });
    expect((await row(toNewYork)).status).toBe('logged');
    await sql`select graphile_worker.remove_job(${`message:${toFlorida}`})`.execute(db);
  });

  it('sends the reply to a STOP to the number that has just opted out, and nothing else', async () => {
    const brand = await makeBrand(db);
    await inBrand(db, brand.brandId, (scope) => scope.db.insertInto('suppressions').values({ brand_id: brand.brandId, channel: 'sms', recipient: '+13125550188', reason: 'opted_out' }).execute());
    const reply = await queueForThisTest(brand.brandId, { ...marketing('', 'p-12', '+13125550188', 'sms'), ownerId: null, class: 'compliance', text: 'You are unsubscribed.' });
    const notice = await queueForThisTest(brand.brandId, { ...marketing('', 'p-13', '+13125550188', 'sms'), ownerId: null, class: 'service', text: 'Your claim moved.' });
    const sms = twilioCompatibleTransport({ baseUrl: provider.url, accountSid: 'AC123', authToken: 'secret', from: '+18005550000' });
    const deliver = messagingTasks(db, null, 'news@openox.test', { sms }).deliver_message;
    await deliver({ messageId: reply }, helpers);
    await deliver({ messageId: notice }, helpers);
    expect(provider.received.filter((r) => r.form.To === '+13125550188').map((r) => r.form.Body)).toEqual(['You are unsubscribed.']);
    expect(await row(notice)).toMatchObject({ status: 'suppressed', status_reason: 'opted_out' });
  });

  it('marks a text the provider refuses for good as failed, and suppresses a number the carrier reports unsubscribed', async () => {
    const brand = await makeBrand(db);
    const id = await queueForThisTest(brand.brandId, { ...marketing('', 'p-11', '+13125550199', 'sms'), ownerId: null, class: 'service' });
    provider.answers.push({ status: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient' } });
    const sms = twilioCompatibleTransport({ baseUrl: provider.url, accountSid: 'AC123', authToken: 'secret', from: '+18005550000' });
    await messagingTasks(db, null, 'news@openox.test', { sms }).deliver_message({ messageId: id }, helpers);

    expect(await row(id)).toMatchObject({ status: 'failed', last_error: expect.stringContaining('21610') });
    expect(await inBrand(db, brand.brandId, (scope) => suppressionsOf(scope, { email: 'none@example.com', phone: '+13125550199' }))).toEqual({ sms: 'opted_out' });
  });
});
