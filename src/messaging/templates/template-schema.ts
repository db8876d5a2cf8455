import { z } from 'zod';
import { contentLimits } from './template-check.ts';

export const templateChannels = ['email', 'sms'] as const;
export const templateClasses = ['marketing', 'service', 'safety'] as const;

export const templateKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'Use 1 to 63 lower-case letters, digits, - and _, starting with a letter or digit, like "welcome-email".');

export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language code such as en, es or pt-BR.');

export const templateContentInput = z.strictObject({
  subject: z.string().max(contentLimits.subject).default('').meta({ description: 'Email only (Liquid). Leave empty for an SMS.' }),
  body: z.string().min(1, 'Write the message.').max(contentLimits.emailBody).meta({
    description: 'Plain text with Liquid: paragraphs split by blank lines, web addresses and [words](https://…) links. The same text makes the email (HTML and plain text) or the SMS.',
  }),
  buttonLabel: z.string().max(contentLimits.buttonLabel).nullable().default(null).meta({ description: 'Email only: a call-to-action button (with buttonUrl).' }),
  buttonUrl: z.string().max(contentLimits.buttonUrl).nullable().default(null).meta({ description: 'An https:// address or a link variable such as {{ links.productPage }}.' }),
});
export type TemplateContentInput = z.output<typeof templateContentInput>;

export const createTemplateBody = z.strictObject({
  key: templateKey.meta({ description: 'What journeys name the template by; cannot change later.' }),
  name: z.string().trim().min(1, 'Name the template so marketers recognise it.').max(120),
  channel: z.enum(templateChannels),
  class: z.enum(templateClasses).meta({ description: 'marketing needs the owner’s opt-in and is capped; service (claim updates) and safety (recalls) are not.' }),
  defaultLanguage: languageCode.default('en').meta({ description: 'The content owners get when there is none in their language.' }),
  contents: z.record(languageCode, templateContentInput).meta({ description: 'One content per language, keyed by language code.' }),
});
export type CreateTemplateInput = z.output<typeof createTemplateBody>;

export const updateTemplateBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  class: z.enum(templateClasses).optional(),
  defaultLanguage: languageCode.optional(),
  contents: z
    .record(languageCode, templateContentInput.nullable())
    .optional()
    .meta({ description: 'Languages to add or replace; a language set to null is removed. Languages not named stay as they are.' }),
});
export type UpdateTemplateInput = z.output<typeof updateTemplateBody>;

export const templateContentView = z.object({
  language: z.string(),
  subject: z.string(),
  body: z.string(),
  buttonLabel: z.string().nullable(),
  buttonUrl: z.string().nullable(),
  updatedAt: z.string(),
}).meta({ id: 'TemplateContent' });

export const templateSummaryView = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  channel: z.enum(templateChannels),
  class: z.enum(templateClasses),
  defaultLanguage: z.string(),
  languages: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'TemplateSummary' });
export type TemplateSummary = z.output<typeof templateSummaryView>;

export const templateView = templateSummaryView.extend({
  contents: z.array(templateContentView).meta({ description: 'The default language first, then by language code.' }),
}).meta({ id: 'Template' });
export type TemplateView = z.output<typeof templateView>;

export const templateKeyParams = z.object({ key: templateKey });

export const previewTemplateBody = z.strictObject({
  ownerId: z.uuid(),
  ownershipId: z.uuid().nullable().optional().meta({ description: "Which of the owner's products the message is about. Absent: their most recently registered active product, if any; null: none." }),
  language: languageCode.optional().meta({ description: "Render this language's content instead of the owner's." }),
  extra: z.record(z.string(), z.unknown()).optional().meta({ description: 'Values a journey step would give: `offer` ({ title, description, code, url, price, endsOn }) and anything under `extra.`.' }),
  content: templateContentInput.optional().meta({ description: 'Preview this draft instead of the saved content (checked as a save would be).' }),
});

export const renderedPreviewView = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  language: z.string().meta({ description: 'The content language used (the owner’s, or the template’s default when it has none in theirs).' }),
  recipient: z.string().nullable().meta({ description: 'Who it would go to; null when the owner has no address for this channel.' }),
  class: z.enum(templateClasses),
  ownershipId: z.uuid().nullable(),
}).meta({ id: 'TemplatePreview' });

export const templateVariableView = z.object({
  path: z.string(),
  description: z.string(),
  example: z.union([z.string(), z.number(), z.boolean()]).nullable(),
}).meta({ id: 'TemplateVariable' });
