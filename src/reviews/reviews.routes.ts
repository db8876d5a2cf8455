import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { checkGtin } from '../catalog/gtin.ts';
import { brandSiteBySlug } from '../owner-site/brand-site.ts';
import type { Db } from '../platform/database/database.ts';
import { type BrandId, inBrand } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { pageOf } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { productByGtin } from '../resolver/product-lookup.ts';
import { publishedReviews, reviewSummary, reviewedModel } from './public-reviews.ts';
import { type PublicReviewFeed, publicFeedQuery, publicReviewFeed, removalBody, reviewListQuery, reviewView } from './review-schema.ts';
import { listReviews, removeReview } from './reviews.ts';

// Shops read the feed from their own pages: any origin may, and a few minutes' staleness is fine
// for a list that changes when someone writes a review.
const publicCacheSeconds = 300;

/**
 * Reviews through the API: the console's list and removals (staff), and the public feed a brand's
 * own shop or site shows, per model or per GTIN, with no credentials.
 */
export const reviewRoutes: RouteModule = (app, { db }) => {
  const tags = ['reviews'];

  // Reading reviews shows who wrote them, so it needs what reading owners needs. Removing one acts
  // on an owner's own words, as correcting their details does: agents and admins, not marketers,
  // who answer for the ratings and so should not be the ones who take reviews down.
  app.get('/api/v1/reviews', {
    preValidation: requirePermission('owners:read'),
    schema: {
      tags,
      summary: 'The brand\'s reviews, newest first, by model, rating and status',
      querystring: reviewListQuery,
      response: { 200: pageOf(reviewView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listReviews(scope, request.query)));

  app.post('/api/v1/reviews/:id/removal', {
    preValidation: requirePermission('owners:write'),
    schema: {
      tags,
      summary: 'Remove a review from public view, for one of the fixed reasons (audited; 409 when already removed)',
      description: 'Reviews publish the moment they are written, whatever their rating. A brand may take one down only as abusive, for personal data, as not about the product, or as spam; never for a low rating.',
      params: idParams,
      body: removalBody,
      response: { 200: reviewView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await removeReview(scope, actor, request.params.id, request.body.reason) })));

  app.get('/api/v1/public/brands/:slug/models/:modelId/reviews', {
    schema: {
      tags,
      security: [],
      summary: 'Public: a model\'s published reviews with the verified-owner badge, average and count (no credentials; CORS open)',
      params: z.object({ slug: z.string().max(100).meta({ description: 'The brand\'s slug, as in its owner pages /o/<slug>.' }), modelId: z.uuid('This is not a model id OpenOX gave out.') }),
      querystring: publicFeedQuery,
      response: { 200: publicReviewFeed, ...errorResponses },
    },
  }, async (request, reply) => {
    openToAnyOrigin(reply);
    const brand = await brandSiteBySlug(db, request.params.slug);
    if (!brand) throw new ApiError('not_found', `There is no brand with the slug "${request.params.slug}".`);
    return sendFeed(reply, await feedOf(db, brand.id, request.params.modelId, request.query));
  });

  app.get('/api/v1/public/gtins/:gtin/reviews', {
    schema: {
      tags,
      security: [],
      summary: 'Public: the published reviews of the model a GTIN names (no credentials; CORS open)',
      params: z.object({ gtin: z.string().max(20).meta({ description: 'GTIN-8, -12, -13 or -14, as on the barcode.' }) }),
      querystring: publicFeedQuery,
      response: { 200: publicReviewFeed, ...errorResponses },
    },
  }, async (request, reply) => {
    openToAnyOrigin(reply);
    const gtin = checkGtin(request.params.gtin);
    if (!gtin.valid) throw new ApiError('validation_failed', `gtin: ${gtin.reason}`, [{ path: 'params.gtin', message: gtin.reason }]);
    const product = await productByGtin(db, gtin.gtin14);
    if (!product) throw new ApiError('not_found', `No brand on OpenOX has a product with the GTIN ${gtin.gtin14}.`);
    return sendFeed(reply, await feedOf(db, product.brandId, product.modelId, request.query));
  });
};

function openToAnyOrigin(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
}

function sendFeed(reply: FastifyReply, feed: PublicReviewFeed): PublicReviewFeed {
  reply.header('cache-control', `public, max-age=${publicCacheSeconds}`);
  return feed;
}

async function feedOf(db: Db, brandId: BrandId, modelId: string, page: z.output<typeof publicFeedQuery>): Promise<PublicReviewFeed> {
  return inBrand(db, brandId, async (scope) => {
    const model = await reviewedModel(scope, modelId);
    if (!model) throw new ApiError('not_found', 'This brand has no model with this id.');
    const brand = await scope.db.selectFrom('brands').select('name').where('id', '=', scope.brandId).executeTakeFirstOrThrow();
    const [summary, reviews] = await Promise.all([reviewSummary(scope, model.id), publishedReviews(scope, model.id, page)]);
    return { brand: { name: brand.name }, model, summary, ...reviews };
  });
}
