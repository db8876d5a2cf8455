import fastifyFormbody from '@fastify/formbody';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { liftOptOut, suppress, suppressionsOf } from '../../messaging/suppressions.ts';
import type { MessageChannel } from '../../messaging/tables.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import { openSite } from '../../owner-site/site-request.tsx';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';

const slugParams = z.object({ slug: z.string() });

/**
 * The owner's hard opt-outs, per channel: once set, nothing but safety notices reaches them there,
 * not even updates on their claims (which they can still read on their pages). Marketing consent is
 * separate, on the account page; this is the "stop everything" switch.
 */
export const contactPreferenceRoutes: RouteModule = (app, { db }) => {
  const schema = { hide: true } as const;

  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/contact-preferences', { schema: { ...schema, params: slugParams, querystring: z.object({ saved: z.string().optional(), lang: z.string().optional() }) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const { t } = opened.page;
      const current = await inBrand(db, opened.brand.id, (scope) => suppressionsOf(scope, { email: owner.email, phone: owner.phone }));
      const channels: { channel: MessageChannel; address: string | null }[] = [
        { channel: 'email', address: owner.email },
        { channel: 'sms', address: owner.phone },
      ];
      return opened.send(t('claims.preferences.title'), (
        <>
          <h1>{t('claims.preferences.title')}</h1>
          {request.query.saved !== undefined ? <p role="status" className="badge">{t('claims.preferences.saved')}</p> : null}
          <p>{t('claims.preferences.intro', { brand: opened.brand.name })}</p>
          <form method="post" action={sitePath(opened.brand, '/contact-preferences')} className="card">
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend><strong>{t('claims.preferences.legend')}</strong></legend>
              {channels.map(({ channel, address }) => {
                const reason = current[channel];
                // A bounce or a complaint is not the owner's to lift; a channel with no address has nothing to stop.
                const fixed = reason === 'bounced' || reason === 'complained' || address === null;
                return (
                  <div key={channel}>
                    <label className="check" htmlFor={`stop_${channel}`}>
                      <input type="checkbox" id={`stop_${channel}`} name={`stop_${channel}`} defaultChecked={reason !== undefined} disabled={fixed} aria-describedby={`stop_${channel}-hint`} />
                      <span>{t(`claims.preferences.stop_${channel}`, { brand: opened.brand.name })}</span>
                    </label>
                    <span className="hint" id={`stop_${channel}-hint`}>
                      {address === null ? t('claims.preferences.noPhone') : reason === 'bounced' || reason === 'complained' ? t(`claims.preferences.${reason}`, { address }) : address}
                    </span>
                  </div>
                );
              })}
            </fieldset>
            <p className="hint">{t('claims.preferences.safetyNote')}</p>
            <button type="submit">{t('claims.preferences.save')}</button>
          </form>
          <p><a href={sitePath(opened.brand, '/account')}>{t('products.account')}</a></p>
        </>
      ));
    });

    site.post('/o/:slug/contact-preferences', { schema: { ...schema, params: slugParams, body: z.record(z.string(), z.string()).default({}) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      await inBrand(db, opened.brand.id, async (scope) => {
        const addresses: Record<MessageChannel, string | null> = { email: owner.email, sms: owner.phone };
        for (const channel of ['email', 'sms'] as const) {
          const address = addresses[channel];
          if (address === null) continue;
          if (request.body[`stop_${channel}`] === 'on') await suppress(scope, channel, address, 'opted_out');
          else await liftOptOut(scope, channel, address);
        }
      });
      return reply.redirect(`${sitePath(opened.brand, '/contact-preferences')}?saved=1`, 303);
    });
  });
};
