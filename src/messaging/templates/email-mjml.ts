import mjml2html from 'mjml';
import { readableOnWhite, readableTextOn } from '../../owner-site/contrast.ts';
import { escapeHtml } from './message-body.ts';

export interface EmailLook {
  readonly brandName: string;
  /** '#rrggbb' */
  readonly primaryColor: string;
  readonly language: string;
}

/** What goes into the layout's slots, already HTML (escaped by the caller where it is text). */
export interface EmailSlots {
  readonly title: string;
  readonly preview: string;
  readonly bodyHtml: string;
  readonly button: { readonly label: string; readonly url: string } | null;
  readonly footerHtml: string;
}

/** The colour links are written in on the white card: the brand's, darkened until it reads. */
export function linkColorOf(look: EmailLook): string {
  return readableOnWhite(look.primaryColor);
}

function layoutMjml(look: EmailLook, withButton: boolean): string {
  const primary = escapeHtml(look.primaryColor);
  const onPrimary = escapeHtml(readableTextOn(look.primaryColor));
  return `<mjml lang="${escapeHtml(look.language)}">
  <mj-head>
    <mj-title>__OX_TITLE__</mj-title>
    <mj-preview>__OX_PREVIEW__</mj-preview>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1a1a1a" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f6f7f9" width="600px">
    <mj-section background-color="${primary}" border-radius="8px 8px 0 0" padding="0">
      <mj-column><mj-text color="${onPrimary}" font-size="20px" font-weight="bold" padding="16px 24px">${escapeHtml(look.brandName)}</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 0 16px">
      <mj-column>
        <mj-text padding="16px 24px 0">__OX_BODY__</mj-text>
        ${withButton ? `<mj-button href="__OX_BUTTON_URL__" background-color="${primary}" color="${onPrimary}" font-weight="bold" border-radius="6px" align="left" padding="8px 24px">__OX_BUTTON_LABEL__</mj-button>` : ''}
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0">
      <mj-column><mj-text font-size="12px" line-height="1.5" color="#555555" padding="0 24px">__OX_FOOTER__</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

// MJML takes milliseconds per document; a journey sends the same layout to many owners. The layout
// is compiled once per brand look (with slots left as markers) and each message fills the slots.
const compiled = new Map<string, Promise<string>>();
const compiledKept = 200;

function compiledLayout(look: EmailLook, withButton: boolean): Promise<string> {
  const key = JSON.stringify([look.brandName, look.primaryColor, look.language, withButton]);
  let layout = compiled.get(key);
  if (!layout) {
    layout = mjml2html(layoutMjml(look, withButton), { validationLevel: 'strict', fonts: {}, keepComments: false, ignoreIncludes: true }).then((result) => {
      if (result.errors.length > 0) throw new Error(`The email layout is not valid MJML: ${result.errors.map((error) => error.formattedMessage).join('; ')}`);
      return result.html;
    });
    layout.catch(() => compiled.delete(key));
    if (compiled.size >= compiledKept) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, layout);
  }
  return layout;
}

/** A responsive HTML email in the brand's colours: header, body, an optional button and a footer. */
export async function renderEmailLayout(look: EmailLook, slots: EmailSlots): Promise<string> {
  const layout = await compiledLayout(look, slots.button !== null);
  const values: Record<string, string> = {
    TITLE: escapeHtml(slots.title),
    PREVIEW: escapeHtml(slots.preview),
    BODY: slots.bodyHtml,
    BUTTON_URL: escapeHtml(slots.button?.url ?? ''),
    BUTTON_LABEL: escapeHtml(slots.button?.label ?? ''),
    FOOTER: slots.footerHtml,
  };
  // One pass, so a marker inside filled-in text is never filled again.
  return layout.replace(/__OX_([A-Z_]+?)__/g, (marker, name: string) => values[name] ?? marker);
}
