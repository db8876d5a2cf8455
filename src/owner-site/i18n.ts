import { readdirSync, readFileSync } from 'node:fs';
import { createInstance, type TFunction } from 'i18next';
import Negotiator from 'negotiator';

// Adding a language is adding a message file here: locales/<language>.json.
const localesDir = new URL('./locales/', import.meta.url);
const resources = Object.fromEntries(
  readdirSync(localesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name.slice(0, -5), { translation: JSON.parse(readFileSync(new URL(name, localesDir), 'utf8')) }]),
);

/** The languages owner pages and messages are offered in, English first. */
export const languages: readonly string[] = ['en', ...Object.keys(resources).filter((language) => language !== 'en').sort()];

const i18n = createInstance();
await i18n.init({ resources, fallbackLng: 'en', supportedLngs: [...languages], interpolation: { escapeValue: false }, initAsync: false });

export type Translate = TFunction;

/** The message function for one language (unknown languages get English). */
export function translatorFor(language: string): Translate {
  return i18n.getFixedT(languages.includes(language) ? language : 'en');
}

/** Each language's own name for itself, for the language switch. */
export function languageName(language: string): string {
  return translatorFor(language)('language.name');
}

/**
 * The page's language: one chosen on the page (`?lang=`), else the one chosen before (a cookie), else
 * the browser's preference among those OpenOX has, else English.
 */
export function negotiateLanguage(chosen: string | undefined, remembered: string | undefined, acceptLanguage: string | undefined): string {
  for (const candidate of [chosen, remembered]) if (candidate && languages.includes(candidate)) return candidate;
  const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).language([...languages]);
  return preferred ?? 'en';
}
