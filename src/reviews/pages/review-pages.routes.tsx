import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sitePath } from '../../owner-site/brand-site.ts';
import { type Site, openBrandSite, openSite, plainNotFound } from '../../owner-site/site-request.tsx';
import type { Db } from '../../platform/database/database.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { publishedReviews, reviewSummary, reviewedModel } from '../public-reviews.ts';
import { checkReviewInput } from '../review-input.ts';
import { openReviewLink } from '../review-link.ts';
import type { PublicReviewView } from '../review-schema.ts';
import { type OwnReview, type ReviewTarget, reviewTarget, submitReview } from '../reviews.ts';
import { LinkProblem, ModelReviews, ReviewForm, type ReviewFormValues, ReviewThanks, formValuesOf } from './review-views.tsx';

const isUuid = (value: string) => z.uuid().safeParse(value).success;
const slugParams = z.object({ slug: z.string() });
const tokenParams = slugParams.extend({ token: z.string().max(200) });
const productParams = slugParams.extend({ id: z.string() });
const modelParams = slugParams.extend({ modelId: z.string() });
const formBody = z.record(z.string(), z.string()).default({});
const thanksQuery = z.object({ unchanged: z.string().optional(), lang: z.string().optional() });
const listQuery = z.object({ cursor: z.string().max(200).optional(), lang: z.string().optional() });

/** How a review page was reached: by a signed link, or signed in from My products. Both lead to one ownership. */
interface ReviewAccess {
  readonly site: Site;
  readonly target: ReviewTarget;
  /** The form's own address; its thank-you page is this plus /thanks. */
  readonly path: string;
}

const asPublic = (review: OwnReview): PublicReviewView => ({
  id: review.id,
  rating: review.rating,
  title: review.title === '' ? null : review.title,
  body: review.body,
  author: review.authorName === '' ? null : review.authorName,
  language: review.language,
  date: review.updatedAt.toISOString().slice(0, 10),
  verifiedOwner: review.verifiedOwner,
});

/**
 * Owners write (and edit) their review of a product: from the signed link in the review request
 * (no password), or signed in from My products. A thank-you page shows the review with its
 * verified-owner badge. A model's reviews are public at /o/<slug>/reviews/<model id>.
 */
export const reviewPageRoutes: RouteModule = (app, { db }) => {
  const schema = { hide: true } as const;

  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/review/:token', { schema: { ...schema, params: tokenParams, querystring: z.object({ lang: z.string().optional() }) } }, async (request, reply) => {
      const access = await byLink(db, request, reply);
      if (!access) return reply;
      return showForm(access, formValuesOf(access.target), {});
    });

    site.post('/o/:slug/review/:token', { schema: { ...schema, params: tokenParams, body: formBody } }, async (request, reply) => {
      const access = await byLink(db, request, reply);
      if (!access) return reply;
      return saveReview(db, access, request.body, reply);
    });

    site.get('/o/:slug/review/:token/thanks', { schema: { ...schema, params: tokenParams, querystring: thanksQuery } }, async (request, reply) => {
      const access = await byLink(db, request, reply);
      if (!access) return reply;
      return showThanks(access, request.query.unchanged !== undefined, reply);
    });

    site.get('/o/:slug/products/:id/review', { schema: { ...schema, params: productParams, querystring: z.object({ lang: z.string().optional() }) } }, async (request, reply) => {
      const access = await signedIn(db, request, reply);
      if (!access) return reply;
      return showForm(access, formValuesOf(access.target), {});
    });

    site.post('/o/:slug/products/:id/review', { schema: { ...schema, params: productParams, body: formBody } }, async (request, reply) => {
      const access = await signedIn(db, request, reply);
      if (!access) return reply;
      return saveReview(db, access, request.body, reply);
    });

    site.get('/o/:slug/products/:id/review/thanks', { schema: { ...schema, params: productParams, querystring: thanksQuery } }, async (request, reply) => {
      const access = await signedIn(db, request, reply);
      if (!access) return reply;
      return showThanks(access, request.query.unchanged !== undefined, reply);
    });

    site.get('/o/:slug/reviews/:modelId', { schema: { ...schema, params: modelParams, querystring: listQuery } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const { modelId } = request.params;
      const cursor = request.query.cursor;
      const found = isUuid(modelId) && (cursor === undefined || isCursor(cursor))
        ? await inBrand(db, opened.brand.id, async (scope) => {
          const model = await reviewedModel(scope, modelId);
          if (!model) return null;
          return { model, summary: await reviewSummary(scope, model.id), page: await publishedReviews(scope, model.id, { limit: 20, cursor }) };
        })
        : null;
      if (!found) return opened.send(opened.page.t('notFound.title'), <p>{opened.page.t('notFound.body')}</p>, 404);
      const moreHref = found.page.nextCursor ? `${sitePath(opened.brand, `/reviews/${modelId}`)}?cursor=${found.page.nextCursor}` : null;
      return opened.send(opened.page.t('reviews.public.title', { product: found.model.name }), (
        <ModelReviews site={opened} model={found.model} summary={found.summary} reviews={found.page.data} moreHref={moreHref} />
      ));
    });

    // Where a scan's gs1:leaveReview leads: the owner's own product's review form, else how to get there.
    site.get('/o/:slug/reviews/:modelId/write', { schema: { ...schema, params: modelParams, querystring: z.object({ lang: z.string().optional() }) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const { modelId } = request.params;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const ownerId = opened.owner.id;
      const found = isUuid(modelId)
        ? await inBrand(db, opened.brand.id, async (scope) => ({
          model: await reviewedModel(scope, modelId),
          ownership: await scope.db.selectFrom('ownerships').select('id').where('owner_id', '=', ownerId).where('model_id', '=', modelId).where('status', '=', 'active')
            .orderBy('registered_at', 'desc').limit(1).executeTakeFirst(),
        }))
        : null;
      if (!found?.model) return opened.send(opened.page.t('notFound.title'), <p>{opened.page.t('notFound.body')}</p>, 404);
      if (found.ownership) return reply.redirect(sitePath(opened.brand, `/products/${found.ownership.id}/review`), 303);
      const { t } = opened.page;
      return opened.send(t('reviews.write.notOwnerTitle', { product: found.model.name }), (
        <>
          <h1>{t('reviews.write.notOwnerTitle', { product: found.model.name })}</h1>
          <p className="card">{t('reviews.write.notOwner', { product: found.model.name })}</p>
          <a className="button" href={sitePath(opened.brand, `/register?model=${found.model.id}`)}>{t('reviews.write.register')}</a>
        </>
      ), 403);
    });
  });
};

