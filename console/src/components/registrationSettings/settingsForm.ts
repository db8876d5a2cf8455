// The registration settings form's values and their conversion to and from the API's settings document.
import type { UseFormReturnType } from '@mantine/form';
import { formErrorsFrom } from '../../formErrors';
import type { RegistrationSettings, RegistrationSettingsInput } from '../../types';

/** One override of shipped wording: `scope` is a country code (rights statements) or a channel (consent wordings). */
export interface OverrideRow {
  scope: string;
  language: string;
  text: string;
}

export interface SettingsFormValues {
  retailers: string[];
  countries: string[];
  supportEmail: string;
  supportPhone: string;
  supportUrl: string;
  accessoriesUrl: string;
  reviewUrl: string;
  rightsStatements: OverrideRow[];
  consentWordings: OverrideRow[];
}

export type SettingsForm = UseFormReturnType<SettingsFormValues>;
export type OverrideField = 'rightsStatements' | 'consentWordings';

const overrideKey = (row: OverrideRow) => `${row.scope}:${row.language}`;

function rowsFrom(record: Record<string, string>): OverrideRow[] {
  return Object.entries(record)
    .map(([key, text]) => {
      const [scope = '', language = ''] = key.split(':');
      return { scope, language, text };
    })
    .sort((a, b) => overrideKey(a).localeCompare(overrideKey(b)));
}

export function formValuesFrom(settings: RegistrationSettings): SettingsFormValues {
  return {
    retailers: [...settings.retailers],
    countries: [...settings.countries],
    supportEmail: settings.supportEmail ?? '',
    supportPhone: settings.supportPhone ?? '',
    supportUrl: settings.supportUrl ?? '',
    accessoriesUrl: settings.accessoriesUrl ?? '',
    reviewUrl: settings.reviewUrl ?? '',
    rightsStatements: rowsFrom(settings.rightsStatements),
    consentWordings: rowsFrom(settings.consentWordings),
  };
}

const orNull = (value: string) => value.trim() || null;

export function settingsBodyFrom(values: SettingsFormValues): RegistrationSettingsInput {
  return {
    retailers: values.retailers.map((name) => name.trim()),
    countries: values.countries,
    supportEmail: orNull(values.supportEmail),
    supportPhone: orNull(values.supportPhone),
    supportUrl: orNull(values.supportUrl),
    accessoriesUrl: orNull(values.accessoriesUrl),
    reviewUrl: orNull(values.reviewUrl),
    rightsStatements: Object.fromEntries(values.rightsStatements.map((row) => [overrideKey(row), row.text])),
    consentWordings: Object.fromEntries(values.consentWordings.map((row) => [overrideKey(row), row.text])),
  };
}

/** Problems the API would report anyway, caught before sending: a missing part of an override or the same one twice. */
export function validateOverrides(rows: OverrideRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (!row.scope) errors[`${index}.scope`] = 'Choose one.';
    if (!row.language) errors[`${index}.language`] = 'Choose a language.';
    if (!row.text.trim()) errors[`${index}.text`] = 'Write the text, or remove the row to use the shipped wording.';
    if (row.scope && row.language && seen.has(overrideKey(row))) errors[`${index}.language`] = 'Already overridden above.';
    seen.add(overrideKey(row));
  });
  return errors;
}

/**
 * The API's field errors on the form's paths: a list item's error goes on the whole tags field (which
 * shows one message), and an override's error, keyed by `<scope>:<language>`, on that row's text.
 */
export function settingsFormErrors(error: unknown, values: SettingsFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(formErrorsFrom(error))) {
    const [field = '', ...rest] = path.split('.');
    const item = rest.join('.');
    if ((field === 'retailers' || field === 'countries') && item !== '') {
      const value = values[field][Number(item)] ?? '';
      errors[field] ??= message.includes(value) ? message : `${value}: ${message}`;
    } else if ((field === 'rightsStatements' || field === 'consentWordings') && item !== '') {
      const index = values[field].findIndex((row) => overrideKey(row) === item);
      errors[index >= 0 ? `${field}.${index}.text` : field] ??= message;
    } else {
      errors[path] ??= message;
    }
  }
  return errors;
}
