import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase, testPassword, validModel } from '../../test/harness.ts';
import type { App } from '../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

async function signIn(email: string, password = testPassword) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  const cookie = response.cookies.find((c) => c.name === 'openox_session');
  return { response, cookie: cookie ? `openox_session=${cookie.value}` : '', csrf: response.json().csrfToken as string, setCookie: cookie };
}

describe('staff sign-in', () => {
  it('opens a secure, HTTP-only, SameSite session and reports role, permissions and brand', async () => {
    const { response, setCookie, cookie } = await signIn(brand.emails.marketer);
    expect(response.statusCode).toBe(200);
    expect(setCookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(response.json()).toMatchObject({ principal: { kind: 'staff', role: 'marketer', permissions: ['catalog:read', 'events:read', 'owners:read', 'messages:read', 'templates:manage', 'journeys:read', 'journeys:write', 'messaging:manage'] }, brand: { id: brand.brandId } });
    const session = await app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(session.json().principal.label).toBe(brand.emails.marketer);
  });

  it('refuses a wrong password with the same answer as an unknown email', async () => {
    const wrong = await signIn(brand.emails.agent, 'not the password');
    const unknown = await signIn('nobody@example.test', 'not the password');
    expect(wrong.response.statusCode).toBe(401);
    expect(unknown.response.json()).toEqual(wrong.response.json());
  });

  it('stops guessing after five failures for an account', async () => {
    const target = await makeBrand(db);
    for (let i = 0; i < 5; i++) expect((await signIn(target.emails.analyst, `guess ${i}`)).response.statusCode).toBe(401);
    const blocked = await signIn(target.emails.analyst); // even the right password, for now
    expect(blocked.response.statusCode).toBe(429);
    expect(blocked.response.json().error.code).toBe('too_many_attempts');
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const { cookie, csrf } = await signIn(brand.emails.admin);
    const withoutToken = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { cookie }, payload: validModel() });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf_invalid');
    const withToken = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { cookie, 'x-csrf-token': csrf }, payload: validModel() });
    expect(withToken.statusCode).toBe(201);
  });

  it('ends sessions on sign-out and when the user is disabled', async () => {
    const agent = await signIn(brand.emails.agent);
    const admin = await signIn(brand.emails.admin);
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: admin.cookie } })).statusCode).toBe(401);

    const staff = (await app.inject({ url: '/api/v1/staff?limit=200', headers: bearer(brand.keys.admin) })).json().data;
    const agentId = staff.find((s: { email: string }) => s.email === brand.emails.agent).id;
    const disabled = await app.inject({ method: 'PATCH', url: `/api/v1/staff/${agentId}`, headers: bearer(brand.keys.admin), payload: { disabled: true } });
    expect(disabled.json().disabled).toBe(true);
    expect((await app.inject({ url: '/api/v1/models', headers: { cookie: agent.cookie } })).statusCode).toBe(401);
    expect((await signIn(brand.emails.agent)).response.statusCode).toBe(401);
  });
});

describe('roles', () => {
  it.each([
    ['marketer', 'POST', '/api/v1/models', 403],
    ['agent', 'GET', '/api/v1/models', 200],
    ['agent', 'GET', '/api/v1/events', 403],
    ['analyst', 'GET', '/api/v1/events', 200],
    ['analyst', 'GET', '/api/v1/audit-log', 403],
    ['marketer', 'GET', '/api/v1/api-keys', 403],
    ['marketer', 'PATCH', '/api/v1/brand', 403],
    ['admin', 'GET', '/api/v1/audit-log', 200],
  ] as const)('a %s key: %s %s → %i', async (role, method, url, status) => {
    const response = await app.inject({ method, url, headers: bearer(brand.keys[role]), payload: method === 'GET' ? undefined : validModel() });
    expect(response.statusCode).toBe(status);
    if (status === 403) expect(response.json().error.message).toContain(`Your role (${role})`);
  });

  it('keeps the last active admin', async () => {
    const solo = await makeBrand(db);
    const staff = (await app.inject({ url: '/api/v1/staff', headers: bearer(solo.keys.admin) })).json().data;
    const adminId = staff.find((s: { role: string }) => s.role === 'admin').id;
    const demote = await app.inject({ method: 'PATCH', url: `/api/v1/staff/${adminId}`, headers: bearer(solo.keys.admin), payload: { role: 'agent' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toContain('last active admin');
  });
});

describe('staff users', () => {
  it('are added by an admin, sign in, and appear in the audit log without their password', async () => {
    const email = `new-${brand.slug}@example.test`;
    const added = await app.inject({ method: 'POST', url: '/api/v1/staff', headers: bearer(brand.keys.admin), payload: { email, name: 'New Agent', role: 'agent', password: 'a long enough password' } });
    expect(added.statusCode).toBe(201);
    expect((await signIn(email, 'a long enough password')).response.statusCode).toBe(200);
    const again = await app.inject({ method: 'POST', url: '/api/v1/staff', headers: bearer(brand.keys.admin), payload: { email, name: 'Twice', role: 'agent', password: 'a long enough password' } });
    expect(again.statusCode).toBe(409);
    const audit = (await app.inject({ url: `/api/v1/audit-log?subjectId=${added.json().id}`, headers: bearer(brand.keys.admin) })).json().data;
    expect(audit[0]).toMatchObject({ action: 'staff_user.created', changes: { email, role: 'agent' } });
    expect(JSON.stringify(audit)).not.toContain('a long enough password');
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, record last use, and stop working when revoked', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { ...bearer(brand.keys.admin), 'idempotency-key': 'key-1' }, payload: { name: 'ERP sync', role: 'analyst' } });
    expect(created.statusCode).toBe(201);
    const { id, key, prefix } = created.json();
    expect(key.startsWith(prefix)).toBe(true);

    const replay = await app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { ...bearer(brand.keys.admin), 'idempotency-key': 'key-1' }, payload: { name: 'ERP sync', role: 'analyst' } });
    expect(replay.json()).toMatchObject({ id, key: null });

    const stored = await db.selectFrom('api_keys').select('secret_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.secret_hash.toString('hex')).not.toContain(Buffer.from(key).toString('hex'));

    expect((await app.inject({ url: '/api/v1/models', headers: bearer(key) })).statusCode).toBe(200);
    const listed = (await app.inject({ url: '/api/v1/api-keys', headers: bearer(brand.keys.admin) })).json().data;
    expect(listed.find((k: { id: string }) => k.id === id).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(key);

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: bearer(brand.keys.admin) })).json().revokedAt).not.toBeNull();
    const after = await app.inject({ url: '/api/v1/models', headers: bearer(key) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toContain('revoked');
  });

  it('a malformed Authorization header says how it should look', async () => {
    const response = await app.inject({ url: '/api/v1/models', headers: { authorization: 'Token abc' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toContain('Bearer');
  });
});
