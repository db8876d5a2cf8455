import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, ownerCookie, testApp, testDatabase } from '../../../test/harness.ts';
import type { App } from '../../platform/http/server.ts';
import { addOwner } from '../care-fixtures.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;

const centre = (name: string, postalCode: string, country: string, extra: object = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: bearer(brand.keys.admin), payload: { name, addressLine1: '1 Main St', city: name, postalCode, country, phone: '+1 212 555 0100', url: 'https://repairs.example', services: ['repair', 'parts'], ...extra } });

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Centres Co');
  for (const [name, postal, country] of [['Chicago Loop', '60601', 'US'], ['Midtown Manhattan', '10001', 'US'], ['Philadelphia Center', '19103', 'US'], ['Toronto Downtown', 'M5V 3L9', 'CA']] as const) {
    expect((await centre(name, postal, country)).statusCode).toBe(201);
  }
  await centre('Closed Brooklyn', '11201', 'US', { active: false });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const site = (path: string) => `/o/${brand.slug}${path}`;
const signedIn = async (details: { email: string; postalCode?: string; country?: string }) => {
  const ownerId = await addOwner(db, brand.brandId, details);
  return { ownerId, cookie: await ownerCookie(app, db, brand, ownerId) };
};
const namesIn = (html: string) => [...html.matchAll(/<h3[^>]*>([^<]+)<\/h3>/g)].map((match) => match[1]);

describe('finding the nearest service centre', () => {
  it('lists active centres nearest to a postal code first, with distance, address, phone and link', async () => {
    const page = await app.inject({ url: site('/service-centres?postal=10002&country=US') });
    expect(page.statusCode).toBe(200);
    expect(namesIn(page.body)).toEqual(['Midtown Manhattan', 'Philadelphia Center', 'Toronto Downtown', 'Chicago Loop']);
    expect(page.body).toContain('Nearest to New York, NY');
    expect(page.body).toMatch(/<strong>[0-9.]+ mi away<\/strong>/);
    expect(page.body).toContain('<a href="tel:+12125550100">Call +1 212 555 0100</a>');
    expect(page.body).toContain('<a href="https://repairs.example" rel="noopener">Website</a>');
    expect(page.body).toContain('Repairs · Parts');
    expect(page.body).not.toContain('Closed Brooklyn');
  });

  it('measures in kilometres from a Canadian postal code, and in Spanish on request', async () => {
    const page = await app.inject({ url: site('/service-centres?postal=M5V+2T6&country=CA&lang=es') });
    expect(namesIn(page.body)[0]).toBe('Toronto Downtown');
    expect(page.body).toMatch(/a [0-9,]+ km<\/strong>/);
    expect(page.body).toContain('Más cercanos a M5V, Ontario');
  });

  it('finds by position, from the "Use my location" script', async () => {
    const page = await app.inject({ url: site('/service-centres?lat=41.88&lon=-87.63&country=US') });
    expect(namesIn(page.body)[0]).toBe('Chicago Loop');
    expect(page.body).toContain('Nearest to you');
    expect(page.body).toContain('<script src="/care/locate.js" defer=""></script>');
    expect(page.body).toContain('data-locate-label="Use my location"');
    const script = await app.inject({ url: '/care/locate.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('navigator.geolocation.getCurrentPosition');
  });

  it('says clearly when a postal code is unknown, malformed, or in a country it cannot place', async () => {
    const unknown = await app.inject({ url: site('/service-centres?postal=00000&country=US') });
    expect(unknown.body).toContain('We don&#x27;t know the postal code 00000. Check it, or use your location.');
    expect(namesIn(unknown.body)).toEqual([]);
    const malformed = await app.inject({ url: site('/service-centres?postal=ABC&country=US') });
    expect(malformed.body).toContain('“ABC” doesn&#x27;t look like a postal code in United States.');
    const uncovered = await app.inject({ url: site('/service-centres?postal=28001&country=ES') });
    expect(uncovered.body).toContain('Searching by postal code works in the United States and Canada.');
  });

  it('fills in a signed-in owner’s postal code and shows what is near it', async () => {
    const owner = await signedIn({ email: 'centres@example.com', postalCode: '60614', country: 'US' });
    const page = await app.inject({ url: site('/service-centres'), headers: { cookie: owner.cookie } });
    expect(page.body).toMatch(/<input id="postal"[^>]* value="60614"\/>/);
    expect(page.body).toContain('<option value="US" selected="">United States</option>');
    expect(namesIn(page.body)[0]).toBe('Chicago Loop');

    const signedOut = await app.inject({ url: site('/service-centres') });
    expect(signedOut.body).toMatch(/<input id="postal"[^>]* value=""\/>/);
    expect(namesIn(signedOut.body)).toEqual([]);
  });
});
