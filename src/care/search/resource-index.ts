import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import type { ResourceKind } from '../../catalog/model-schema.ts';
import { type SynonymTable, synonymTableFor } from './synonyms.ts';
import { type Analyzer, analyzerFor, primaryLanguage } from './text-analysis.ts';

export interface SearchableResource {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly title: string;
  /** An FAQ's answer or a troubleshooting article's text; empty for a manual that is only a file. */
  readonly body: string;
  readonly language: string;
}

export interface ResourceHit {
  readonly id: string;
  readonly score: number;
  /** The sentence of the body that best shows why it matched ('' when only the title did). */
  readonly excerpt: string;
}

/** A model's resources indexed for full-text search, one index per language. */
export interface ResourceIndex {
  /** Languages (primary subtags) that have resources. */
  readonly languages: readonly string[];
  readonly search: (query: string, language: string, limit?: number) => ResourceHit[];
}

interface LanguageIndex {
  readonly analyzer: Analyzer;
  readonly synonyms: SynonymTable;
  readonly search: MiniSearch<SearchableResource>;
  readonly bodies: ReadonlyMap<string, string>;
}

// Typos: one edit in words of 4+ letters, two in words of 10+ ("dishwaser", "leek"). Prefixes: from
// 3 letters on, so "filt" finds "filter". Both weigh less than an exact match.
const typoTolerance: SearchOptions = {
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  prefix: (term) => term.length >= 3,
  boost: { title: 2, body: 1 },
  combineWith: 'OR',
};
// A synonym is a different word the owner did not type: matched as written, and worth half as much.
const asSynonym: SearchOptions = { fuzzy: false, prefix: false, boost: { title: 1, body: 0.5 }, combineWith: 'AND' };

function indexLanguage(language: string, resources: readonly SearchableResource[]): LanguageIndex {
  const analyzer = analyzerFor(language);
  const search = new MiniSearch<SearchableResource>({
    fields: ['title', 'body'],
    storeFields: [],
    tokenize: analyzer.tokenize,
    processTerm: analyzer.processTerm,
    searchOptions: typoTolerance,
  });
  search.addAll(resources);
  return { analyzer, synonyms: synonymTableFor(analyzer), search, bodies: new Map(resources.map((r) => [r.id, r.body])) };
}

/** The body sentence sharing most terms with what matched, trimmed to about 200 characters. */
function excerptOf(body: string, matchedTerms: ReadonlySet<string>, analyzer: Analyzer): string {
  const sentences = body.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  let best = '';
  let bestCount = 0;
  for (const sentence of sentences) {
    const count = new Set(analyzer.terms(sentence).filter((term) => matchedTerms.has(term))).size;
    if (count > bestCount) [best, bestCount] = [sentence, count];
  }
  return best.length > 200 ? `${best.slice(0, 197).trimEnd()}…` : best;
}

/**
 * Builds the search index of a model's resources: BM25 over title (counted double) and body, with
 * stemming, typo tolerance, prefix matching and the appliance synonym list of each language.
 */
export function buildResourceIndex(resources: readonly SearchableResource[]): ResourceIndex {
  const byLanguage = new Map<string, SearchableResource[]>();
  for (const resource of resources) {
    const language = primaryLanguage(resource.language);
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), resource]);
  }
  const indexes = new Map([...byLanguage].map(([language, list]) => [language, indexLanguage(language, list)]));

  return {
    languages: [...indexes.keys()].sort(),
    search(query, language, limit = 20) {
      const index = indexes.get(primaryLanguage(language));
      if (!index) return [];
      const terms = index.analyzer.terms(query);
      if (terms.length === 0) return [];
      const alternatives = index.synonyms.alternativesFor(terms);
      const expression: Query = alternatives.length === 0
        ? query
        : { combineWith: 'OR', queries: [{ ...typoTolerance, queries: [query] }, ...alternatives.map((phrase) => ({ ...asSynonym, queries: [phrase] }))] };
      return index.search.search(expression).slice(0, limit).map((result) => ({
        id: result.id as string,
        score: result.score,
        excerpt: excerptOf(index.bodies.get(result.id as string) ?? '', new Set(result.terms), index.analyzer),
      }));
    },
  };
}
