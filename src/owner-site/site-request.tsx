import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import { type RecognisedOwner, recognisedOwner } from '../owners/owner-session.ts';
import type { Db } from '../platform/database/database.ts';
import { type BrandSite, brandSiteBySlug, sitePath } from './brand-site.ts';
import { negotiateLanguage, translatorFor } from './i18n.ts';
import { type PageContext, renderPage } from './page.tsx';

const languageCookie = 'openox_lang';

export interface Site {
  readonly brand: BrandSite;
  readonly page: PageContext;
  readonly owner: RecognisedOwner | null;
  /** Sends a full page in the site's language. */
  readonly send: (title: string, content: ReactNode, status?: number) => FastifyReply;
}

/**
 * The brand site a request to `/o/:slug/…` is for, in the owner's language, with the owner the
 * browser is signed in as. Null (after sending a friendly 404 page) when no brand has that slug.
 */
export async function openSite(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<Site | null> {
  const brand = await brandSiteBySlug(db, (request.params as { slug: string }).slug);
  if (!brand) {
    void reply.code(404).type('text/html; charset=utf-8').send(plainNotFound());
    return null;
  }
  return openBrandSite(db, brand, request, reply);
}

/**
 * A brand's site for a request whose address names the brand some other way than `/o/:slug` (an
 * unsubscribe link carries it in its token). `preferredLanguage` (the owner's) goes before the browser's.
 */
export async function openBrandSite(db: Db, brand: BrandSite, request: FastifyRequest, reply: FastifyReply, preferredLanguage?: string): Promise<Site> {
  const chosen = (request.query as { lang?: string } | undefined)?.lang;
  const language = negotiateLanguage(chosen, request.cookies[languageCookie] ?? preferredLanguage, request.headers['accept-language']);
  if (chosen === language) reply.setCookie(languageCookie, language, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
  const owner = await recognisedOwner(db, brand, request);
  const page: PageContext = { brand, language, t: translatorFor(language), url: request.url, signedIn: owner !== null };
  // Owner pages may vary by language and sign-in; shared caches must not serve one owner's page to another.
  reply.header('cache-control', 'private, no-store').header('vary', 'Accept-Language, Cookie');
  const send = (title: string, content: ReactNode, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(renderPage(page, title, content));
  return { brand, page, owner, send };
}

/** A 404 page for a link that names no brand: there is no brand to dress it in. */
export function plainNotFound(): string {
  return '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found</title>' +
    '<main style="font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem"><h1>We could not find that</h1>' +
    '<p>The link may be mistyped or out of date. Scan the code on the product again, or contact the brand.</p></main></html>';
}

export { sitePath };