const isCursor = (cursor: string) => /^[A-Za-z0-9_-]{1,200}$/.test(cursor);

/**
 * The ownership a signed review link stands for, with the page dressed for its brand in the owner's
 * language. A forged, expired or no longer usable link gets a page that says so and how to go on.
 */
async function byLink(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<ReviewAccess | null> {
  const { slug, token } = request.params as z.output<typeof tokenParams>;
  const link = await openReviewLink(db, slug, token);
  // The link is the credential: it must not travel on to another site in a Referer.
  reply.header('referrer-policy', 'no-referrer');
  if (link.kind === 'no_brand') {
    void reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(plainNotFound());
    return null;
  }
  const target = link.kind === 'valid' ? await inBrand(db, link.brand.id, (scope) => reviewTarget(scope, link.ownershipId)) : null;
  const site = await openBrandSite(db, link.brand, request, reply, target?.owner.language);
  if (link.kind === 'expired') return refuse(site, 'expired', 410);
  if (!target) return refuse(site, 'forged', 404);
  if (!target.ownership.active) return refuse(site, 'ended', 410);
  return { site, target, path: sitePath(link.brand, `/review/${token}`) };
}

function refuse(site: Site, problem: 'forged' | 'expired' | 'ended', status: number): null {
  site.send(site.page.t(`reviews.link.${problem}Title`), <LinkProblem site={site} problem={problem} />, status);
  return null;
}

/** The signed-in owner's own active product; anyone else's (or none) goes back to My products. */
async function signedIn(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<ReviewAccess | null> {
  const opened = await openSite(db, request, reply);
  if (!opened) return null;
  if (!opened.owner) {
    void reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
    return null;
  }
  const { id } = request.params as z.output<typeof productParams>;
  const target = isUuid(id) ? await inBrand(db, opened.brand.id, (scope) => reviewTarget(scope, id)) : null;
  if (!target || target.owner.id !== opened.owner.id || !target.ownership.active) {
    void reply.redirect(sitePath(opened.brand, '/products'), 303);
    return null;
  }
  return { site: opened, target, path: sitePath(opened.brand, `/products/${id}/review`) };
}

function showForm(access: ReviewAccess, values: ReviewFormValues, problems: Parameters<typeof ReviewForm>[0]['problems'], status = 200) {
  const { site, target, path } = access;
  return site.send(site.page.t('reviews.form.title', { product: target.model.name }), <ReviewForm site={site} target={target} values={values} problems={problems} action={path} />, status);
}

async function saveReview(db: Db, access: ReviewAccess, body: Readonly<Record<string, string>>, reply: FastifyReply) {
  const values: ReviewFormValues = { rating: body.rating ?? '', title: body.title ?? '', body: body.body ?? '' };
  const check = checkReviewInput(values);
  if (!check.ok) return showForm(access, values, check.problems, 422);
  const { changed } = await inBrand(db, access.site.brand.id, async (scope) => {
    // Read again inside the write's transaction: the product may have changed hands since the page was opened.
    const target = await reviewTarget(scope, access.target.ownership.id);
    if (!target?.ownership.active) return { changed: null };
    return submitReview(scope, target, check.review, access.site.page.language);
  });
  if (changed === null) {
    refuse(access.site, 'ended', 410);
    return reply;
  }
  return reply.redirect(`${access.path}/thanks${changed ? '' : '?unchanged=1'}`, 303);
}

function showThanks(access: ReviewAccess, unchanged: boolean, reply: FastifyReply) {
  const { site, target, path } = access;
  // Nothing written yet, or a version the brand removed: the form is where the owner goes on from.
  if (!target.review || target.review.status !== 'published') return reply.redirect(path, 303);
  return site.send(site.page.t('reviews.thanks.title'), <ReviewThanks site={site} target={target} review={asPublic(target.review)} unchanged={unchanged} editHref={path} />);
}
