// Shapes of the templates API (/templates, /template-variables, /templates/:key/preview).

export const templateChannels = ['email', 'sms'] as const;
export type TemplateChannel = (typeof templateChannels)[number];
export const templateClasses = ['marketing', 'service', 'safety'] as const;
export type TemplateClass = (typeof templateClasses)[number];

export const classLabels: Record<TemplateClass, string> = {
  marketing: 'Marketing — needs opt-in, capped',
  service: 'Service — claim updates, reminders',
  safety: 'Safety — recalls, always sent',
};

export interface TemplateContent {
  language: string;
  subject: string;
  body: string;
  buttonLabel: string | null;
  buttonUrl: string | null;
  updatedAt: string;
}

export interface TemplateSummary {
  id: string;
  key: string;
  name: string;
  channel: TemplateChannel;
  class: TemplateClass;
  defaultLanguage: string;
  languages: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Template extends TemplateSummary {
  contents: TemplateContent[];
}

/** What the editor holds per language; empty strings stand for "no button". */
export interface ContentDraft {
  subject: string;
  body: string;
  buttonLabel: string;
  buttonUrl: string;
}

export function draftOf(content: TemplateContent): ContentDraft {
  return { subject: content.subject, body: content.body, buttonLabel: content.buttonLabel ?? '', buttonUrl: content.buttonUrl ?? '' };
}

/** The API's shape of a content: a button only when both of its fields are filled in. */
export function contentBody(draft: ContentDraft, channel: TemplateChannel) {
  const label = draft.buttonLabel.trim();
  const url = draft.buttonUrl.trim();
  return {
    subject: channel === 'email' ? draft.subject : '',
    body: draft.body,
    buttonLabel: channel === 'email' && (label || url) ? label : null,
    buttonUrl: channel === 'email' && (label || url) ? url : null,
  };
}

export interface TemplateVariable {
  path: string;
  description: string;
  example: string | number | boolean | null;
}

export interface TemplatePreview {
  subject: string;
  text: string;
  html: string | null;
  language: string;
  recipient: string | null;
  class: TemplateClass;
  ownershipId: string | null;
}

/** Languages offered when adding one; any other code can be typed. */
export const commonLanguages = [
  { value: 'en', label: 'English (en)' },
  { value: 'es', label: 'Spanish (es)' },
  { value: 'fr', label: 'French (fr)' },
  { value: 'de', label: 'German (de)' },
  { value: 'it', label: 'Italian (it)' },
  { value: 'pt-BR', label: 'Portuguese, Brazil (pt-BR)' },
  { value: 'nl', label: 'Dutch (nl)' },
];
