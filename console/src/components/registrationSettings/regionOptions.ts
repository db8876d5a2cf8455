// Country and language choices, named by the browser's own Intl data, with the same test the API applies.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const notCountries = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO']);
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function isCountry(code: string): boolean {
  // Withdrawn codes (UK, YU) canonicalise to their successors: offer only the current one.
  return !notCountries.has(code) && regionNames.of(code) !== undefined && new Intl.Locale(`und-${code}`).region === code;
}

/** Every ISO 3166-1 alpha-2 country, as Select options sorted by name. */
export const countryOptions = [...letters]
  .flatMap((first) => [...letters].map((second) => first + second))
  .filter(isCountry)
  .map((code) => ({ value: code, label: `${regionNames.of(code)} (${code})` }))
  .sort((a, b) => a.label.localeCompare(b.label));

// The languages owner pages are most often written in; the API accepts any two-letter code.
const commonLanguages = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'tr', 'el', 'ru', 'uk', 'ar', 'he', 'hi', 'ja', 'ko', 'zh', 'vi', 'th', 'id'];

export function languageOptions(extra: string[] = []) {
  return [...new Set([...commonLanguages, ...extra])]
    .filter((code) => /^[a-z]{2}$/.test(code))
    .map((code) => ({ value: code, label: `${languageNames.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
