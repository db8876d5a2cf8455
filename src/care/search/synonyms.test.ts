import { describe, expect, it } from 'vitest';
import { synonymTableFor } from './synonyms.ts';
import { analyzerFor } from './text-analysis.ts';

const english = analyzerFor('en');
const alternatives = (query: string, analyzer = english) => synonymTableFor(analyzer).alternativesFor(analyzer.terms(query));

describe('appliance synonyms', () => {
  it('expands a phrase said in any word form to the rest of its group', () => {
    expect(alternatives('My dishwasher will not start')).toContain("doesn't turn on");
    expect(alternatives('it is dripping')).toEqual(expect.arrayContaining(['leak', 'puddle']));
    expect(alternatives('it is dripping')).not.toContain('drip');
  });

  it('needs the whole phrase, in order', () => {
    expect(alternatives('start')).toEqual([]);
    expect(alternatives('start wont')).toEqual([]);
  });

  it('has its own list per language, and none for a language it does not know', () => {
    expect(alternatives('el filtro', analyzerFor('es'))).toEqual(['cartucho']);
    expect(alternatives('filter', analyzerFor('de'))).toEqual([]);
  });
});
