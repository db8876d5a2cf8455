import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDatabase } from '../../test/harness.ts';
import { ownerCookie } from '../claims/claim-fixtures.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { type ReviewWorld, eventsOf, owner, postReview, publicUrl, reviewLinkPath, reviewWorld, signedLinkPath, storedReviews } from './review-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: ReviewWorld;

beforeAll(async () => {
  app = await testApp(db, { OPENOX_PUBLIC_URL: publicUrl });
  world = await reviewWorld(app, db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const site = (path: string) => `/o/${world.brand.slug}${path}`;
const reviewOf = async (ownershipId: string) => (await storedReviews(db, world)).filter((review) => review.ownership_id === ownershipId);

describe('writing a review from the link in the email', () => {
  it('needs no password, checks the form, and thanks the owner with the review and its verified-owner badge', async () => {
    const ana = await owner(app, world);
    const path = await reviewLinkPath(db, world, ana.ownershipId);

    const form = await app.inject({ url: path });
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    expect(form.body).toContain('<h1>Review your Uno Kettle</h1>');
    // A radio group with a label per rating, none chosen in advance.
    expect(form.body).toContain('<legend><strong>Your rating</strong></legend>');
    for (const [id, label] of [['rating', '1 star'], ['rating-2', '2 stars'], ['rating-5', '5 stars']]) {
      expect(form.body).toMatch(new RegExp(`<label class="check" for="${id}"><input type="radio" id="${id}" required="" name="rating" value="\\d"/><span><span aria-hidden="true"[^>]*>[★☆]+</span> ${label}</span></label>`));
    }
    expect(form.body).not.toContain('checked');
    expect(form.body).toContain('published straight away, whatever your rating, as “Ana T.”');

    const incomplete = await postReview(app, path, { title: 'Boils fast', body: '' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.body).toContain('role="alert"');
    expect(incomplete.body).toContain('Please check 2 things to continue');
    expect(incomplete.body).toContain('<span class="error" id="rating-error">Choose a rating from 1 to 5 stars.</span>');
    expect(incomplete.body).toContain('<span class="error" id="body-error">Write your review: a sentence or two is enough.</span>');
    expect(incomplete.body).toContain('value="Boils fast"');
    expect(await reviewOf(ana.ownershipId)).toEqual([]);

    const sent = await postReview(app, path, { rating: '5', title: 'Boils fast', body: 'Quiet, and the lid\nnever sticks.' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${path}/thanks`);
    const thanks = await app.inject({ url: sent.headers.location as string });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('Thank you for your review');
    expect(thanks.body).toContain('<span class="badge">✓ Verified owner</span>');
    expect(thanks.body).toContain('aria-label="5 out of 5 stars"');
    expect(thanks.body).toContain('Ana T.,');
    expect(thanks.body).not.toContain('Torres');
    expect(thanks.body).not.toContain(ana.email);

    expect(await reviewOf(ana.ownershipId)).toEqual([expect.objectContaining({
      owner_id: ana.ownerId, model_id: world.modelId, rating: 5, title: 'Boils fast', body: 'Quiet, and the lid\nnever sticks.',
      author_name: 'Ana T.', verified_owner: true, status: 'published', language: 'en',
    })]);
  });

  it('keeps one review per product: writing again edits it, and the same words again change nothing', async () => {
    const ana = await owner(app, world);
    const path = await reviewLinkPath(db, world, ana.ownershipId);
    expect((await postReview(app, path, { rating: '4', body: 'Good.' })).statusCode).toBe(303);
    const again = await app.inject({ url: path });
    expect(again.body).toContain('You reviewed this product on');
    expect(again.body).toMatch(/id="rating-4" required="" name="rating" checked="" value="4"/);
    expect(again.body).toContain('Update my review');

    expect((await postReview(app, path, { rating: '2', body: 'The lid broke.' })).headers.location).toBe(`${path}/thanks`);
    const same = await postReview(app, path, { rating: '2', body: 'The lid broke.' });
    expect(same.headers.location).toBe(`${path}/thanks?unchanged=1`);
    expect((await app.inject({ url: same.headers.location as string })).body).toContain('Nothing changed: your review stays as it was.');

    const reviews = await reviewOf(ana.ownershipId);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ rating: 2, body: 'The lid broke.', status: 'published' });
    const events = (await eventsOf(db, world, 'review.submitted')).filter((event) => event.ownershipId === ana.ownershipId);
    expect(events).toEqual([
      { reviewId: reviews[0]?.id, ownershipId: ana.ownershipId, ownerId: ana.ownerId, modelId: world.modelId, rating: 4, edited: false },
      { reviewId: reviews[0]?.id, ownershipId: ana.ownershipId, ownerId: ana.ownerId, modelId: world.modelId, rating: 2, edited: true },
    ]);
  });

  it('publishes a one-star review exactly as it publishes a five-star one', async () => {
    const unhappy = await owner(app, world);
    const happy = await owner(app, world);
    const write = async (ownershipId: string, rating: string) => {
      const path = await reviewLinkPath(db, world, ownershipId);
      const sent = await postReview(app, path, { rating, title: 'My view', body: 'What I think.' });
      const thanks = await app.inject({ url: sent.headers.location as string });
      return { status: sent.statusCode, thanks: thanks.body.replace(/aria-label="\d out of 5 stars" style="[^"]*">[★☆]+/, 'STARS').replaceAll(/\/review\/[A-Za-z0-9_-]+/g, '/review/LINK') };
    };
    const low = await write(unhappy.ownershipId, '1');
    const high = await write(happy.ownershipId, '5');
    expect(low).toEqual(high);

    const [lowReview] = await reviewOf(unhappy.ownershipId);
    const [highReview] = await reviewOf(happy.ownershipId);
    const published = ({ status, verified_owner, removed_reason, created_at }: { status: string; verified_owner: boolean; removed_reason: string | null; created_at: Date }) => ({ status, verified_owner, removed_reason, immediate: Date.now() - created_at.getTime() < 60_000 });
    expect(published(lowReview as never)).toEqual({ status: 'published', verified_owner: true, removed_reason: null, immediate: true });
    expect(published(lowReview as never)).toEqual(published(highReview as never));

    const page = await app.inject({ url: site(`/reviews/${world.modelId}`) });
    expect(page.body).toContain('aria-label="1 out of 5 stars"');
    expect(page.body).toContain('aria-label="5 out of 5 stars"');
  });
});

describe('a review link that cannot be used', () => {
  it('has expired: says so with the way in that still works, and takes no review', async () => {
    const ana = await owner(app, world);
    const path = await signedLinkPath(db, world, ana.ownershipId, new Date(Date.now() - 1000));
    const page = await app.inject({ url: path });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('This review link has expired');
    expect(page.body).toContain('Review links work for 180 days.');
    expect(page.body).toContain(`href="/o/${world.brand.slug}/sign-in"`);
    expect((await postReview(app, path, { rating: '3', body: 'Late.' })).statusCode).toBe(410);
    expect(await reviewOf(ana.ownershipId)).toEqual([]);
  });

  it('is forged, altered or from another brand: a clear page, in the brand\'s dress, and nothing written', async () => {
    const ana = await owner(app, world);
    const path = await reviewLinkPath(db, world, ana.ownershipId);
    const token = path.split('/').at(-1) as string;
    const bytes = Buffer.from(token, 'base64url');
    bytes[20] = (bytes[20] as number) ^ 1;
    const otherWorld = await reviewWorld(app, db, 'Other Brand');
    for (const forged of [site(`/review/${bytes.toString('base64url')}`), site('/review/not-a-token'), `/o/${otherWorld.brand.slug}/review/${token}`]) {
      const page = await app.inject({ url: forged });
      expect(page.statusCode, forged).toBe(404);
      expect(page.body).toContain('This review link does not work');
      expect((await postReview(app, forged, { rating: '5', body: 'Forged.' })).statusCode).toBe(404);
    }
    expect((await app.inject({ url: `/o/no-such-brand/review/${token}` })).statusCode).toBe(404);
    expect(await reviewOf(ana.ownershipId)).toEqual([]);
  });

  it('is for a product that changed hands: the former owner can no longer write through it', async () => {
    const ana = await owner(app, world);
    const path = await reviewLinkPath(db, world, ana.ownershipId);
    await inBrand(db, world.brand.brandId, (scope) => scope.db.updateTable('ownerships').set({ status: 'retired', ended_at: new Date() }).where('id', '=', ana.ownershipId).execute());
    const page = await app.inject({ url: path });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('This product is no longer registered to you');
    expect((await postReview(app, path, { rating: '5', body: 'Still mine?' })).statusCode).toBe(410);
    expect(await reviewOf(ana.ownershipId)).toEqual([]);
  });
});

describe('writing a review from My products', () => {
  it('offers "Write a review" per product, then "Edit my review", and refuses someone else\'s product', async () => {
    const ana = await owner(app, world);
    const cookie = await ownerCookie(db, world, ana.ownerId);
    const products = await app.inject({ url: site('/products'), headers: { cookie } });
    expect(products.body).toContain(`<a href="${site(`/products/${ana.ownershipId}/review`)}">Write a review</a>`);

    const form = await app.inject({ url: site(`/products/${ana.ownershipId}/review`), headers: { cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Review your Uno Kettle');
    const sent = await postReview(app, site(`/products/${ana.ownershipId}/review`), { rating: '3', body: 'Does the job.' }, cookie);
    expect(sent.headers.location).toBe(site(`/products/${ana.ownershipId}/review/thanks`));
    const thanks = await app.inject({ url: sent.headers.location as string, headers: { cookie } });
    expect(thanks.body).toContain('✓ Verified owner');
    expect(thanks.body).toContain(`href="${site(`/reviews/${world.modelId}`)}"`);
    expect((await app.inject({ url: site('/products'), headers: { cookie } })).body).toContain('>Edit my review</a>');
    expect(await reviewOf(ana.ownershipId)).toEqual([expect.objectContaining({ rating: 3, verified_owner: true })]);

    const stranger = await owner(app, world);
    const theirs = await postReview(app, site(`/products/${stranger.ownershipId}/review`), { rating: '1', body: 'Not mine.' }, cookie);
    expect(theirs.headers.location).toBe(site('/products'));
    expect(await reviewOf(stranger.ownershipId)).toEqual([]);
    expect((await app.inject({ url: site(`/products/${ana.ownershipId}/review`) })).headers.location).toBe(site('/sign-in'));
  });

  it('leads a scan\'s "leave a review" to the owner\'s own product, and anyone else to what to do', async () => {
    const ana = await owner(app, world);
    const cookie = await ownerCookie(db, world, ana.ownerId);
    const write = site(`/reviews/${world.modelId}/write`);
    expect((await app.inject({ url: write, headers: { cookie } })).headers.location).toBe(site(`/products/${ana.ownershipId}/review`));
    expect((await app.inject({ url: write })).headers.location).toBe(site('/sign-in'));
    const notOwner = await app.inject({ url: site(`/reviews/${world.expiredModelId}/write`), headers: { cookie } });
    expect(notOwner.statusCode).toBe(403);
    expect(notOwner.body).toContain('Only owners can review the Old Toaster');
  });
});

describe('a model\'s public reviews page', () => {
  it('shows every published review with its badge, the average and count, and never an email or full name', async () => {
    const pageWorld = await reviewWorld(app, db, 'Page Brand');
    for (const [rating, name] of [['4', 'Dana Smith'], ['2', 'Luis Peña']] as const) {
      const bought = await owner(app, pageWorld);
      await inBrand(db, pageWorld.brand.brandId, (scope) => scope.db.updateTable('owners').set({ name }).where('id', '=', bought.ownerId).execute());
      expect((await postReview(app, await reviewLinkPath(db, pageWorld, bought.ownershipId), { rating, body: `Rated ${rating}.` })).statusCode).toBe(303);
    }
    const page = await app.inject({ url: `/o/${pageWorld.brand.slug}/reviews/${pageWorld.modelId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Reviews of the Uno Kettle');
    expect(page.body).toContain('3.0 out of 5');
    expect(page.body).toContain('2 reviews');
    expect(page.body.match(/✓ Verified owner/g)).toHaveLength(2);
    expect(page.body).toContain('Dana S.,');
    expect(page.body).toContain('Luis P.,');
    expect(page.body).not.toMatch(/Smith|Peña|@example\.com/);
    expect(page.body).toContain('published as written, whatever its rating');

    const spanish = await app.inject({ url: `/o/${pageWorld.brand.slug}/reviews/${pageWorld.modelId}?lang=es` });
    expect(spanish.body).toContain('Propietario verificado');
    expect(spanish.body).toContain('3,0 de 5');
    // Another brand's model is not on this brand's site.
    expect((await app.inject({ url: `/o/${pageWorld.brand.slug}/reviews/${world.modelId}` })).statusCode).toBe(404);
  });
});
