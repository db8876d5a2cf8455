import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { BrandSite } from './brand-site.ts';
import { sitePath } from './brand-site.ts';
import { readableOnWhite, readableTextOn } from './contrast.ts';
import { type Translate, languageName, languages } from './i18n.ts';

/** Everything a page needs besides its content: whose site, in which language, for which URL. */
export interface PageContext {
  readonly brand: BrandSite;
  readonly language: string;
  readonly t: Translate;
  /** The request's path and query, for the language switch to keep the owner where they are. */
  readonly url: string;
  readonly signedIn: boolean;
}

// One small stylesheet inline: a cheap phone on a slow network renders the page from its first response.
const styles = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}
a{color:var(--link)}header{background:var(--brand);color:var(--on-brand);padding:.75rem 1rem;display:flex;align-items:center;gap:1rem;flex-wrap:wrap}
header a{color:var(--on-brand)}header img{max-height:40px;max-width:160px}header .name{font-weight:700;font-size:1.15rem;text-decoration:none}
header nav{margin-left:auto;display:flex;gap:1rem;align-items:center}
main{max-width:36rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.card{background:#fff;border-radius:10px;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px #0002}
label{display:block;font-weight:600;margin:.9rem 0 .25rem}.hint{display:block;color:#4a4f57;font-size:.9rem;margin:.1rem 0 .3rem}
input,select,textarea{width:100%;font:inherit;padding:.65rem;border:1px solid #6b717a;border-radius:8px;background:#fff;min-height:44px}
input:focus,select:focus,button:focus,a:focus{outline:3px solid var(--link);outline-offset:2px}
input[aria-invalid=true],select[aria-invalid=true]{border:2px solid #b3261e}
.check{display:flex;gap:.6rem;align-items:flex-start;font-weight:400;margin:.8rem 0}.check input{width:1.4rem;min-height:1.4rem;margin:.15rem 0 0;flex:none}
.error{color:#b3261e;font-weight:600;display:block;margin:.25rem 0}
.summary{border:2px solid #b3261e;background:#fff;border-radius:10px;padding:.75rem 1rem;margin-bottom:1rem}
button,.button{display:inline-block;width:100%;font:inherit;font-weight:700;padding:.8rem;border:0;border-radius:8px;background:var(--brand);color:var(--on-brand);cursor:pointer;text-align:center;text-decoration:none;min-height:48px;margin-top:1rem}
.button.secondary,button.secondary{background:#fff;color:var(--link);border:2px solid var(--link)}
.legal{font-size:.9rem;color:#3d424a}.product{display:flex;gap:1rem;align-items:center}.product img{width:88px;height:88px;object-fit:contain;background:#fff;border-radius:8px}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:99px;font-size:.85rem;font-weight:600;background:#e7f5ec;color:#1b5e20}.badge.off{background:#f1f3f5;color:#3d424a}
ul.plain{list-style:none;padding:0;margin:0}ul.plain li{padding:.4rem 0;border-bottom:1px solid #e3e5e8}ul.plain li:last-child{border:0}
footer{max-width:36rem;margin:0 auto;padding:1rem;font-size:.85rem;color:#4a4f57}footer a{margin-right:.75rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}.inline{display:inline}.inline button{width:auto;padding:.3rem .8rem;min-height:0;margin:0;background:none;color:var(--on-brand);text-decoration:underline;font-weight:400}
`.replace(/\n/g, '');

function Layout({ page, title, children }: { page: PageContext; title: string; children: ReactNode }) {
  const { brand, t } = page;
  const colours = `:root{--brand:${brand.primaryColor};--on-brand:${readableTextOn(brand.primaryColor)};--link:${readableOnWhite(brand.primaryColor)}}`;
  return (
    <html lang={page.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content={brand.primaryColor} />
        {/* No favicon request: one round trip fewer on a slow network, and no 404 in the console. */}
        <link rel="icon" href="data:," />
        <title>{`${title} · ${brand.name}`}</title>
        <meta name="description" content={`${brand.name}: ${title}`} />
        <style dangerouslySetInnerHTML={{ __html: colours + styles }} />
      </head>
      <body>
        <a href="#main" className="skip">{t('site.skip')}</a>
        <header>
          <a className="name" href={sitePath(brand, '/register')}>
            {brand.logoUrl ? <img src={brand.logoUrl} alt={brand.name} width={160} height={40} /> : brand.name}
          </a>
          <nav aria-label={brand.name}>
            <a href={sitePath(brand, '/products')}>{t('site.myProducts')}</a>
            {page.signedIn ? (
              <form method="post" action={sitePath(brand, '/sign-out')} className="inline">
                <button type="submit">{t('site.signOut')}</button>
              </form>
            ) : null}
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer>
          <nav aria-label={t('language.switch')}>
            {languages.map((language) =>
              language === page.language ? null : (
                <a key={language} href={withLanguage(page.url, language)} hrefLang={language} lang={language}>
                  {languageName(language)}
                </a>
              ),
            )}
          </nav>
          <p>{t('site.poweredBy')}</p>
        </footer>
      </body>
    </html>
  );
}

/** The full HTML document of an owner page. */
export function renderPage(page: PageContext, title: string, content: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(<Layout page={page} title={title}>{content}</Layout>)}`;
}

function withLanguage(url: string, language: string): string {
  const parsed = new URL(url, 'http://owner.page');
  parsed.searchParams.set('lang', language);
  return `${parsed.pathname}${parsed.search}`;
}
