import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RecognisedOwner } from '../../owners/owner-session.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import { type Site, openBrandSite, openSite, plainNotFound } from '../../owner-site/site-request.tsx';
import type { Db } from '../../platform/database/database.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { readMultipartForm } from '../../registration/pages/read-form.ts';
import { registrationSettingsOf } from '../../registration/settings.ts';
import { consentWordings } from '../../registration/wording.ts';
import type { MessageChannel } from '../tables.ts';
import { channelChoicesOf, ownerOfLinkToken, saveChannelChoices, unsubscribe } from './channel-choices.ts';
import { PreferenceCentre } from './preference-centre-page.tsx';

const slugParams = z.object({ slug: z.string() });
const tokenParams = z.object({ token: z.string().max(200) });
const pageQuery = z.object({ saved: z.string().optional(), lang: z.string().optional() });
// Null for a multipart body (a one-click POST may be form-data), read from its parts instead.
const formBody = z.record(z.string(), z.string()).nullish();

const evidenceOf = (request: FastifyRequest, source: 'preference_centre' | 'unsubscribe_link') => ({ source, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

/** A link that names no owner any more (forged, cut short, or the owner was erased): a plain page that says so. */
function staleLink(reply: FastifyReply) {
  return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(plainNotFound());
}

/**
 * The preference centre and one-click unsubscribe. The centre is reached signed in (from My products)
 * or, without signing in, by the signed link in every marketing message; the owner manages marketing
 * consent per channel, hard opt-outs and their time zone. `/u/:token` is the List-Unsubscribe address
 * (RFC 8058): a POST unsubscribes from the channel's marketing with no session or CSRF token (the
 * signed token is the credential); a GET never acts, since mail scanners follow links, and shows a
 * button that posts instead.
 */
export const preferenceCentreRoutes: RouteModule = (app, { db }) => {
  const schema = { hide: true } as const;

  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/contact-preferences', { schema: { ...schema, params: slugParams, querystring: pageQuery } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      return showCentre(db, opened, opened.owner, sitePath(opened.brand, '/contact-preferences'), request.query);
    });

    site.post('/o/:slug/contact-preferences', { schema: { ...schema, params: slugParams, body: formBody } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      await saveCentre(db, opened, opened.owner, request.body ?? {}, request);
      return reply.redirect(`${sitePath(opened.brand, '/contact-preferences')}?saved=1`, 303);
    });

    site.get('/o/:slug/contact-preferences/:token', { schema: { ...schema, params: slugParams.extend(tokenParams.shape), querystring: pageQuery } }, async (request, reply) => {
      const linked = await ownerOfLinkToken(db, request.params.token);
      if (!linked || linked.brand.slug !== request.params.slug) return staleLink(reply);
      const opened = await openBrandSite(db, linked.brand, request, reply, linked.owner.language);
      // The link is the credential: it must not travel on to another site in a Referer.
      reply.header('referrer-policy', 'no-referrer');
      return showCentre(db, opened, linked.owner, sitePath(linked.brand, `/contact-preferences/${request.params.token}`), request.query);
    });

    site.post('/o/:slug/contact-preferences/:token', { schema: { ...schema, params: slugParams.extend(tokenParams.shape), body: formBody } }, async (request, reply) => {
      const linked = await ownerOfLinkToken(db, request.params.token);
      if (!linked || linked.brand.slug !== request.params.slug) return staleLink(reply);
      const opened = await openBrandSite(db, linked.brand, request, reply, linked.owner.language);
      await saveCentre(db, opened, linked.owner, request.body ?? {}, request);
      return reply.redirect(`${sitePath(linked.brand, `/contact-preferences/${request.params.token}`)}?saved=1`, 303);
    });

    site.get('/u/:token', { schema: { ...schema, params: tokenParams, querystring: pageQuery } }, async (request, reply) => {
      const linked = await ownerOfLinkToken(db, request.params.token);
      if (!linked) return staleLink(reply);
      const opened = await openBrandSite(db, linked.brand, request, reply, linked.owner.language);
      reply.header('referrer-policy', 'no-referrer');
      const { t } = opened.page;
      const channelName = t(`messaging.unsubscribe.channel_${linked.channel}`);
      return opened.send(t('messaging.unsubscribe.title'), (
        <>
          <h1>{t('messaging.unsubscribe.title')}</h1>
          <form method="post" action={`/u/${request.params.token}`} className="card">
            <p>{t('messaging.unsubscribe.question', { brand: linked.brand.name, channel: channelName })}</p>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{t('messaging.unsubscribe.button')}</button>
          </form>
          <p><a href={sitePath(linked.brand, `/contact-preferences/${request.params.token}`)}>{t('messaging.unsubscribe.manage')}</a></p>
        </>
      ));
    });

    // No redirect: a mail client posting here shows or logs the answer as it is.
    site.post('/u/:token', { schema: { ...schema, params: tokenParams, body: formBody } }, async (request, reply) => {
      const linked = await ownerOfLinkToken(db, request.params.token);
      if (!linked) return staleLink(reply);
      const fields = request.isMultipart() ? (await readMultipartForm(request)).fields : (request.body ?? {});
      const opened = await openBrandSite(db, linked.brand, request, reply, linked.owner.language);
      reply.header('referrer-policy', 'no-referrer');
      const { t } = opened.page;
      if (fields['List-Unsubscribe'] !== 'One-Click') {
        return opened.send(t('messaging.unsubscribe.title'), <p>{t('messaging.unsubscribe.notOneClick')}</p>, 400);
      }
      await inBrand(db, linked.brand.id, (scope) =>
        unsubscribe(scope, linked.owner.id, linked.channel, { text: t('messaging.unsubscribe.wording', { brand: linked.brand.name, channel: t(`messaging.unsubscribe.channel_${linked.channel}`) }), language: opened.page.language }, evidenceOf(request, 'unsubscribe_link')),
      );
      return opened.send(t('messaging.unsubscribe.title'), (
        <>
          <h1>{t('messaging.unsubscribe.title')}</h1>
          <p role="status" className="card">{t('messaging.unsubscribe.done', { brand: linked.brand.name })}</p>
          <p><a href={sitePath(linked.brand, `/contact-preferences/${request.params.token}`)}>{t('messaging.unsubscribe.manage')}</a></p>
        </>
      ));
    });
  });
};

