import fastifyFormbody from '@fastify/formbody';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ownerActor } from '../../access/principal.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import { openSite } from '../../owner-site/site-request.tsx';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { releaseOwnership, retireOwnership } from '../ownership-changes.ts';

const params = z.object({ slug: z.string(), id: z.string() });
const endings = { release: releaseOwnership, retire: retireOwnership } as const;

/** An owner says a product is no longer theirs: passed on to someone (released) or disposed of (retired). */
export const ownershipEndRoutes: RouteModule = (app, { db }) => {
  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/products/:id/end', { schema: { hide: true, params } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const owner = opened.owner;
      if (!owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const product = z.uuid().safeParse(request.params.id).success
        ? await inBrand(db, opened.brand.id, (scope) =>
            scope.db.selectFrom('ownerships as o').innerJoin('models as m', 'm.id', 'o.model_id').select(['o.id', 'o.serial', 'm.name'])
              .where('o.id', '=', request.params.id).where('o.owner_id', '=', owner.id).where('o.status', '=', 'active').executeTakeFirst())
        : undefined;
      if (!product) return reply.redirect(sitePath(opened.brand, '/products'), 303);
      const { t } = opened.page;
      const action = (ending: keyof typeof endings) => sitePath(opened.brand, `/products/${product.id}/${ending}`);
      return opened.send(t('ownershipEnd.title', { product: product.name }), (
        <>
          <h1>{t('ownershipEnd.title', { product: product.name })}</h1>
          {product.serial ? <p>{t('products.serial', { serial: product.serial })}</p> : null}
          <form method="post" action={action('release')} className="card">
            <h2>{t('ownershipEnd.releaseTitle')}</h2>
            <p>{t('ownershipEnd.releaseText')}</p>
            <button type="submit">{t('ownershipEnd.release')}</button>
          </form>
          <form method="post" action={action('retire')} className="card">
            <h2>{t('ownershipEnd.retireTitle')}</h2>
            <p>{t('ownershipEnd.retireText')}</p>
            <button type="submit" className="secondary">{t('ownershipEnd.retire')}</button>
          </form>
          <p><a href={sitePath(opened.brand, `/products/${product.id}`)}>{t('ownershipEnd.keep')}</a></p>
        </>
      ));
    });

    site.post('/o/:slug/products/:id/:ending', { schema: { hide: true, params: params.extend({ ending: z.enum(['release', 'retire']) }) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const owner = opened.owner;
      if (!owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      await inBrand(db, opened.brand.id, async (scope) => {
        // Only the owner's own current products; anything else is left as it is, silently.
        const own = z.uuid().safeParse(request.params.id).success && await scope.db.selectFrom('ownerships').select('id')
          .where('id', '=', request.params.id).where('owner_id', '=', owner.id).where('status', '=', 'active').executeTakeFirst();
        if (own) await endings[request.params.ending](scope, ownerActor(owner), request.params.id);
      });
      return reply.redirect(sitePath(opened.brand, '/products'), 303);
    });
  });
};
