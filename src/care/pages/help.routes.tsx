import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemActor } from '../../access/principal.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import { type Site, openSite } from '../../owner-site/site-request.tsx';
import type { Db } from '../../platform/database/database.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { todayUtc } from '../../platform/calendar.ts';
import { CompletionRefused, logCompletion, maintenanceOf, ownershipFacts } from '../maintenance.ts';
import { modelHelp } from './help-data.ts';
import { HelpPage } from './help-page.tsx';
import type { DoneFormState } from './maintenance-card.tsx';

const isUuid = (value: string) => z.uuid().safeParse(value).success;
const helpQuery = z.object({ q: z.string().max(200).optional(), done: z.string().optional(), lang: z.string().optional() });

/** Help pages: a model's (public) and an owner's own product's, with its maintenance schedule. */
export const helpPageRoutes: RouteModule = (app, { db }) => {
  const schema = { hide: true } as const;

  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/help/:modelId', { schema: { ...schema, params: z.object({ slug: z.string(), modelId: z.string() }), querystring: helpQuery } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const { modelId } = request.params;
      const query = request.query.q?.trim() ?? '';
      const help = isUuid(modelId) ? await inBrand(db, opened.brand.id, (scope) => modelHelp(scope, opened.brand, modelId, opened.page.language, query)) : null;
      if (!help) return notFound(opened);
      return opened.send(opened.page.t('care.title', { product: help.model.name }), (
        <HelpPage site={opened} help={help} action={sitePath(opened.brand, `/help/${modelId}`)} stage={null} />
      ));
    });

    site.get('/o/:slug/products/:id/help', { schema: { ...schema, params: z.object({ slug: z.string(), id: z.string() }), querystring: helpQuery } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      return ownershipHelpPage(db, opened, reply, request.params.id, { query: request.query.q?.trim() ?? '', doneTaskId: request.query.done ?? null, failed: null });
    });

    // The form's own address, opened directly (the language switch of a page that came back with an error).
    site.get('/o/:slug/products/:id/maintenance/:taskId/done', { schema: { ...schema, params: z.object({ slug: z.string(), id: z.string(), taskId: z.string() }), querystring: helpQuery } }, (request, reply) => {
      const lang = request.query.lang ? `?lang=${encodeURIComponent(request.query.lang)}` : '';
      return reply.redirect(`/o/${encodeURIComponent(request.params.slug)}/products/${encodeURIComponent(request.params.id)}/help${lang}#maintenance`, 303);
    });

    site.post('/o/:slug/products/:id/maintenance/:taskId/done', {
      schema: { ...schema, params: z.object({ slug: z.string(), id: z.string(), taskId: z.string() }), body: z.record(z.string(), z.string()).default({}) },
    }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const ownerId = opened.owner.id;
      const { id, taskId } = request.params;
      const values = { done_on: (request.body.done_on ?? '').trim(), note: (request.body.note ?? '').trim().slice(0, 1000) };
      const outcome = await inBrand(db, opened.brand.id, async (scope) => {
        const ownership = isUuid(id) && isUuid(taskId) ? await ownershipFacts(scope, id) : null;
        if (!ownership || ownership.ownerId !== ownerId || ownership.status !== 'active') return 'not_found' as const;
        try {
          await logCompletion(scope, systemActor, ownership, { taskId, doneOn: values.done_on, note: values.note, loggedBy: 'owner' }, todayUtc());
          return 'logged' as const;
        } catch (error) {
          if (error instanceof CompletionRefused) return { problem: `care.errors.${error.problem}` };
          throw error;
        }
      });
      if (outcome === 'not_found') return notFound(opened);
      if (outcome === 'logged') return reply.redirect(`${sitePath(opened.brand, `/products/${id}/help`)}?done=${taskId}#maintenance`, 303);
      return ownershipHelpPage(db, opened, reply, id, { query: '', doneTaskId: null, failed: { taskId, values, problem: outcome.problem } });
    });
  });
};

async function ownershipHelpPage(db: Db, site: Site, reply: FastifyReply, id: string, state: { query: string; doneTaskId: string | null; failed: DoneFormState | null }) {
  const ownerId = (site.owner as { id: string }).id;
  const today = todayUtc();
  const found = await inBrand(db, site.brand.id, async (scope) => {
    const ownership = isUuid(id) ? await ownershipFacts(scope, id) : null;
    // Another owner's product, or one this owner no longer has, is not theirs to see here.
    if (!ownership || ownership.ownerId !== ownerId || ownership.status !== 'active') return null;
    const help = await modelHelp(scope, site.brand, ownership.modelId, site.page.language, state.query);
    return help ? { ownership, help, maintenance: await maintenanceOf(scope, ownership, today) } : null;
  });
  if (!found) return notFound(site);
  const { t, language } = site.page;
  const maintenance = {
    t,
    language,
    today,
    schedule: found.maintenance.schedule,
    formAction: sitePath(site.brand, `/products/${id}/maintenance`),
    doneTaskId: state.doneTaskId,
    failed: state.failed,
  };
  return site.send(t('care.title', { product: found.help.model.name }), (
    <HelpPage site={site} help={found.help} action={sitePath(site.brand, `/products/${id}/help`)} stage={found.ownership.stage} maintenance={maintenance} />
  ), state.failed ? 422 : 200);
}

function notFound(site: Site) {
  const { t } = site.page;
  return site.send(t('notFound.title'), (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('care.notFound')}</p>
      <p><a href={sitePath(site.brand, '/products')}>{t('site.myProducts')}</a></p>
    </>
  ), 404);
}
