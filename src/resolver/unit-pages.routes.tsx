import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sitePath } from '../owner-site/brand-site.ts';
import { openSite, type Site } from '../owner-site/site-request.tsx';
import type { Db } from '../platform/database/database.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import { withinRateLimit } from '../platform/http/rate-limit.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { openRecallsOfModel } from '../recalls/recalls.ts';
import { NotFound } from '../registration/pages/registration-site.routes.tsx';
import { type UnitLink, unitPageUrl } from './targets.ts';
import { FaqList, RecallStatus, RegisteredUnit, TooMany } from './unit-pages.tsx';
import { serialLookups, unitState } from './unit.ts';

const slugParams = z.object({ slug: z.string() });
// As the resolver writes them (see targets.ts); anything malformed is dropped rather than refused.
const unitQuery = z.object({
  gtin: z.string().regex(/^[0-9]{14}$/).optional().catch(undefined),
  serial: z.string().min(1).max(100).optional().catch(undefined),
  lot: z.string().min(1).max(40).optional().catch(undefined),
  variant: z.string().min(1).max(40).optional().catch(undefined),
  production: z.iso.date().optional().catch(undefined),
  lang: z.string().optional(),
});
type UnitQuery = z.output<typeof unitQuery>;

/**
 * The brand-site pages a scan leads to besides registration: a unit someone already holds (which
 * never says who), the recall status of a unit, and a model's questions and answers.
 */
export const unitPageRoutes: RouteModule = (app, { db }) => {
  const schema = { hide: true, params: slugParams, querystring: unitQuery } as const;

  app.get('/o/:slug/registered-unit', { schema }, (request, reply) =>
    answerUnitPage(db, request, reply, { countsSerialLookup: true }, async (site, scope, model) => {
      const { t } = site.page;
      const unit = unitOf(request.query, model.gtin);
      const registerHref = unitPageUrl('', site.brand, 'register', unit);
      const state = request.query.serial ? await unitState(scope, model.id, unit) : null;
      // A stale link (the unit was transferred or retired since): registering it is what is left to do.
      if (!state?.activeOwnershipId) return reply.redirect(registerHref, 303);
      if (site.owner) {
        const holder = await scope.db.selectFrom('ownerships').select('owner_id').where('id', '=', state.activeOwnershipId).executeTakeFirstOrThrow();
        if (holder.owner_id === site.owner.id) return reply.redirect(sitePath(site.brand, `/products/${state.activeOwnershipId}`), 303);
      }
      return site.send(t('resolver.registeredTitle'), (
        <RegisteredUnit t={t} productName={model.name} signInHref={sitePath(site.brand, '/sign-in')} registerHref={registerHref} />
      ));
    }),
  );

  app.get('/o/:slug/recall-status', { schema }, (request, reply) =>
    answerUnitPage(db, request, reply, { countsSerialLookup: true }, async (site, scope, model) => {
      const { t } = site.page;
      const unit = unitOf(request.query, model.gtin);
      const state = await unitState(scope, model.id, unit);
      const covered = new Set(state.recalls.map((recall) => recall.id));
      // Recalls this unit may fall under, had the code told its serial or date of manufacture.
      const toCheck = (await openRecallsOfModel(scope, model.id)).filter(
        (recall) => !covered.has(recall.id) && ((recall.serials !== null && !state.serial) || ((recall.manufacturedFrom || recall.manufacturedTo) && !state.manufacturedOn)),
      );
      const title = t('resolver.recallStatusTitle', { product: model.name });
      return site.send(title, (
        <RecallStatus t={t} title={title} recalls={state.recalls} toCheck={toCheck} registerHref={unitPageUrl('', site.brand, 'register', unit)} productName={model.name} />
      ));
    }),
  );

  app.get('/o/:slug/faqs', { schema }, (request, reply) =>
    answerUnitPage(db, request, reply, { countsSerialLookup: false }, async (site, scope, model) => {
      const { t } = site.page;
      const faqs = await scope.db
        .selectFrom('resources')
        .select(['id', 'title', 'body', 'url', 'file_id', 'language'])
        .where('brand_id', '=', scope.brandId)
        .where('model_id', '=', model.id)
        .where('kind', '=', 'faq')
        .orderBy('id')
        .execute();
      const entries = faqs.map((faq) => ({
        id: faq.id,
        title: faq.title,
        body: faq.body,
        language: faq.language,
        href: faq.body.trim() ? null : faq.url && !faq.file_id ? faq.url : sitePath(site.brand, `/resources/${faq.id}`),
      }));
      const title = t('resolver.faqsTitle', { product: model.name });
      return site.send(title, <FaqList t={t} title={title} entries={entries} />);
    }),
  );
};

type UnitModel = NonNullable<Awaited<ReturnType<typeof modelByGtin>>>;

/**
 * What every unit page does first: open the brand site, hold serial lookups to the rate limit
 * (a page naming a serial could otherwise be used to sweep serials), and find the model the GTIN
 * names, answering a friendly 404 when there is none.
 */
async function answerUnitPage(
  db: Db,
  request: FastifyRequest<{ Querystring: UnitQuery }>,
  reply: FastifyReply,
  { countsSerialLookup }: { countsSerialLookup: boolean },
  page: (site: Site, scope: BrandScope, model: UnitModel) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  const site = await openSite(db, request, reply);
  if (!site) return reply;
  const { t } = site.page;
  const query = request.query;
  if (countsSerialLookup && query.serial && !(await withinRateLimit(db, serialLookups, request.ip))) return site.send(t('resolver.tooManyTitle'), <TooMany t={t} />, 429);
  return inBrand(db, site.brand.id, async (scope) => {
    const model = query.gtin ? await modelByGtin(scope, query.gtin) : undefined;
    if (!model) return site.send(t('notFound.title'), <NotFound site={site} />, 404);
    return page(site, scope, model);
  });
}

/** The brand's model a GTIN-14 names (row-level security keeps the lookup to this brand). */
async function modelByGtin(scope: BrandScope, gtin14: string) {
  return scope.db
    .selectFrom('model_gtins as g')
    .innerJoin('models as m', 'm.id', 'g.model_id')
    .select(['m.id', 'm.name', 'g.gtin'])
    .where('g.brand_id', '=', scope.brandId)
    .where('g.gtin', '=', gtin14)
    .executeTakeFirst();
}

function unitOf(query: UnitQuery, gtin14: string): UnitLink {
  return { gtin14, serial: query.serial, lot: query.lot, variant: query.variant, productionDate: query.production };
}
