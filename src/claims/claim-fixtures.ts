// Test set-up shared by the claims tests: a brand with a model, owners with products, signed-in browsers.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { bearer, freshGtin, makeBrand, type TestBrand, validModel } from '../../test/harness.ts';
import { newToken, sha256 } from '../access/secrets.ts';
import type { Db } from '../platform/database/database.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';

export interface ClaimWorld {
  readonly brand: TestBrand;
  /** A kettle with a two-year warranty that needs no receipt. */
  readonly modelId: string;
  /** A model whose warranty is long over for anything bought in 2015. */
  readonly expiredModelId: string;
}

export async function claimWorld(app: App, db: Db, name = 'Claims Brand'): Promise<ClaimWorld> {
  const brand = await makeBrand(db, name);
  const model = async (overrides: Record<string, unknown>) => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(brand.keys.admin), payload: validModel({ gtins: [freshGtin()], ...overrides }) });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  };
  return {
    brand,
    modelId: await model({ name: 'Uno Kettle', category: 'kettles', warranty: { partsMonths: 24, labourMonths: 24, startsAt: 'purchase', proofRequired: 'none' } }),
    expiredModelId: await model({ name: 'Old Toaster', category: 'toasters', warranty: { partsMonths: 12, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none' } }),
  };
}

export interface OwnedProduct {
  readonly ownershipId: string;
  readonly ownerId: string;
  readonly email: string;
}

/** Registers a product to an owner (new or existing, by email) through the API. */
export async function ownedProduct(app: App, world: ClaimWorld, options: { email?: string; modelId?: string; purchaseDate?: string; phone?: string; language?: 'en' | 'es' } = {}): Promise<OwnedProduct> {
  const email = options.email ?? `owner-${randomUUID().slice(0, 8)}@example.com`;
  const purchaseDate = options.purchaseDate ?? new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const registered = await app.inject({
    method: 'POST',
    url: '/api/v1/registrations',
    headers: bearer(world.brand.keys.agent),
    payload: {
      modelId: options.modelId ?? world.modelId,
      serial: `SN${randomUUID().slice(0, 8)}`,
      purchaseDate,
      owner: { email, name: 'Ana Torres', postalCode: '94103', country: 'US', language: options.language ?? 'en', ...(options.phone ? { phone: options.phone } : {}) },
      sendConfirmation: false,
    },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  const body = registered.json();
  return { ownershipId: body.ownershipId, ownerId: body.ownerId, email };
}

/** A browser signed in as the owner on the brand's pages: the cookie header to send. */
export async function ownerCookie(db: Db, world: ClaimWorld, ownerId: string): Promise<string> {
  const token = newToken();
  await inBrand(db, world.brand.brandId, (scope) =>
    scope.db.insertInto('owner_sessions').values({ brand_id: scope.brandId, owner_id: ownerId, token_hash: sha256(token), expires_at: new Date(Date.now() + 86_400_000) }).execute(),
  );
  return `openox_owner=${token}`;
}

/** A multipart/form-data body as a browser sends a form: fields (repeated names allowed) and files. */
export function browserForm(fields: readonly (readonly [string, string])[], files: readonly { field: string; filename: string; contentType: string; content: Buffer }[] = []) {
  const boundary = `openox-${randomUUID()}`;
  const parts: Buffer[] = fields.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
