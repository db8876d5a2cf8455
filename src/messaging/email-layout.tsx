import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { readableTextOn } from '../owner-site/contrast.ts';

export interface EmailBrand {
  readonly name: string;
  readonly primaryColor: string;
}

/**
 * A brand-coloured, single-column HTML email that reads on a phone and in old clients (tables and
 * inline styles only). The plain-text part is written beside it by each template.
 */
export function renderEmailHtml(brand: EmailBrand, language: string, footer: string, content: ReactNode): string {
  const onBrand = readableTextOn(brand.primaryColor);
  return `<!doctype html>${renderToStaticMarkup(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body style={{ margin: 0, background: '#f6f7f9', fontFamily: 'Arial, Helvetica, sans-serif', color: '#1a1a1a' }}>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: '16px' }}>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: '560px', background: '#ffffff', borderRadius: '8px' }}>
                  <tbody>
                    <tr>
                      <td style={{ background: brand.primaryColor, color: onBrand, padding: '16px 24px', fontSize: '20px', fontWeight: 'bold', borderRadius: '8px 8px 0 0' }}>{brand.name}</td>
                    </tr>
                    <tr>
                      <td style={{ padding: '24px', fontSize: '16px', lineHeight: '1.5' }}>{content}</td>
                    </tr>
                    <tr>
                      <td style={{ padding: '0 24px 24px', fontSize: '12px', color: '#555' }}>{footer}</td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>,
  )}`;
}

/** A call-to-action link styled as a button, in the brand's colour. */
export function EmailButton({ href, color, children }: { href: string; color: string; children: ReactNode }) {
  return (
    <a href={href} style={{ display: 'inline-block', background: color, color: readableTextOn(color), padding: '12px 20px', borderRadius: '6px', textDecoration: 'none', fontWeight: 'bold' }}>
      {children}
    </a>
  );
}
