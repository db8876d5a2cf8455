import fastifyFormbody from '@fastify/formbody';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sitePath } from '../../owner-site/brand-site.ts';
import { openSite, type Site } from '../../owner-site/site-request.tsx';
import { inBrand } from '../../platform/database/tenancy.ts';
import { withinRateLimit } from '../../platform/http/rate-limit.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { endOwnerSession, startOwnerSession } from '../owner-session.ts';
import { queueSignInEmail } from '../sign-in-email.tsx';
import { isSignInLinkUsable, redeemSignInCode, redeemSignInLink } from '../sign-in-links.ts';

const slugParams = z.object({ slug: z.string() });
const tokenParams = slugParams.extend({ token: z.string().max(100) });
const emailRequests = { bucket: 'owner-sign-in-email', limit: 5, windowSeconds: 900 };
const ipRequests = { bucket: 'owner-sign-in-ip', limit: 30, windowSeconds: 900 };

/** Password-less sign-in for owners: a link or a code by email, then a remembered browser. */
export const ownerSignInRoutes: RouteModule = (app, { db, config }) => {
  const secure = config.publicUrl.startsWith('https:');
  const schema = { hide: true } as const;

  void app.register(async (plugin) => {
    // Owner forms post urlencoded bodies; only these routes accept them (the API stays JSON only).
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/sign-in', { schema: { ...schema, params: slugParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      return opened && opened.send(opened.page.t('signIn.title'), <AskForEmail site={opened} />);
    });

    site.post('/o/:slug/sign-in', { schema: { ...schema, params: slugParams, body: z.object({ email: z.string().max(254).default('') }) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const email = request.body.email.trim().toLowerCase();
      const allowed = (await withinRateLimit(db, ipRequests, request.ip)) && (await withinRateLimit(db, emailRequests, `${opened.brand.id}:${email}`));
      if (!allowed) return opened.send(opened.page.t('signIn.tooMany'), <Message site={opened} text={opened.page.t('signIn.tooMany')} />, 429);
      await inBrand(db, opened.brand.id, async (scope) => {
        const owner = await scope.db.selectFrom('owners').select(['id', 'email', 'language']).where('email', '=', email).executeTakeFirst();
        if (owner) await queueSignInEmail(scope, opened.brand, config.publicUrl, owner);
      });
      // The same answer whether or not the email is an owner's: the page must not tell who owns what.
      return opened.send(opened.page.t('signIn.sentTitle'), <EnterCode site={opened} email={email} wrong={false} />);
    });

    site.post('/o/:slug/sign-in/code', { schema: { ...schema, params: slugParams, body: z.object({ email: z.string().max(254).default(''), code: z.string().max(20).default('') }) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const email = request.body.email.trim().toLowerCase();
      if (!(await withinRateLimit(db, ipRequests, request.ip))) return opened.send(opened.page.t('signIn.tooMany'), <Message site={opened} text={opened.page.t('signIn.tooMany')} />, 429);
      const redeemed = await inBrand(db, opened.brand.id, async (scope) => {
        const result = await redeemSignInCode(scope, email, request.body.code.replace(/\s+/g, ''));
        if (result.ok) await startOwnerSession(scope, opened.brand, result.ownerId, reply, secure);
        return result;
      });
      if (redeemed.ok) return reply.redirect(sitePath(opened.brand, '/products'), 303);
      if (redeemed.reason === 'locked') return opened.send(opened.page.t('signIn.tooMany'), <Message site={opened} text={opened.page.t('signIn.tooMany')} />, 429);
      return opened.send(opened.page.t('signIn.sentTitle'), <EnterCode site={opened} email={email} wrong />, 422);
    });

    // Following the link shows a button rather than signing in at once: mail scanners open links too,
    // and must not spend the owner's single-use link.
    site.get('/o/:slug/sign-in/:token', { schema: { ...schema, params: tokenParams, querystring: z.object({ next: z.string().optional(), lang: z.string().optional() }) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const usable = await inBrand(db, opened.brand.id, (scope) => isSignInLinkUsable(scope, request.params.token));
      if (!usable) return opened.send(opened.page.t('signIn.linkInvalid'), <AskForEmail site={opened} notice={opened.page.t('signIn.linkInvalid')} />, 410);
      return opened.send(opened.page.t('signIn.confirmTitle'), (
        <form method="post" className="card">
          <h1>{opened.page.t('signIn.confirmTitle')}</h1>
          <input type="hidden" name="next" value={safeNext(request.query.next)} />
          <button type="submit">{opened.page.t('signIn.confirm')}</button>
        </form>
      ));
    });

    site.post('/o/:slug/sign-in/:token', { schema: { ...schema, params: tokenParams, body: z.object({ next: z.string().optional() }).default({}) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      const ownerId = await inBrand(db, opened.brand.id, async (scope) => {
        const id = await redeemSignInLink(scope, request.params.token);
        if (id) await startOwnerSession(scope, opened.brand, id, reply, secure);
        return id;
      });
      if (!ownerId) return opened.send(opened.page.t('signIn.linkInvalid'), <AskForEmail site={opened} notice={opened.page.t('signIn.linkInvalid')} />, 410);
      return reply.redirect(sitePath(opened.brand, safeNext(request.body.next)), 303);
    });

    site.post('/o/:slug/sign-out', { schema: { ...schema, params: slugParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      await endOwnerSession(db, opened.brand, request, reply);
      return reply.redirect(sitePath(opened.brand, '/register'), 303);
    });
  });
};

/** Only a path within the brand's own site: a sign-in link must not redirect anywhere else. */
// Only pages of the owner's own site: a product, or a claim a status email links to.
function safeNext(next: string | undefined): string {
  return next && /^\/(products(\/[0-9a-f-]{36})?|claims\/C-[0-9]+)$/.test(next) ? next : '/products';
}

function AskForEmail({ site, notice }: { site: Site; notice?: string }) {
  const { t } = site.page;
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {notice ? <p role="alert" className="summary">{notice}</p> : null}
      <form method="post" action={sitePath(site.brand, '/sign-in')} className="card">
        <p>{t('signIn.intro')}</p>
        <label htmlFor="email">{t('register.email')}</label>
        <input id="email" name="email" type="email" autoComplete="email" inputMode="email" required />
        <button type="submit">{t('signIn.send')}</button>
      </form>
    </>
  );
}

function EnterCode({ site, email, wrong }: { site: Site; email: string; wrong: boolean }) {
  const { t } = site.page;
  return (
    <>
      <h1>{t('signIn.sentTitle')}</h1>
      <p role="status">{t('signIn.sent', { email, brand: site.brand.name })}</p>
      <form method="post" action={sitePath(site.brand, '/sign-in/code')} className="card">
        <input type="hidden" name="email" value={email} />
        <label htmlFor="code">{t('signIn.code')}</label>
        {wrong ? <span className="error" id="code-error" role="alert">{t('signIn.codeWrong')}</span> : null}
        <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" required aria-invalid={wrong || undefined} aria-describedby={wrong ? 'code-error' : undefined} />
        <button type="submit">{t('signIn.useCode')}</button>
      </form>
    </>
  );
}

function Message({ site, text }: { site: Site; text: string }) {
  return <div className="card" role="alert"><h1>{text}</h1><a href={sitePath(site.brand, '/sign-in')}>{site.page.t('site.signIn')}</a></div>;
}
