import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, testApp, testDatabase, validModel } from '../../../test/harness.ts';
import { multipartForm } from '../../../test/multipart.ts';
import type { App } from '../../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let modelId: string;

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Hogar Uno');
  const created = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ name: 'Uno Kettle', gtins: [freshGtin()], serialRules: [{ mask: 'KT######' }] }) });
  modelId = created.json().id;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const site = (path: string) => `/o/${brand.slug}${path}`;
const registerByPage = async (fields: Record<string, string>, cookie?: string) => {
  const form = await app.inject({ url: site(`/register?model=${modelId}`), headers: cookie ? { cookie } : {} });
  const submissionId = /name="submission_id" value="([^"]+)"/.exec(form.body)?.[1] as string;
  const body = multipartForm({ model_id: modelId, submission_id: submissionId, purchase_date: '2026-10-10', retailer_other: 'Corner Shop', ...fields });
  return { form, response: await app.inject({ method: 'POST', url: site('/register'), payload: body.payload, headers: { ...body.headers, ...(cookie ? { cookie } : {}) } }) };
};
const latestMessage = async (template: string) =>
  db.selectFrom('messages').selectAll().where('brand_id', '=', brand.brandId).where('template', '=', template).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
const cookieOf = (response: { cookies: { name: string; value: string }[] }) => `openox_owner=${response.cookies.find((c) => c.name === 'openox_owner')?.value}`;

describe('owners without passwords', () => {
  it('sign in with the link from the confirmation email, once, and then register a second product in one step', async () => {
    const first = await registerByPage({ name: 'Luis Peña', email: 'luis@example.com', postal_code: '10001', serial: 'KT000001' });
    expect(first.response.statusCode).toBe(303);
    const link = /\/o\/[^/]+\/sign-in\/([A-Za-z0-9_-]+)\?next=([^\s]+)/.exec((await latestMessage('registration_confirmation')).body_text);
    const path = site(`/sign-in/${link?.[1]}`);

    const landing = await app.inject({ url: `${path}?next=${link?.[2]}` });
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('Continue to my products');
    const signedIn = await app.inject({ method: 'POST', url: path, payload: `next=${link?.[2]}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toMatch(new RegExp(`^/o/${brand.slug}/products/[0-9a-f-]{36}$`));
    const cookie = signedIn.cookies.find((c) => c.name === 'openox_owner');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `/o/${brand.slug}` });
    expect((await app.inject({ method: 'POST', url: path, payload: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(410);

    const owner = cookieOf(signedIn);
    const products = await app.inject({ url: site('/products'), headers: { cookie: owner } });
    expect(products.body).toContain('Hello, Luis Peña');
    expect(products.body).toContain('Uno Kettle');
    expect(products.body).toContain('Serial KT000001');

    const second = await registerByPage({ serial: 'KT000002' }, owner);
    expect(second.form.body).toContain('Registering as Luis Peña (luis@example.com).');
    expect(second.form.body).not.toContain('name="email"');
    expect(second.response.statusCode).toBe(303);
    const owned = await db.selectFrom('ownerships').innerJoin('owners', 'owners.id', 'ownerships.owner_id').select(['ownerships.serial']).where('owners.email', '=', 'luis@example.com').orderBy('ownerships.serial').execute();
    expect(owned.map((o) => o.serial)).toEqual(['KT000001', 'KT000002']);
  });

  it('sign in with a one-time code, which cannot be guessed', async () => {
    await registerByPage({ name: 'Eva Ruiz', email: 'eva@example.com', postal_code: '10001', serial: 'KT000003' });
    const asked = await app.inject({ method: 'POST', url: site('/sign-in'), payload: 'email=EVA@example.com', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(asked.body).toContain('Check your email');
    const code = /code: ([0-9]{6})/.exec((await latestMessage('owner_sign_in')).body_text)?.[1] as string;
    const wrongCode = code === '000000' ? '111111' : '000000';
    const post = (value: string) => app.inject({ method: 'POST', url: site('/sign-in/code'), payload: `email=eva@example.com&code=${value}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect((await post(wrongCode)).statusCode).toBe(422);
    const accepted = await post(code);
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe(site('/products'));
    for (let attempt = 0; attempt < 5; attempt++) await post(wrongCode);
    expect((await post(code)).statusCode).not.toBe(303);
  });

  it('answers an unknown email exactly as a known one, and sends nothing', async () => {
    const before = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('brand_id', '=', brand.brandId).executeTakeFirstOrThrow();
    const unknown = await app.inject({ method: 'POST', url: site('/sign-in'), payload: 'email=nobody@example.com', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('If nobody@example.com has products registered with Hogar Uno');
    const after = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('brand_id', '=', brand.brandId).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('let an owner withdraw a consent, recorded with the words shown', async () => {
    await registerByPage({ name: 'Mia Sol', email: 'mia@example.com', postal_code: '10001', serial: 'KT000004', consent_email: 'on' });
    const { token } = { token: /sign-in\/([A-Za-z0-9_-]+)/.exec((await latestMessage('registration_confirmation')).body_text)?.[1] };
    const signedIn = await app.inject({ method: 'POST', url: site(`/sign-in/${token}`), payload: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const cookie = cookieOf(signedIn);
    const account = await app.inject({ url: site('/account'), headers: { cookie } });
    expect(account.body).toMatch(/<input type="checkbox" id="consent_email" name="consent_email" checked=""\/>/);
    const form = (body: string) => app.inject({ method: 'POST', url: site('/account'), payload: body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    const wrong = await form('name=Mia+Sol&phone=12&postal_code=10001');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Enter a mobile number with its area code');
    expect(wrong.body).toMatch(/name="phone" value="12"/);
    const saved = await form('name=Mia+Sol&phone=(212)+555-0188&postal_code=10001');
    expect(saved.statusCode).toBe(303);
    const owner = await db.selectFrom('owners').select(['phone', 'postal_code']).where('email', '=', 'mia@example.com').executeTakeFirstOrThrow();
    expect(owner).toEqual({ phone: '+12125550188', postal_code: '10001' });
    const records = await db.selectFrom('consent_records').innerJoin('owners', 'owners.id', 'consent_records.owner_id')
      .select(['channel', 'granted', 'consent_records.source', 'wording']).where('owners.email', '=', 'mia@example.com').where('channel', '=', 'email').orderBy('recorded_at').execute();
    expect(records.map((r) => [r.granted, r.source])).toEqual([[true, 'registration_page'], [false, 'owner_page']]);
    expect(records[1]?.wording).toBe('Email me tips, offers and news about my Hogar Uno products.');
  });

  it('sends a signed-out browser to sign in', async () => {
    const response = await app.inject({ url: site('/products') });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(site('/sign-in'));
  });
});
