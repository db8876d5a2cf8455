import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { type ReviewWorld, eventsOf, owner, postReview, publicUrl, reviewLinkPath, reviewWorld } from './review-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: ReviewWorld;
let gtin: string;
/** Three reviews of the kettle (5, 1 and 3 stars) and one of the toaster (2 stars), oldest first. */
const written: { ownershipId: string; ownerId: string; email: string; rating: number; modelId: string }[] = [];

beforeAll(async () => {
  app = await testApp(db, { OPENOX_PUBLIC_URL: publicUrl });
  world = await reviewWorld(app, db, 'Feed Brand');
  const model = await app.inject({ url: `/api/v1/models/${world.modelId}`, headers: bearer(world.brand.keys.admin) });
  gtin = model.json().gtins[0];
  for (const [rating, modelId] of [[5, world.modelId], [1, world.modelId], [3, world.modelId], [2, world.expiredModelId]] as const) {
    const bought = await owner(app, world, { modelId });
    // A full name with a surname that must never reach the public.
    await inBrand(db, world.brand.brandId, (scope) => scope.db.updateTable('owners').set({ name: 'Beatriz Quintanilla' }).where('id', '=', bought.ownerId).execute());
    const sent = await postReview(app, await reviewLinkPath(db, world, bought.ownershipId), { rating: String(rating), title: `${rating} stars`, body: `I give it ${rating}.` });
    expect(sent.statusCode).toBe(303);
    written.push({ ...bought, rating, modelId });
  }
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const call = (method: 'GET' | 'POST', url: string, key: string, payload?: object) => app.inject({ method, url, headers: bearer(key), ...(payload ? { payload } : {}) });
const feedUrl = () => `/api/v1/public/brands/${world.brand.slug}/models/${world.modelId}/reviews`;

describe('the console\'s list of reviews', () => {
  it('lists newest first with the badge, by model and by rating, for roles that may see owners', async () => {
    const all = await call('GET', '/api/v1/reviews', world.brand.keys.marketer);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().data.map((review: { rating: number }) => review.rating)).toEqual([2, 3, 1, 5]);
    expect(all.json().data[0]).toMatchObject({
      verifiedOwner: true,
      status: 'published',
      removal: null,
      title: '2 stars',
      author: { publicName: 'Beatriz Q.', ownerId: written[3]?.ownerId, ownerName: 'Beatriz Quintanilla' },
      product: { ownershipId: written[3]?.ownershipId, modelId: world.expiredModelId, modelName: 'Old Toaster' },
    });
    const kettle = await call('GET', `/api/v1/reviews?modelId=${world.modelId}`, world.brand.keys.agent);
    expect(kettle.json().data.map((review: { rating: number }) => review.rating)).toEqual([3, 1, 5]);
    const oneStar = await call('GET', `/api/v1/reviews?modelId=${world.modelId}&rating=1`, world.brand.keys.agent);
    expect(oneStar.json().data.map((review: { product: { ownershipId: string } }) => review.product.ownershipId)).toEqual([written[1]?.ownershipId]);
    const paged = await call('GET', '/api/v1/reviews?limit=3', world.brand.keys.admin);
    expect(paged.json().data).toHaveLength(3);
    const rest = await call('GET', `/api/v1/reviews?limit=3&cursor=${paged.json().nextCursor}`, world.brand.keys.admin);
    expect(rest.json().data.map((review: { rating: number }) => review.rating)).toEqual([5]);

    expect((await call('GET', '/api/v1/reviews', world.brand.keys.analyst)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/reviews?rating=6', world.brand.keys.admin)).json().error.code).toBe('validation_failed');
  });
});

describe('removing a review', () => {
  it('needs a reason from the fixed list, is audited, leaves public view, and happens once', async () => {
    const target = (await call('GET', `/api/v1/reviews?modelId=${world.modelId}&rating=3`, world.brand.keys.agent)).json().data[0];
    const url = `/api/v1/reviews/${target.id}/removal`;

    const lowRating = await call('POST', url, world.brand.keys.agent, { reason: 'low_rating' });
    expect(lowRating.statusCode).toBe(400);
    expect(lowRating.json().error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'body.reason' })] });
    expect((await call('POST', url, world.brand.keys.agent, {})).statusCode).toBe(400);
    expect((await call('POST', url, world.brand.keys.marketer, { reason: 'spam' })).statusCode).toBe(403);

    const removed = await call('POST', url, world.brand.keys.agent, { reason: 'personal_data' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ id: target.id, status: 'removed', removal: { reason: 'personal_data', by: expect.stringContaining('API key') } });

    const audit = await db.selectFrom('audit_log').select(['action', 'changes', 'actor_type']).where('subject_id', '=', target.id).execute();
    expect(audit).toEqual([{ action: 'review.removed', actor_type: 'api_key', changes: { status: ['published', 'removed'], reason: 'personal_data' } }]);
    expect((await eventsOf(db, world, 'review.removed')).filter((event) => event.reviewId === target.id)).toEqual([
      { reviewId: target.id, ownershipId: target.product.ownershipId, modelId: world.modelId, reason: 'personal_data' },
    ]);

    const again = await call('POST', url, world.brand.keys.admin, { reason: 'spam' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already removed');

    const feed = (await app.inject({ url: feedUrl() })).json();
    expect(feed.data.map((review: { id: string }) => review.id)).not.toContain(target.id);
    expect(feed.summary).toMatchObject({ count: 2, average: 3, distribution: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 1 } });
    expect((await call('GET', `/api/v1/reviews?status=removed`, world.brand.keys.agent)).json().data.map((review: { id: string }) => review.id)).toEqual([target.id]);

    // The owner learns why on their form; changed words publish again, and may be removed again for a reason.
    const path = await reviewLinkPath(db, world, target.product.ownershipId);
    expect((await app.inject({ url: path })).body).toContain('Feed Brand removed your review (it shared personal data).');
    expect((await postReview(app, path, { rating: '3', title: '3 stars', body: 'I give it 3.' })).headers.location).toBe(`${path}/thanks?unchanged=1`);
    expect((await app.inject({ url: feedUrl() })).json().summary.count).toBe(2);
    expect((await postReview(app, path, { rating: '3', body: 'I give it 3, without the phone number.' })).headers.location).toBe(`${path}/thanks`);
    expect((await app.inject({ url: feedUrl() })).json().summary.count).toBe(3);
  });

  it('is not possible across brands', async () => {
    const other = await reviewWorld(app, db, 'Other Feed Brand');
    const review = (await call('GET', '/api/v1/reviews', world.brand.keys.admin)).json().data[0];
    expect((await call('POST', `/api/v1/reviews/${review.id}/removal`, other.brand.keys.admin, { reason: 'spam' })).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/reviews', other.brand.keys.admin)).json().data).toEqual([]);
  });
});

describe('the public feed', () => {
  it('serves a model\'s published reviews with the badge, average and count, to any origin, cached briefly', async () => {
    const response = await app.inject({ url: feedUrl(), headers: { origin: 'https://shop.example' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const feed = response.json();
    expect(feed.brand).toEqual({ name: 'Feed Brand' });
    expect(feed.model).toEqual({ id: world.modelId, name: 'Uno Kettle' });
    expect(feed.summary.count).toBe(feed.data.length);
    expect(feed.data.every((review: { verifiedOwner: boolean }) => review.verifiedOwner)).toBe(true);
    expect(Object.keys(feed.data[0]).sort()).toEqual(['author', 'body', 'date', 'id', 'language', 'rating', 'title', 'verifiedOwner']);
    expect(feed.data.map((review: { author: string }) => review.author)).toEqual(feed.data.map(() => 'Beatriz Q.'));
    // Every rating is there, the one-star review too.
    expect(feed.data.map((review: { rating: number }) => review.rating)).toContain(1);

    const byGtin = await app.inject({ url: `/api/v1/public/gtins/${gtin}/reviews?limit=1` });
    expect(byGtin.statusCode).toBe(200);
    expect(byGtin.json()).toMatchObject({ model: { id: world.modelId }, summary: feed.summary, data: [feed.data[0]] });
    const next = await app.inject({ url: `/api/v1/public/gtins/${gtin}/reviews?limit=1&cursor=${byGtin.json().nextCursor}` });
    expect(next.json().data).toEqual([feed.data[1]]);
  });

  it('never carries an email, a full name, or the ids of owners and their products', async () => {
    const text = (await app.inject({ url: feedUrl() })).body + (await app.inject({ url: `/api/v1/public/gtins/${gtin}/reviews` })).body;
    for (const review of written) {
      for (const secret of [review.email, review.ownerId, review.ownershipId]) expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('Quintanilla');
    expect(text).not.toContain('@');
  });

  it('says what is wrong with a bad address', async () => {
    const badGtin = await app.inject({ url: '/api/v1/public/gtins/12345/reviews' });
    expect(badGtin.statusCode).toBe(400);
    expect(badGtin.json().error.message).toBe('gtin: A GTIN has 8, 12, 13 or 14 digits; this one has 5.');
    expect((await app.inject({ url: '/api/v1/public/gtins/00000000000000/reviews' })).statusCode).toBe(404);
    const noBrand = await app.inject({ url: `/api/v1/public/brands/no-such-brand/models/${world.modelId}/reviews` });
    expect(noBrand.json().error).toMatchObject({ code: 'not_found', message: 'There is no brand with the slug "no-such-brand".' });
    const other = await reviewWorld(app, db, 'Unrelated Brand');
    expect((await app.inject({ url: `/api/v1/public/brands/${other.brand.slug}/models/${world.modelId}/reviews` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/public/brands/${world.brand.slug}/models/not-an-id/reviews` })).statusCode).toBe(400);
  });

  it('is in the OpenAPI document, marked as needing no credentials', async () => {
    const document = (await app.inject({ url: '/openapi.json' })).json();
    const feed = document.paths['/api/v1/public/brands/{slug}/models/{modelId}/reviews'].get;
    expect(feed.security).toEqual([]);
    expect(document.paths['/api/v1/public/gtins/{gtin}/reviews'].get.security).toEqual([]);
    expect(document.paths['/api/v1/reviews/{id}/removal'].post.summary).toContain('fixed reasons');
    expect(document.components.schemas.PublicReview.properties).not.toHaveProperty('email');
  });
});
