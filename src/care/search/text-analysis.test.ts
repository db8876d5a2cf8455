import { describe, expect, it } from 'vitest';
import { analyzerFor, primaryLanguage } from './text-analysis.ts';

describe('text analysis', () => {
  it('stems English, drops stop words and keeps negations whole', () => {
    expect(analyzerFor('en').terms("The filters aren't draining")).toEqual(['filter', 'arent', 'drain']);
  });

  it('stems Spanish after dropping accents, so typing without them finds the same term', () => {
    const spanish = analyzerFor('es-MX');
    expect(spanish.terms('Instalación de los filtros')).toEqual(spanish.terms('instalacion filtro'));
  });

  it('matches word for word in a language without a stemmer', () => {
    expect(analyzerFor('de').terms('Filter wechseln')).toEqual(['filter', 'wechseln']);
  });

  it('reads the primary language of a regional code', () => {
    expect(primaryLanguage('es-MX')).toBe('es');
    expect(primaryLanguage('en')).toBe('en');
  });
});
