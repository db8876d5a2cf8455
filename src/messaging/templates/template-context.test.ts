import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDatabase } from '../../../test/harness.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { App } from '../../platform/http/server.ts';
import { checkReviewToken } from '../../reviews/review-link.ts';
import { linkKeyOf } from '../unsubscribe/link-token.ts';
import { type RegisteredOwner, type TemplateWorld, registerOwner, templateWorld } from './template-fixtures.ts';
import { factNeedsOf, loadTemplateFacts, variablesOf } from './template-context.ts';

const { db } = testDatabase();
let app: App;
let world: TemplateWorld;
let owner: RegisteredOwner;

beforeAll(async () => {
  app = await testApp(db);
  world = await templateWorld(app, db);
  owner = await registerOwner(app, world);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const reviewLinkOf = (ownershipId: string | null) =>
  inBrand(db, world.brand.brandId, async (scope) => {
    const facts = await loadTemplateFacts(scope, { ownerId: owner.ownerId, ownershipId, channel: 'email', publicUrl: 'https://ox.example/' }, factNeedsOf(['{{ links.review }}'], 'email'));
    return (variablesOf(facts, 'en').links as { review: string }).review;
  });
const setReviewUrl = (url: string | null) =>
  inBrand(db, world.brand.brandId, (scope) => scope.db.updateTable('registration_settings').set({ review_url: url }).where('brand_id', '=', world.brand.brandId).execute());

describe('links.review', () => {
  it('is OpenOX\'s own signed review page when the message is about a product, even when the brand has a review site', async () => {
    await setReviewUrl('https://reviews.aqua.example/jug');
    const link = await reviewLinkOf(owner.ownershipId);
    const token = new RegExp(`^https://ox\\.example/o/${world.brand.slug}/review/([A-Za-z0-9_-]{71})$`).exec(link)?.[1];
    expect(token).toBeDefined();
    const check = await inBrand(db, world.brand.brandId, async (scope) => checkReviewToken(token as string, await linkKeyOf(scope), new Date()));
    expect(check).toBe('valid');
    expect((await app.inject({ url: new URL(link).pathname })).body).toContain('Review your Pure Jug');
  });

  it('is the brand\'s review site when the message is about no product, and empty when there is none', async () => {
    await setReviewUrl('https://reviews.aqua.example/jug');
    expect(await reviewLinkOf(null)).toBe('https://reviews.aqua.example/jug');
    await setReviewUrl(null);
    expect(await reviewLinkOf(null)).toBe('');
  });

  it('is not signed when no content reads it', async () => {
    const facts = await inBrand(db, world.brand.brandId, (scope) =>
      loadTemplateFacts(scope, { ownerId: owner.ownerId, ownershipId: owner.ownershipId, channel: 'email', publicUrl: 'https://ox.example' }, factNeedsOf(['Hi {{ owner.firstName }}'], 'email')));
    expect(facts.reviewUrl).toBe('');
  });
});
