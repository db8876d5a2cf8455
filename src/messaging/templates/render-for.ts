import type { BrandScope } from '../../platform/database/tenancy.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { trackLinks } from '../clicks/tracked-links.ts';
import type { MessageChannel } from '../tables.ts';
import { TemplateError, variablesUsed } from './liquid.ts';
import { type RenderContext, type RenderedParts, type TemplateClass, type TemplateContent, UnsendableContent, composeMessage, renderParts, trackableLinks } from './render-template.ts';
import { type TemplateFacts, chooseLanguage, factNeedsOf, loadTemplateFacts, variablesOf } from './template-context.ts';
import { productRoots } from './template-variables.ts';
import { type StoredTemplate, findTemplate } from './templates.ts';

export interface RenderTemplateInput {
  readonly templateKey: string;
  readonly channel: MessageChannel;
  readonly ownerId: string;
  readonly ownershipId: string | null;
  /** `offer` ({ title, description, code, url, price, endsOn }) and anything templates read as `extra.…`. */
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
  /** utm_campaign of the links (a journey's slug); the template key when absent. */
  readonly trackingCampaign?: string | undefined;
  /**
   * The dedupe key the message will be queued with. Its links are stored under it, so a click names
   * the message (and rendering it again gives the same links). Absent: the links are the campaign's.
   */
  readonly dedupeKey?: string | undefined;
  /** OpenOX's public address (config.publicUrl): links in messages are absolute. */
  readonly publicUrl: string;
}

export interface RenderedForOwner {
  readonly subject: string;
  readonly text: string;
  /** Null for an SMS. */
  readonly html: string | null;
  /** The owner's address on the channel; null when they have none (no phone for an SMS). */
  readonly recipient: string | null;
  readonly class: TemplateClass;
  /** The content language used. */
  readonly language: string;
}

interface PreparedRender {
  readonly template: StoredTemplate;
  readonly facts: TemplateFacts;
  readonly context: RenderContext;
  readonly parts: RenderedParts;
  readonly recipient: string | null;
}

const unrenderable = (message: string, details?: unknown) => new ApiError('template_not_renderable', message, details);

/** Refuses content that needs what this message lacks: a product, or an offer. */
function assertInputsFor(key: string, content: TemplateContent, facts: TemplateFacts): void {
  for (const field of ['subject', 'body', 'buttonLabel', 'buttonUrl'] as const) {
    const source = content[field];
    if (!source) continue;
    for (const variable of variablesUsed(source)) {
      const root = variable.segments[0];
      if (facts.ownership === null && (productRoots as readonly unknown[]).includes(root)) {
        throw unrenderable(`The template "${key}" writes about a product (${variable.text}, ${field} line ${variable.line}); say which of the owner's products the message is about (ownershipId).`);
      }
      if (root === 'offer' && (typeof facts.extra.offer !== 'object' || facts.extra.offer === null)) {
        throw unrenderable(`The template "${key}" shows an offer (${variable.text}, ${field} line ${variable.line}); give one as extra.offer.`);
      }
    }
  }
}

async function prepare(scope: BrandScope, input: RenderTemplateInput, options: { language?: string | undefined; content?: TemplateContent | undefined }): Promise<PreparedRender> {
  const template = await findTemplate(scope, input.templateKey);
  if (!template) throw new ApiError('not_found', `There is no template with the key "${input.templateKey}" in your brand.`);
  if (template.row.channel !== input.channel) {
    throw unrenderable(`The template "${input.templateKey}" is written for ${template.row.channel}; it cannot be sent as ${input.channel === 'sms' ? 'an SMS' : 'an email'}.`);
  }
  const sources = [...template.contents.values(), ...(options.content ? [options.content] : [])].flatMap((content) => [content.subject, content.body, content.buttonLabel ?? '', content.buttonUrl ?? '']);
  const needs = factNeedsOf(sources, input.channel);
  const facts = await loadTemplateFacts(scope, { ownerId: input.ownerId, ownershipId: input.ownershipId, channel: input.channel, extra: input.extra, publicUrl: input.publicUrl }, needs);
  // A draft is written in the language the caller names, saved or not.
  const language = options.content && options.language ? options.language : chooseLanguage(options.language ?? facts.owner.language, [...template.contents.keys()], template.row.default_language);
  const content = options.content ?? template.contents.get(language);
  if (!content) throw unrenderable(`The template "${input.templateKey}" has no content in ${language}, its default language; write it in the console.`);
  assertInputsFor(input.templateKey, content, facts);

  const context: RenderContext = {
    channel: template.row.channel,
    class: template.row.class,
    language,
    brand: { name: facts.brand.name, primaryColor: facts.brand.primaryColor },
    variables: variablesOf(facts, language),
    preferencesUrl: facts.preferencesUrl,
  };
  let parts: RenderedParts;
  try {
    parts = await renderParts(content, context);
  } catch (error) {
    if (error instanceof TemplateError) throw unrenderable(`The template "${input.templateKey}" (${language}) failed to render: ${error.problem.line === null ? '' : `line ${error.problem.line}: `}${error.problem.message}`);
    if (error instanceof UnsendableContent) throw unrenderable(`The template "${input.templateKey}" (${language}): ${error.message}`);
    throw error;
  }
  const address = input.channel === 'email' ? facts.owner.email : facts.owner.phone;
  return { template, facts, context, parts, recipient: address && address.trim() !== '' ? address : null };
}

/**
 * Renders a template for one owner (and, when given, one of their products), ready for queueMessage:
 * the content in the owner's language (else the template's default), personalised, with every link
 * but the preference centre swapped for a tracked one (stored in the caller's transaction). Sends
 * nothing. Throws ApiError: not_found (template, owner or ownership), template_not_renderable.
 */
export async function renderTemplateFor(scope: BrandScope, input: RenderTemplateInput): Promise<RenderedForOwner> {
  const prepared = await prepare(scope, input, {});
  const tracked = await trackLinks(
    scope,
    {
      channel: input.channel,
      campaign: input.trackingCampaign ?? input.templateKey,
      templateKey: input.templateKey,
      ownerId: input.ownerId,
      dedupeKey: input.dedupeKey ?? null,
      publicUrl: prepared.facts.publicUrl,
    },
    trackableLinks(prepared.parts, prepared.context),
  );
  const message = await composeMessage(prepared.parts, prepared.context, (url) => tracked.get(url) ?? url);
  return { ...message, recipient: prepared.recipient, class: prepared.template.row.class, language: prepared.context.language };
}

/** The same render with the links left as they are and nothing stored: what the console's preview shows. */
export async function previewTemplateFor(
  scope: BrandScope,
  input: RenderTemplateInput,
  options: { language?: string | undefined; content?: TemplateContent | undefined } = {},
): Promise<RenderedForOwner> {
  const prepared = await prepare(scope, input, options);
  const message = await composeMessage(prepared.parts, prepared.context);
  return { ...message, recipient: prepared.recipient, class: prepared.template.row.class, language: prepared.context.language };
}
