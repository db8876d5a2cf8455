import { translatorFor } from '../../owner-site/i18n.ts';
import type { MessageChannel } from '../tables.ts';
import { type EmailLook, linkColorOf, renderEmailLayout } from './email-mjml.ts';
import { renderLiquid } from './liquid.ts';
import { bodyHtml, bodyLinks, bodyText, escapeHtml, previewLine } from './message-body.ts';

export type TemplateClass = 'safety' | 'service' | 'marketing';

/** One language's content of a template, as the brand wrote it (Liquid in every field). */
export interface TemplateContent {
  readonly subject: string;
  readonly body: string;
  readonly buttonLabel: string | null;
  readonly buttonUrl: string | null;
}

/** Everything a render needs besides the content: the variables, and how the message looks and is sent. */
export interface RenderContext {
  readonly channel: MessageChannel;
  readonly class: TemplateClass;
  readonly language: string;
  readonly brand: { readonly name: string; readonly primaryColor: string };
  /** Owner, brand, product, ownership, coverage, links, offer, extra (see template-variables.ts). */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Where the footer sends the owner to choose what they get; never tracked. */
  readonly preferencesUrl: string;
}

/** The content with its Liquid evaluated: still plain text, links not yet tracked. */
export interface RenderedParts {
  readonly subject: string;
  readonly body: string;
  readonly button: { readonly label: string; readonly url: string } | null;
}

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  /** Null for an SMS. */
  readonly html: string | null;
}

/** Thrown when rendered content is not sendable (a button whose address is not a web address). */
export class UnsendableContent extends Error {
  readonly field: 'buttonUrl';
  constructor(field: 'buttonUrl', message: string) {
    super(message);
    this.name = 'UnsendableContent';
    this.field = field;
  }
}

export function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(url);
}

/** Evaluates the content's Liquid over the context's variables. Throws TemplateError or UnsendableContent. */
export async function renderParts(content: TemplateContent, context: RenderContext): Promise<RenderedParts> {
  const variables = context.variables as Record<string, unknown>;
  const [subject, body, label, url] = await Promise.all([
    context.channel === 'email' ? renderLiquid(content.subject, variables) : '',
    renderLiquid(content.body, variables),
    content.buttonLabel === null ? null : renderLiquid(content.buttonLabel, variables),
    content.buttonUrl === null ? null : renderLiquid(content.buttonUrl, variables),
  ]);
  let button: RenderedParts['button'] = null;
  if (context.channel === 'email' && label !== null && url !== null) {
    const address = url.trim();
    if (!isWebAddress(address)) throw new UnsendableContent('buttonUrl', `The button's address must be a web address (http:// or https://); it came out as "${address.slice(0, 200)}".`);
    button = { label: label.replace(/\s+/g, ' ').trim(), url: address };
  }
  return { subject: subject.replace(/\s+/g, ' ').trim().slice(0, 250), body: body.replace(/\r\n?/g, '\n').trim(), button };
}

/** The web addresses a click tracker should stand in for: every link but the preference centre. */
export function trackableLinks(parts: RenderedParts, context: Pick<RenderContext, 'preferencesUrl'>): string[] {
  const links = [...bodyLinks(parts.body), ...(parts.button ? [parts.button.url] : [])];
  return [...new Set(links)].filter((url) => url !== context.preferencesUrl && isWebAddress(url));
}

/**
 * The message as sent: subject, plain text and (for email) responsive HTML, with every link passed
 * through `address` (the click tracker's stand-in, or the link itself). Marketing texts end with how
 * to stop them; every email's footer says why it came and links to the preference centre.
 */
export async function composeMessage(parts: RenderedParts, context: RenderContext, address: (url: string) => string = (url) => url): Promise<RenderedMessage> {
  const t = translatorFor(context.language);
  const brand = context.brand.name;
  if (context.channel === 'sms') {
    const stop = context.class === 'marketing' ? `\n${t('messages.smsStop')}` : '';
    return { subject: '', text: `${bodyText(parts.body, address)}${stop}`, html: null };
  }

  const why = t('email.footer', { brand });
  const preferences = t('messages.preferences', { brand });
  const button = parts.button ? { label: parts.button.label, url: address(parts.button.url) } : null;
  const text = [
    bodyText(parts.body, address),
    ...(button ? ['', `${button.label}: ${button.url}`] : []),
    '',
    '--',
    why,
    `${preferences}: ${context.preferencesUrl}`,
  ].join('\n');

  const look: EmailLook = { brandName: brand, primaryColor: context.brand.primaryColor, language: context.language };
  const linkColor = linkColorOf(look);
  const html = await renderEmailLayout(look, {
    title: parts.subject,
    preview: previewLine(parts.body),
    bodyHtml: bodyHtml(parts.body, address, linkColor),
    button,
    footerHtml: `${escapeHtml(why)}<br /><a href="${escapeHtml(context.preferencesUrl)}" style="color:#555555">${escapeHtml(preferences)}</a>`,
  });
  return { subject: parts.subject, text, html };
}

/**
 * Renders one content for one context, with links as they are (a preview, a test): no I/O. Sending
 * goes through renderTemplateFor, which also swaps links for tracked ones.
 */
export async function renderTemplate(content: TemplateContent, context: RenderContext): Promise<RenderedMessage> {
  return composeMessage(await renderParts(content, context), context);
}
