import { randomInt, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createApiKey } from '../src/access/api-keys.ts';
import type { Role } from '../src/access/permissions.ts';
import { systemActor } from '../src/access/principal.ts';
import { hashPassword } from '../src/access/secrets.ts';
import { issueSignInLink } from '../src/owners/sign-in-links.ts';
import { gs1CheckDigit } from '../src/catalog/gtin.ts';
import { routeModules } from '../src/composition.ts';
import { readConfig } from '../src/config.ts';
import { type Db, connect } from '../src/platform/database/database.ts';
import { type BrandId, asBrandId, inBrand } from '../src/platform/database/tenancy.ts';
import { type App, buildServer } from '../src/platform/http/server.ts';

export const testPassword = 'correct horse battery';

/** The test run's database (see global-setup.ts). */
export function testDatabase(poolSize = 4): { db: Db; pool: import('pg').Pool } {
  return connect(inject('databaseUrl'), poolSize);
}

/** The whole HTTP app on the test database, driven with `app.inject()`. */
export async function testApp(db: Db, env: Record<string, string> = {}): Promise<App> {
  const config = readConfig({ ...process.env, DATABASE_URL: inject('databaseUrl'), OPENOX_LOG_LEVEL: 'silent', ...env });
  const app = await buildServer({ db, config, log: pino({ level: 'silent' }), isMigrated: async () => true }, routeModules);
  await app.ready();
  return app;
}

export interface TestBrand {
  readonly brandId: BrandId;
  readonly slug: string;
  /** An API key per role. */
  readonly keys: Readonly<Record<Role, string>>;
  /** Staff sign-in email per role (password: testPassword). */
  readonly emails: Readonly<Record<Role, string>>;
}

/** A brand of its own for a test, with a staff user and an API key for every role. */
export async function makeBrand(db: Db, name = 'Test brand'): Promise<TestBrand> {
  const brandId = asBrandId(randomUUID());
  const slug = `t-${brandId.slice(0, 8)}-${brandId.slice(-6)}`;
  const passwordHash = await hashPassword(testPassword);
  const roles: Role[] = ['admin', 'marketer', 'agent', 'analyst'];
  const keys = {} as Record<Role, string>;
  const emails = {} as Record<Role, string>;
  await inBrand(db, brandId, async (scope) => {
    await scope.db.insertInto('brands').values({ id: brandId, slug, name }).execute();
    for (const role of roles) {
      emails[role] = `${role}-${slug}@example.test`;
      await scope.db.insertInto('staff_users').values({ brand_id: brandId, email: emails[role], name: `${role} of ${name}`, role, password_hash: passwordHash }).execute();
      keys[role] = (await createApiKey(scope, systemActor, { name: `${role} key`, role })).key;
    }
  });
  return { brandId, slug, keys, emails };
}

export function bearer(key: string) {
  return { authorization: `Bearer ${key}` };
}

export const validModel = (overrides: Record<string, unknown> = {}) => ({
  name: 'Test dishwasher',
  sku: `SKU-${randomUUID().slice(0, 8)}`,
  category: 'dishwashers',
  warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'receipt' },
  ...overrides,
});


const demoGtins = new Set(['0950600013435', '0860001234503', '0860001234510', '0860001234527']);
/**
 * A valid GTIN-13 no other test (nor the demo brand) uses: GTINs are unique across brands in the shared
 * test database. It starts with 0, so it also has a 12-digit (UPC-A) and a 14-digit form.
 */
export function freshGtin(): string {
  for (;;) {
    const body = `0${String(randomInt(1e11)).padStart(11, '0')}`;
    const gtin = `${body}${gs1CheckDigit(body)}`;
    if (!demoGtins.has(gtin)) return gtin;
  }
}

/** A browser signed in as the owner on the brand's owner site: the `cookie` header to send. */
export async function ownerCookie(app: App, db: Db, brand: TestBrand, ownerId: string): Promise<string> {
  const { token } = await inBrand(db, brand.brandId, (scope) => issueSignInLink(scope, ownerId, 10));
  const signedIn = await app.inject({
    method: 'POST',
    url: `/o/${brand.slug}/sign-in/${token}`,
    payload: 'next=',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookie = signedIn.cookies.find((c) => c.name === 'openox_owner');
  if (!cookie) throw new Error(`Signing in answered ${signedIn.statusCode} without a session cookie.`);
  return `openox_owner=${cookie.value}`;
}
