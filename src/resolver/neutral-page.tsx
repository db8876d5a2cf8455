import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { negotiateLanguage, translatorFor, type Translate } from '../owner-site/i18n.ts';
import { type ErrorCode, errorBody } from '../platform/http/errors.ts';

/** What a resolver client wants back: a page for people, JSON for programs, or a linkset. */
export type Wanted = 'html' | 'json' | 'linkset';

export function wantedFormat(request: FastifyRequest): Wanted {
  const type = new Negotiator({ headers: { accept: request.headers.accept ?? '*/*' } }).mediaType(['text/html', 'application/linkset+json', 'application/json']);
  return type === 'application/linkset+json' ? 'linkset' : type === 'application/json' ? 'json' : 'html';
}

/** The owner's language for a resolver answer: `?lang=`, the language cookie (it is path-wide), or Accept-Language. */
export function resolverLanguage(request: FastifyRequest): string {
  const chosen = (request.query as { lang?: unknown } | undefined)?.lang;
  return negotiateLanguage(typeof chosen === 'string' ? chosen : undefined, request.cookies.openox_lang, request.headers['accept-language']);
}

const styles =
  'body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}' +
  'header{background:#1f2933;color:#fff;padding:.75rem 1rem;font-weight:700}main{max-width:36rem;margin:0 auto;padding:1rem}' +
  'h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}.card{background:#fff;border-radius:10px;padding:1rem;box-shadow:0 1px 2px #0002}' +
  'footer{max-width:36rem;margin:0 auto;padding:1rem;font-size:.85rem;color:#4a4f57}';

/**
 * A resolver answer for a person when no brand is known (a damaged code, a GTIN no brand has):
 * OpenOX's neutral dress, in the owner's language, saying what to do next.
 */
export function sendNeutralPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  error: { code: ErrorCode; message: string },
  content: (t: Translate, language: string) => { title: string; body: ReactNode },
): FastifyReply {
  reply.header('cache-control', 'no-store').header('vary', 'Accept, Accept-Language');
  if (wantedFormat(request) !== 'html') return reply.code(status).send(errorBody(error.code, error.message));
  const language = resolverLanguage(request);
  const t = translatorFor(language);
  const { title, body } = content(t, language);
  const html = renderToStaticMarkup(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        <header>OpenOX</header>
        <main id="main">
          <div className="card">
            <h1>{title}</h1>
            {body}
          </div>
        </main>
        <footer>{t('site.poweredBy')}</footer>
      </body>
    </html>,
  );
  return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html>${html}`);
}
