import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as spanishStem } from '@orama/stemmers/spanish';

/** How text of one language becomes search terms; the index and the query use the same one. */
export interface Analyzer {
  readonly language: string;
  /** Words as written, apostrophes inside words dropped ("won't" → "wont"). */
  readonly tokenize: (text: string) => string[];
  /** A word's search term (its stem, lower case, without accents), or null for a stop word. */
  readonly processTerm: (word: string) => string | null;
  /** Both steps: the terms of a text, in order. */
  readonly terms: (text: string) => string[];
}

// Words so common they say nothing about which article is meant. Negations stay: "won't start".
const stopWords: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set('a an and are as at be by for from has have how i if in is it its my of on or so that the this to was what when where which why will with you your'.split(' ')),
  es: new Set('a al como con de del el en es esta este la las lo los mi mis para por que se su sus un una y o cuando donde porque'.split(' ')),
};

const stemmers: Readonly<Record<string, (word: string) => string>> = { en: englishStem, es: spanishStem };

/** The primary subtag of a language code: 'es-MX' → 'es'. */
export function primaryLanguage(code: string): string {
  return code.split('-')[0]?.toLowerCase() ?? code;
}

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * The analyzer for a language. Accents are dropped before stemming so that "instalacion", typed on a
 * phone without accents, finds "instalación". A language without a stemmer is matched word for word.
 */
export function analyzerFor(language: string): Analyzer {
  const primary = primaryLanguage(language);
  const stem = stemmers[primary] ?? ((word: string) => word);
  const stops = stopWords[primary] ?? new Set<string>();
  const tokenize = (text: string) => text.replace(/(\p{L})['’](\p{L})/gu, '$1$2').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const processTerm = (word: string) => {
    const lower = withoutAccents(word.toLowerCase());
    if (stops.has(lower)) return null;
    return stem(lower);
  };
  const terms = (text: string) => tokenize(text).flatMap((word) => processTerm(word) ?? []);
  return { language: primary, tokenize, processTerm, terms };
}
