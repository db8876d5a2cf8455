// Test set-up shared by the template, click and telemetry tests: a brand with a water filter jug
// (a GTIN and serials), owners who registered one through the API, and templates written through it.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type TestBrand, bearer, freshGtin, makeBrand, validModel } from '../../../test/harness.ts';
import type { Db } from '../../platform/database/database.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { App } from '../../platform/http/server.ts';

export interface TemplateWorld {
  readonly brand: TestBrand;
  readonly modelId: string;
  readonly gtin: string;
}

export async function templateWorld(app: App, db: Db, name = 'Aqua & Co'): Promise<TemplateWorld> {
  const brand = await makeBrand(db, name);
  const gtin = freshGtin();
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/models',
    headers: bearer(brand.keys.admin),
    payload: validModel({ name: 'Pure Jug', category: 'water-filters', gtins: [gtin], serialRules: [{ mask: 'PJ**********' }], warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' } }),
  });
  expect(created.statusCode, created.body).toBe(201);
  await inBrand(db, brand.brandId, (scope) =>
    scope.db.insertInto('registration_settings').values({ brand_id: brand.brandId, accessories_url: 'https://shop.example/accessories?ref=owners', support_email: 'help@aqua.example', support_phone: null, support_url: null, review_url: null }).execute());
  return { brand, modelId: created.json().id, gtin };
}

export interface RegisteredOwner {
  readonly ownerId: string;
  readonly ownershipId: string;
  readonly serial: string;
  readonly email: string;
}

/** Registers a jug bought on `purchaseDate` to a new owner. */
export async function registerOwner(
  app: App,
  world: TemplateWorld,
  owner: { name?: string; language?: 'en' | 'es'; phone?: string; serial?: string; modelId?: string; purchaseDate?: string } = {},
): Promise<RegisteredOwner> {
  const email = `owner-${randomUUID().slice(0, 8)}@example.test`;
  const serial = owner.serial ?? `PJ${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/registrations',
    headers: bearer(world.brand.keys.agent),
    payload: {
      modelId: owner.modelId ?? world.modelId,
      serial,
      purchaseDate: owner.purchaseDate ?? '2025-03-14',
      owner: { name: owner.name ?? 'Ana García', email, ...(owner.phone ? { phone: owner.phone } : {}), postalCode: '94103', country: 'US', language: owner.language ?? 'en' },
      sendConfirmation: false,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { ownerId: response.json().ownerId, ownershipId: response.json().ownershipId, serial, email };
}

/** An email template in English and Spanish, written through the API by a marketer. */
export async function writeTemplate(app: App, world: TemplateWorld, overrides: Record<string, unknown> = {}): Promise<{ key: string }> {
  const key = `t-${randomUUID().slice(0, 8)}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/templates',
    headers: bearer(world.brand.keys.marketer),
    payload: {
      key,
      name: 'Filter reminder',
      channel: 'email',
      class: 'marketing',
      contents: {
        en: {
          subject: 'Time for a new filter, {{ owner.firstName }}',
          body: 'Your {{ product.name }} is covered until {{ coverage.until | long_date }}.\n\nFilters: [shop]({{ links.accessories }}) or https://shop.example/filters?size=m',
          buttonLabel: 'See my jug',
          buttonUrl: '{{ links.productPage }}',
        },
        es: { subject: 'Hora de cambiar el filtro, {{ owner.firstName }}', body: 'Tu {{ product.name }} está cubierto hasta el {{ coverage.until | long_date }}.' },
      },
      ...overrides,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { key: response.json().key };
}