async function showCentre(db: Db, site: Site, owner: RecognisedOwner, action: string, query: z.output<typeof pageQuery>) {
  const { choices, settings } = await inBrand(db, site.brand.id, async (scope) => ({ choices: await channelChoicesOf(scope, owner), settings: await registrationSettingsOf(scope) }));
  return site.send(site.page.t('claims.preferences.title'), (
    <>
      <PreferenceCentre site={site} owner={owner} choices={choices} wordings={consentWordings(settings, site.page)} action={action} saved={query.saved !== undefined} />
      {site.owner ? <p><a href={sitePath(site.brand, '/account')}>{site.page.t('products.account')}</a></p> : null}
    </>
  ));
}

async function saveCentre(db: Db, site: Site, owner: RecognisedOwner, body: Readonly<Record<string, string>>, request: FastifyRequest) {
  const ticked = (name: string) => body[name] === 'on';
  const both = (prefix: string): Record<MessageChannel, boolean> => ({ email: ticked(`${prefix}_email`), sms: ticked(`${prefix}_sms`) });
  await inBrand(db, site.brand.id, async (scope) => {
    const settings = await registrationSettingsOf(scope);
    await saveChannelChoices(scope, owner, { marketing: both('consent'), stop: both('stop'), timeZone: body.time_zone || null }, consentWordings(settings, site.page), evidenceOf(request, 'preference_centre'));
  });
}
