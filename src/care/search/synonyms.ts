import type { Analyzer } from './text-analysis.ts';

/**
 * Ways owners describe the same appliance trouble. A query that says one phrase of a group also
 * searches for the others, so "won't start" finds the article titled "Dishwasher does not turn on".
 */
const synonymGroups: Readonly<Record<string, readonly (readonly string[])[]>> = {
  en: [
    ["won't start", "doesn't turn on", 'does not turn on', 'will not start', 'no power', "won't turn on", 'not working', 'dead'],
    ['leak', 'drip', 'puddle', 'water on the floor', 'seep'],
    ['filter', 'cartridge'],
    ['noise', 'noisy', 'loud', 'rattle', 'grinding', 'humming', 'squeak'],
    ['smell', 'odour', 'odor', 'stink'],
    ['error code', 'fault code', 'blinking light', 'flashing light'],
    ["won't drain", "doesn't drain", 'standing water', 'clog', 'blocked'],
    ['descale', 'limescale', 'hard water', 'scale'],
    ['dirty', 'not clean', 'residue', 'spots', 'film', 'cloudy'],
    ['cold', 'not heating', "doesn't heat", "won't heat"],
    ['door', 'latch', 'lid'],
    ['manual', 'instructions', 'guide', 'handbook'],
    ['setup', 'set up', 'install', 'installation'],
  ],
  es: [
    ['no enciende', 'no arranca', 'no prende', 'no funciona', 'sin corriente'],
    ['fuga', 'gotea', 'goteo', 'charco', 'pierde agua'],
    ['filtro', 'cartucho'],
    ['ruido', 'ruidoso', 'zumbido', 'chirrido', 'vibra'],
    ['olor', 'mal olor', 'huele'],
    ['código de error', 'luz parpadea', 'parpadeo'],
    ['no desagua', 'atasco', 'atascado', 'agua estancada'],
    ['descalcificar', 'cal', 'sarro', 'agua dura'],
    ['sucio', 'manchas', 'residuos', 'opaco'],
    ['no calienta', 'frío'],
    ['puerta', 'tapa', 'cierre'],
    ['manual', 'instrucciones', 'guía'],
    ['instalar', 'instalación', 'montaje', 'configurar'],
  ],
};

export interface SynonymTable {
  /** The other phrases of every group one of whose phrases the query's terms contain, as written. */
  readonly alternativesFor: (queryTerms: readonly string[]) => string[];
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((term, offset) => haystack[start + offset] === term)) return true;
  }
  return false;
}

/** The synonym groups of the analyzer's language, with each phrase analyzed once. */
export function synonymTableFor(analyzer: Analyzer): SynonymTable {
  const groups = (synonymGroups[analyzer.language] ?? []).map((group) => group.map((phrase) => ({ phrase, terms: analyzer.terms(phrase) })));
  return {
    alternativesFor(queryTerms) {
      const alternatives = new Set<string>();
      for (const group of groups) {
        const said = group.filter((entry) => containsRun(queryTerms, entry.terms));
        if (said.length === 0) continue;
        for (const entry of group) if (!said.includes(entry)) alternatives.add(entry.phrase);
      }
      return [...alternatives];
    },
  };
}
