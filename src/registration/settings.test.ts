import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase } from '../../test/harness.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { countryCodeProblem, registrationSettingsOf } from './settings.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Settings brand');
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const defaults = {
  retailers: [],
  countries: ['US'],
  supportEmail: null,
  supportPhone: null,
  supportUrl: null,
  accessoriesUrl: null,
  reviewUrl: null,
  rightsStatements: {},
  consentWordings: {},
  updatedAt: null,
};

const complete = {
  retailers: ['Best Store', 'Corner Shop'],
  countries: ['US', 'ca'],
  supportEmail: 'help@brand.example',
  supportPhone: '+1 800 555 0100',
  supportUrl: 'https://brand.example/support',
  accessoriesUrl: 'https://shop.brand.example/accessories',
  reviewUrl: 'http://reviews.example/brand',
  rightsStatements: { 'US:es': 'Sus derechos…', 'CA:fr': 'Vos droits…' },
  consentWordings: { 'email:en': 'Send me tips and offers by email.', 'sms:es': 'Envíenme mensajes de texto.' },
};

const put = (payload: unknown, key = brand.keys.admin) =>
  app.inject({ method: 'PUT', url: '/api/v1/registration-settings', headers: bearer(key), payload: payload as object });

describe('registration settings', () => {
  it('are the defaults until a brand sets them', async () => {
    const fresh = await makeBrand(db, 'Fresh brand');
    const response = await app.inject({ url: '/api/v1/registration-settings', headers: bearer(fresh.keys.agent) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(defaults);
    expect(await inBrand(db, fresh.brandId, registrationSettingsOf)).toEqual(defaults);
  });

  it('are replaced whole by an admin, audited, and read back by the registration page', async () => {
    const saved = await put(complete);
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = { ...complete, countries: ['US', 'CA'], updatedAt: expect.any(String) };
    expect(saved.json()).toEqual(expected);
    expect((await app.inject({ url: '/api/v1/registration-settings', headers: bearer(brand.keys.marketer) })).json()).toEqual(expected);
    expect(await inBrand(db, brand.brandId, registrationSettingsOf)).toEqual(expected);

    const audit = (await app.inject({ url: '/api/v1/audit-log?subjectType=registration_settings', headers: bearer(brand.keys.admin) })).json().data;
    expect(audit[0]).toMatchObject({ action: 'registration_settings.updated', subjectId: brand.brandId, changes: { retailers: [[], complete.retailers] } });

    // A field left out goes back to its default: PUT replaces the whole document.
    const trimmed = await put({ retailers: ['Best Store'] });
    expect(trimmed.json()).toEqual({ ...defaults, retailers: ['Best Store'], updatedAt: expect.any(String) });
    const unchanged = await put({ retailers: ['Best Store'] });
    expect(unchanged.statusCode).toBe(200);
    const entries = (await app.inject({ url: '/api/v1/audit-log?subjectType=registration_settings', headers: bearer(brand.keys.admin) })).json().data;
    expect(entries).toHaveLength(2); // saving the same settings again changes nothing worth recording
  });

  it('belong to one brand', async () => {
    const other = await makeBrand(db, 'Other brand');
    await put({ retailers: ['Only mine'] });
    expect((await app.inject({ url: '/api/v1/registration-settings', headers: bearer(other.keys.admin) })).json().retailers).toEqual([]);
  });

  it('may be changed by admins only, and read by those who see owners', async () => {
    expect((await put(complete, brand.keys.agent)).statusCode).toBe(403);
    expect((await put(complete, brand.keys.marketer)).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/registration-settings', headers: bearer(brand.keys.analyst) })).statusCode).toBe(403);
  });
});

describe('bad settings are refused with the field named', () => {
  it.each([
    ['a blank retailer', { retailers: ['Best Store', ' '] }, 'body.retailers.1', 'needs a name'],
    ['a long retailer name', { retailers: ['x'.repeat(101)] }, 'body.retailers.0', '100 characters'],
    ['a retailer listed twice', { retailers: ['Best Store', 'best store'] }, 'body.retailers.1', 'listed twice'],
    ['too many retailers', { retailers: Array.from({ length: 201 }, (_, i) => `Shop ${i}`) }, 'body.retailers', '200 retailers'],
    ['no country', { countries: [] }, 'body.countries', 'at least one country'],
    ['an unknown country', { countries: ['US', 'XX'] }, 'body.countries.1', 'XX is not an ISO 3166 country code'],
    ['a withdrawn country code', { countries: ['UK'] }, 'body.countries.0', 'use GB'],
    ['a three-letter country', { countries: ['USA'] }, 'body.countries.0', 'two capital letters'],
    ['a country listed twice', { countries: ['US', 'us'] }, 'body.countries', 'listed twice'],
    ['a web address that is not http', { supportUrl: 'ftp://brand.example' }, 'body.supportUrl', 'https://'],
    ['a bare word for a URL', { reviewUrl: 'reviews' }, 'body.reviewUrl', 'https://'],
    ['a bad support email', { supportEmail: 'help-at-brand' }, 'body.supportEmail', 'valid email'],
    ['a rights statement for a bad country', { rightsStatements: { 'USA:en': 'x' } }, 'body.rightsStatements.USA:en', "Keys look like 'US:en'"],
    ['a rights statement without a language', { rightsStatements: { US: 'x' } }, 'body.rightsStatements.US', '<COUNTRY>:<language>'],
    ['a rights statement for an unknown country', { rightsStatements: { 'XX:en': 'x' } }, 'body.rightsStatements.XX:en', 'not an ISO 3166'],
    ['a long rights statement', { rightsStatements: { 'US:en': 'x'.repeat(2001) } }, 'body.rightsStatements.US:en', 'At most 2000'],
    ['a consent wording for another channel', { consentWordings: { 'push:en': 'x' } }, 'body.consentWordings.push:en', 'email:<language>'],
    ['a long consent wording', { consentWordings: { 'sms:en': 'x'.repeat(1001) } }, 'body.consentWordings.sms:en', 'At most 1000'],
    ['an empty consent wording', { consentWordings: { 'sms:en': ' ' } }, 'body.consentWordings.sms:en', 'empty'],
    ['an unknown field', { colour: 'red' }, 'body', 'unknown field "colour"'],
  ])('%s', async (_case, payload, path, message) => {
    const response = await put(payload);
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});

describe('countryCodeProblem', () => {
  it('accepts ISO codes and explains the rest', () => {
    expect(['US', 'CA', 'GB', 'DE', 'MX', 'XK'].map(countryCodeProblem)).toEqual([null, null, null, null, null, null]);
    expect(countryCodeProblem('EU')).toContain('not an ISO 3166 country code');
    expect(countryCodeProblem('ZZ')).toContain('not an ISO 3166 country code');
    expect(countryCodeProblem('YU')).toContain('use RS');
    expect(countryCodeProblem('us')).toContain('two capital letters');
  });
});
