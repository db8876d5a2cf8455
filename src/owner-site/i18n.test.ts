import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languages, negotiateLanguage, translatorFor } from './i18n.ts';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];
const messages = (language: string) => JSON.parse(readFileSync(new URL(`./locales/${language}.json`, import.meta.url), 'utf8'));

describe('owner-site languages', () => {
  it('ships English and Spanish, English first', () => {
    expect(languages).toEqual(['en', 'es']);
  });

  it.each(['es'])('%s has every message English has, and no others', (language) => {
    expect(keysOf(messages(language)).sort()).toEqual(keysOf(messages('en')).sort());
  });

  it.each([
    ['a choice on the page wins', 'es', 'en', 'en-US', 'es'],
    ['then the remembered choice', undefined, 'es', 'en-US', 'es'],
    ['then the browser preference', undefined, undefined, 'fr-FR, es;q=0.8, en;q=0.5', 'es'],
    ['a regional variant counts as its language', undefined, undefined, 'es-MX', 'es'],
    ['else English', undefined, undefined, 'de-DE', 'en'],
    ['unknown choices are ignored', 'xx', undefined, 'es', 'es'],
  ])('%s', (_, chosen, remembered, accept, expected) => {
    expect(negotiateLanguage(chosen, remembered, accept)).toBe(expected);
  });

  it('translates with values', () => {
    expect(translatorFor('es')('register.title', { product: 'AquaPure 500' })).toContain('AquaPure 500');
  });
});
