import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, makeBrand, ownerCookie, testApp, testDatabase } from '../../../test/harness.ts';
import { type BrandId, inBrand } from '../../platform/database/tenancy.ts';
import type { App } from '../../platform/http/server.ts';
import { messagingTasks } from '../deliver.ts';
import { queueMessage } from '../queue-message.ts';
import { ownerLinks } from '../unsubscribe/link-token.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let other: TestBrand;

beforeAll(async () => {
  app = await testApp(db, { OPENOX_PUBLIC_URL: 'https://owners.example' });
  [brand, other] = [await makeBrand(db, 'Centre Brand'), await makeBrand(db, 'Other Brand')];
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

async function ownerOf(target: TestBrand, email: string, options: { phone?: string; language?: string; consent?: boolean } = {}) {
  return inBrand(db, target.brandId, async (scope) => {
    const { id } = await scope.db
      .insertInto('owners')
      .values({ brand_id: target.brandId, name: 'Robin', email, phone: options.phone ?? null, country: 'US', postal_code: '60601', language: options.language ?? 'en' })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (options.consent !== undefined) {
      await scope.db
        .insertInto('consent_records')
        .values({ brand_id: target.brandId, owner_id: id, channel: 'email', granted: options.consent, wording: 'Email me offers.', wording_version: 'v1', language: 'en', source: 'registration_page' })
        .execute();
    }
    return id;
  });
}

const linksFor = (target: TestBrand, ownerId: string) => inBrand(db, target.brandId, (scope) => ownerLinks(scope, 'https://owners.example', target.slug, ownerId, 'email'));
const pathOf = (url: string) => new URL(url).pathname;
const consentRecords = (ownerId: string) =>
  db.selectFrom('consent_records').select(['channel', 'granted', 'source', 'wording', 'language']).where('owner_id', '=', ownerId).orderBy('recorded_at').orderBy('id').execute();
const form = { 'content-type': 'application/x-www-form-urlencoded' } as const;

describe('one-click unsubscribe (RFC 8058)', () => {
  it('never acts on a GET: it shows a button that posts, and a link to the preference centre', async () => {
    const ownerId = await ownerOf(brand, 'scanned@example.com', { consent: true });
    const { unsubscribeUrl, preferencesUrl } = await linksFor(brand, ownerId);
    const page = await app.inject({ url: pathOf(unsubscribeUrl) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`<form class="card" action="${pathOf(unsubscribeUrl)}" method="post">`));
    expect(page.body).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click"/>');
    expect(page.body).toContain(`href="${pathOf(preferencesUrl)}"`);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await consentRecords(ownerId)).map((r) => r.granted)).toEqual([true]);
  });

  it('unsubscribes on the POST a mail client sends, with no session or CSRF token, and the next marketing email is suppressed', async () => {
    const ownerId = await ownerOf(brand, 'one-click@example.com', { consent: true });
    const { unsubscribeUrl } = await linksFor(brand, ownerId);
    const posted = await app.inject({ method: 'POST', url: pathOf(unsubscribeUrl), payload: 'List-Unsubscribe=One-Click', headers: { ...form, 'user-agent': 'MailClient/1.0' } });
    expect(posted.statusCode).toBe(200);
    expect(posted.headers.location).toBeUndefined();
    expect(posted.body).toContain('You are unsubscribed');
    expect(await consentRecords(ownerId)).toEqual([
      { channel: 'email', granted: true, source: 'registration_page', wording: 'Email me offers.', language: 'en' },
      { channel: 'email', granted: false, source: 'unsubscribe_link', wording: 'Unsubscribe from news and offers from Centre Brand by email', language: 'en' },
    ]);
    const evidence = await db.selectFrom('consent_records').select(['user_agent', 'ip']).where('owner_id', '=', ownerId).where('source', '=', 'unsubscribe_link').executeTakeFirstOrThrow();
    expect(evidence).toEqual({ user_agent: 'MailClient/1.0', ip: '127.0.0.1' });

    // A second click changes nothing more.
    await app.inject({ method: 'POST', url: pathOf(unsubscribeUrl), payload: 'List-Unsubscribe=One-Click', headers: form });
    expect(await consentRecords(ownerId)).toHaveLength(2);

    const id = await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`select set_config('openox.brand_id', ${brand.brandId}, true), set_config('role', 'openox_app', true)`.execute(trx);
      return queueMessage({ brandId: brand.brandId as BrandId, db: trx }, { ownerId, channel: 'email', class: 'marketing', template: 'offer', dedupeKey: 'after-unsubscribe', recipient: 'one-click@example.com', subject: 'Offer', text: 'Offer', html: null });
    });
    await messagingTasks(db, null, 'news@openox.test').deliver_message({ messageId: id }, {} as never);
    expect(await db.selectFrom('messages').select(['status', 'status_reason']).where('id', '=', id as string).executeTakeFirstOrThrow()).toEqual({ status: 'suppressed', status_reason: 'consent_withdrawn' });
  });

  it('accepts the one-click POST as multipart/form-data too', async () => {
    const ownerId = await ownerOf(brand, 'multipart@example.com', { consent: true });
    const { unsubscribeUrl } = await linksFor(brand, ownerId);
    const boundary = 'x-boundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const posted = await app.inject({ method: 'POST', url: pathOf(unsubscribeUrl), payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(posted.statusCode).toBe(200);
    expect((await consentRecords(ownerId)).map((r) => r.granted)).toEqual([true, false]);
  });

  it('does nothing for a POST without the one-click body, a forged token, or another brand’s token', async () => {
    const ownerId = await ownerOf(brand, 'careful@example.com', { consent: true });
    const { unsubscribeUrl } = await linksFor(brand, ownerId);
    const path = pathOf(unsubscribeUrl);
    expect((await app.inject({ method: 'POST', url: path, payload: '', headers: form })).statusCode).toBe(400);

    const token = path.slice('/u/'.length);
    const forged = `/u/${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await app.inject({ method: 'POST', url: forged, payload: 'List-Unsubscribe=One-Click', headers: form })).statusCode).toBe(404);
    expect((await app.inject({ url: forged })).statusCode).toBe(404);

    // The other brand's key cannot sign for this owner: a token made with it names this brand and fails.
    const { unsubscribeUrl: othersUrl } = await inBrand(db, other.brandId, (scope) => ownerLinks(scope, 'https://owners.example', other.slug, ownerId, 'email'));
    expect((await app.inject({ method: 'POST', url: pathOf(othersUrl), payload: 'List-Unsubscribe=One-Click', headers: form })).statusCode).toBe(404);
    expect((await consentRecords(ownerId)).map((r) => r.granted)).toEqual([true]);
  });
});

describe('the preference centre', () => {
  it('opens from the link in a message without signing in, in the owner’s language, and saves every channel', async () => {
    const ownerId = await ownerOf(brand, 'prefs@example.com', { phone: '+13125550150', language: 'es' });
    const { preferencesUrl } = await linksFor(brand, ownerId);
    const path = pathOf(preferencesUrl);
    const page = await app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Noticias y ofertas');
    expect(page.body).toContain('id="consent_email"');
    expect(page.body).toContain('id="consent_sms"');
    expect(page.body).toContain('id="stop_sms"');
    expect(page.body).toContain('Según su dirección (America/Chicago)');

    const saved = await app.inject({ method: 'POST', url: path, payload: 'consent_email=on&consent_sms=on&stop_sms=on&time_zone=America%2FDenver', headers: { ...form, 'accept-language': 'es' } });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${path}?saved=1`);
    const records = await consentRecords(ownerId);
    expect(records.map((r) => [r.channel, r.granted, r.source, r.language])).toEqual([['email', true, 'preference_centre', 'es'], ['sms', true, 'preference_centre', 'es']]);
    expect(records[1]?.wording).toContain('Envíenme por SMS');
    expect(await db.selectFrom('suppressions').select(['channel', 'reason']).where('brand_id', '=', brand.brandId).where('recipient', '=', '+13125550150').execute()).toEqual([{ channel: 'sms', reason: 'opted_out' }]);
    expect((await db.selectFrom('owners').select('time_zone').where('id', '=', ownerId).executeTakeFirstOrThrow()).time_zone).toBe('America/Denver');

    // Unticking withdraws; an unknown zone is not stored.
    await app.inject({ method: 'POST', url: path, payload: 'consent_sms=on&time_zone=Mars%2FOlympus', headers: form });
    expect((await consentRecords(ownerId)).map((r) => [r.channel, r.granted])).toEqual([['email', true], ['sms', true], ['email', false]]);
    expect((await db.selectFrom('owners').select('time_zone').where('id', '=', ownerId).executeTakeFirstOrThrow()).time_zone).toBeNull();
  });

  it('refuses a link under another brand’s address', async () => {
    const ownerId = await ownerOf(brand, 'elsewhere@example.com');
    const { preferencesUrl } = await linksFor(brand, ownerId);
    expect((await app.inject({ url: pathOf(preferencesUrl).replace(brand.slug, other.slug) })).statusCode).toBe(404);
  });

  it('is reachable signed in, with news and offers among the choices', async () => {
    const ownerId = await ownerOf(brand, 'signed-in@example.com');
    const cookie = await ownerCookie(app, db, brand, ownerId);
    const page = await app.inject({ url: `/o/${brand.slug}/contact-preferences`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('News and offers');
    expect(page.body).toContain('Email me tips, offers and news about my Centre Brand products.');
    await app.inject({ method: 'POST', url: `/o/${brand.slug}/contact-preferences`, payload: 'consent_email=on', headers: { ...form, cookie } });
    expect((await consentRecords(ownerId)).map((r) => [r.granted, r.source])).toEqual([[true, 'preference_centre']]);
    expect((await app.inject({ url: `/o/${brand.slug}/contact-preferences` })).headers.location).toBe(`/o/${brand.slug}/sign-in`);
  });
});
