import type { FastifyReply, FastifyRequest } from 'fastify';
import { brandSiteById } from '../owner-site/brand-site.ts';
import { translatorFor } from '../owner-site/i18n.ts';
import { renderPage } from '../owner-site/page.tsx';
import { inBrand } from '../platform/database/tenancy.ts';
import { withinRateLimit } from '../platform/http/rate-limit.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { type ResolverAnswer, answerFor } from './answer.ts';
import { parseDigitalLink } from './digital-link.ts';
import { linksetContextLink } from './linkset.ts';
import { resolverLanguage, sendNeutralPage, wantedFormat } from './neutral-page.tsx';
import { productByGtin } from './product-lookup.ts';
import { unitTargets } from './targets.ts';
import { serialLookups, unitState } from './unit.ts';
import { unitPageRoutes } from './unit-pages.routes.tsx';
import { resolverDescription } from './well-known.ts';

// Paths the rest of OpenOX owns: a Digital Link is never read under them, so their 404s stay theirs.
const reservedPaths = /^\/(?:api|o|console|docs|\.well-known|openapi\.json|healthz|readyz)(?:[/?]|$)/;

/**
 * OpenOX as a GS1-conformant resolver for every brand's products, at the root of its public origin:
 * `/01/<gtin>[/22/..][/10/..][/21/..]`, behind any path prefix, compressed, or in the `/gtin/` short
 * form. Also the brand-site pages a scan leads to (registered unit, recall status, FAQs).
 */
export const resolverRoutes: RouteModule = (app, context) => {
  const { db, config } = context;
  const root = config.publicUrl.replace(/\/+$/, '');
  unitPageRoutes(app, context);

  app.get('/.well-known/gs1resolver', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=3600').send(resolverDescription(config.publicUrl)),
  );

  // Static and parametric routes win over this one, so it sees only paths nothing else answers.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (reservedPaths.test(request.url)) return reply.callNotFound();
    // The raw URL: decoded route parameters would turn a serial's %2F into a path separator.
    const link = parseDigitalLink(request.url);
    if (!link.ok) {
      if (link.problem === 'not_digital_link') return reply.callNotFound();
      const titleKey = link.problem === 'bad_check_digit' ? 'resolver.badCodeTitle' : 'resolver.malformedTitle';
      return sendNeutralPage(request, reply, 400, { code: 'validation_failed', message: link.message }, (t, language) => ({
        title: t(titleKey),
        // The parser explains the problem in English only; other languages get the general advice.
        body: <>{language === 'en' ? <p>{link.message}</p> : null}<p>{t('resolver.tryAgain')}</p></>,
      }));
    }

    reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'Link');
    if (link.serial !== undefined && !(await withinRateLimit(db, serialLookups, request.ip))) {
      reply.header('retry-after', String(serialLookups.windowSeconds));
      return sendNeutralPage(request, reply, 429, { code: 'too_many_attempts', message: 'Too many product lookups from this address; wait a minute and try again.' }, (t) => ({
        title: t('resolver.tooManyTitle'),
        body: <p>{t('resolver.tooManyBody')}</p>,
      }));
    }

    const product = await productByGtin(db, link.gtin14);
    const brand = product && (await brandSiteById(db, product.brandId));
    if (!product || !brand) {
      return sendNeutralPage(request, reply, 404, { code: 'not_found', message: `No brand on OpenOX sells a product with the GTIN ${link.gtin14}.` }, (t) => ({
        title: t('resolver.unknownTitle'),
        body: <><p>{t('resolver.unknownBody', { gtin: link.gtin14 })}</p><p>{t('resolver.tryAgain')}</p></>,
      }));
    }

    const language = resolverLanguage(request);
    const t = translatorFor(language);
    const links = await inBrand(db, brand.id, async (scope) => {
      const model = await scope.db.selectFrom('models').select(['id', 'name']).where('id', '=', product.modelId).executeTakeFirstOrThrow();
      const state = await unitState(scope, model.id, { serial: link.serial, productionDate: link.productionDate });
      const unit = { gtin14: link.gtin14, serial: link.serial, lot: link.lot, variant: link.variant, productionDate: link.productionDate };
      const { targets, defaultTarget } = await unitTargets(scope, { publicUrl: root, brand, t, modelId: model.id, modelName: model.name, unit, state });
      return { anchor: `${root}${link.keyPath}`, itemDescription: model.name, targets, defaultTarget, compressed: link.compressed };
    });
    const wanted = wantedFormat(request);
    const answer = answerFor(links, { linkType: link.linkType, acceptsLinkset: wanted === 'linkset', acceptLanguage: languagePreference(request), rawQuery: rawQueryOf(request.url) });

    // The answer depends on the unit's live state (a recall, a registration): never cached.
    reply.header('link', answer.linkHeader).header('cache-control', 'no-store').header('vary', 'Accept, Accept-Language');
    if (answer.kind === 'redirect') return reply.code(307).header('location', answer.location).send();
    if (answer.kind === 'linkset' || wanted !== 'html') return sendLinkset(reply, answer, answer.kind === 'linkset' ? 200 : 404);
    const title = t('resolver.noLinkTitle', { product: links.itemDescription });
    const page = { brand, language, t, url: request.url, signedIn: false };
    return reply.code(404).type('text/html; charset=utf-8').send(renderPage(page, title, <NoLink title={title} answer={answer} intro={t('resolver.noLinkBody')} />));
  });
};

function sendLinkset(reply: FastifyReply, answer: Exclude<ResolverAnswer, { kind: 'redirect' }>, status: number): FastifyReply {
  reply.header('link', `${answer.linkHeader}, ${linksetContextLink}`);
  return reply.code(status).type('application/linkset+json').send(JSON.stringify(answer.json));
}

function NoLink({ title, intro, answer }: { title: string; intro: string; answer: Extract<ResolverAnswer, { kind: 'no_target' }> }) {
  return (
    <div className="card">
      <h1>{title}</h1>
      <p>{intro}</p>
      <ul className="plain">
        {answer.available.map((target) => (
          <li key={`${target.linkType} ${target.href}`}>
            <a href={target.href} hrefLang={target.hreflang?.length === 1 ? target.hreflang[0] : undefined}>{target.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Languages for choosing among a link's translations: one chosen on a page first, then the browser's. */
function languagePreference(request: FastifyRequest): string | undefined {
  const chosen = (request.query as { lang?: unknown }).lang;
  const preferences = [typeof chosen === 'string' ? chosen : undefined, request.cookies.openox_lang, request.headers['accept-language']];
  return preferences.filter((value) => value && /^[A-Za-z0-9\-*;=.,\s]+$/.test(value)).join(', ') || undefined;
}

function rawQueryOf(url: string): string {
  const withoutFragment = url.split('#')[0] as string;
  const question = withoutFragment.indexOf('?');
  return question === -1 ? '' : withoutFragment.slice(question + 1);
}
