// Test set-up shared by the reviews tests: a brand with products, signed review links, and the form.
import { expect } from 'vitest';
import { type ClaimWorld, type OwnedProduct, claimWorld, ownedProduct } from '../claims/claim-fixtures.ts';
import { linkKeyOf } from '../messaging/unsubscribe/link-token.ts';
import type { Db } from '../platform/database/database.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { reviewLinkFor, signReviewToken } from './review-link.ts';

export const publicUrl = 'https://ox.test';

export type ReviewWorld = ClaimWorld;

export function reviewWorld(app: App, db: Db, name = 'Reviews Brand'): Promise<ReviewWorld> {
  return claimWorld(app, db, name);
}

/** An owner ("Ana Torres", a fresh email) with a product of the world's kettle, or of `modelId`. */
export function owner(app: App, world: ReviewWorld, options: { modelId?: string; email?: string } = {}): Promise<OwnedProduct> {
  return ownedProduct(app, world, options);
}

/** The path (under the brand site) of the signed review link a message would carry for the ownership. */
export async function reviewLinkPath(db: Db, world: ReviewWorld, ownershipId: string, now?: Date): Promise<string> {
  const link = await inBrand(db, world.brand.brandId, (scope) => reviewLinkFor(scope, { publicUrl, brandSlug: world.brand.slug, ownershipId, ...(now ? { now } : {}) }));
  expect(link.startsWith(`${publicUrl}/o/${world.brand.slug}/review/`)).toBe(true);
  return link.slice(publicUrl.length);
}

/** A review link signed with the brand's key, with any expiry (to test expired links). */
export async function signedLinkPath(db: Db, world: ReviewWorld, ownershipId: string, expiresAt: Date): Promise<string> {
  const token = await inBrand(db, world.brand.brandId, async (scope) => signReviewToken(await linkKeyOf(scope), { brandId: world.brand.brandId, ownershipId, expiresAt }));
  return `/o/${world.brand.slug}/review/${token}`;
}

/** Posts the review form as a browser does (url-encoded). */
export function postReview(app: App, path: string, fields: Record<string, string>, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: path,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  });
}

/** The brand's reviews as stored, oldest first. */
export function storedReviews(db: Db, world: ReviewWorld) {
  return inBrand(db, world.brand.brandId, (scope) =>
    scope.db.selectFrom('reviews').selectAll().orderBy('id').execute(),
  );
}

/** The brand's events of one type, oldest first: their payloads. */
export async function eventsOf(db: Db, world: ReviewWorld, type: string): Promise<Record<string, unknown>[]> {
  const rows = await inBrand(db, world.brand.brandId, (scope) => scope.db.selectFrom('events').select('payload').where('type', '=', type).orderBy('id').execute());
  return rows.map((row) => row.payload as Record<string, unknown>);
}
