import { describe, expect, it } from 'vitest';
import { buildResourceIndex, type SearchableResource } from './resource-index.ts';

const article = (id: string, title: string, body: string, language = 'en', kind: SearchableResource['kind'] = 'troubleshooting'): SearchableResource => ({ id, kind, title, body, language });

const index = buildResourceIndex([
  article('leak', 'Water on the floor under the dishwasher', 'A leaking dishwasher usually has a worn door seal. Check the seal for cracks. Tighten the inlet hose.'),
  article('power', 'Dishwasher does not turn on', 'Check the circuit breaker. Make sure the door is latched. Hold Start for three seconds.'),
  article('filter', 'Cleaning the cartridge', 'Twist out the cartridge under the lower spray arm and rinse it under the tap every month.'),
  article('glasses', 'Why are my glasses cloudy?', 'Use rinse aid and top it up monthly.', 'en', 'faq'),
  article('manual', 'User manual', '', 'en', 'manual'),
  article('fuga', 'Fuga de agua del lavavajillas', 'Una junta de la puerta gastada deja salir el agua. Revise la junta.', 'es-MX'),
  article('instalacion', 'Instalación', 'Conecte la manguera de entrada.', 'es'),
]);
const ids = (query: string, language = 'en') => index.search(query, language).map((hit) => hit.id);

describe('searching a model’s resources', () => {
  it('finds the leak article despite two typos ("dishwaser leek")', () => {
    expect(ids('dishwaser leek')[0]).toBe('leak');
  });

  it('matches word forms by their stem: "leaks" and "leaking" find "leak"', () => {
    expect(ids('leaks')[0]).toBe('leak');
    expect(ids('why is it leaking')[0]).toBe('leak');
  });

  it('completes a word being typed ("cartr", "manu")', () => {
    expect(ids('cartr')).toEqual(['filter']);
    expect(ids('manu')[0]).toBe('manual');
  });

  it('knows the appliance synonyms: "won\'t start", "drip", "filter"', () => {
    expect(ids("dishwasher won't start")[0]).toBe('power');
    expect(ids('no power')[0]).toBe('power');
    expect(ids('drip')[0]).toBe('leak');
    expect(ids('replace filter')[0]).toBe('filter');
  });

  it('ranks by BM25: a title match outweighs a passing mention in a body', () => {
    const hits = index.search('cloudy glasses', 'en');
    expect(hits[0]?.id).toBe('glasses');
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('shows the sentence that matched as the excerpt', () => {
    expect(index.search('seal', 'en')[0]?.excerpt).toBe('A leaking dishwasher usually has a worn door seal.');
    expect(index.search('manual', 'en')[0]?.excerpt).toBe('');
  });

  it('searches only the page language; a regional variant counts as its language, accents are optional', () => {
    expect(ids('fuga', 'en')).toEqual([]);
    expect(ids('fugas lavavajilla', 'es')[0]).toBe('fuga');
    expect(ids('gotea', 'es')[0]).toBe('fuga');
    expect(ids('instalacion', 'es')[0]).toBe('instalacion');
    expect(index.languages).toEqual(['en', 'es']);
  });

  it('returns nothing for an empty query, stop words alone, or words found nowhere', () => {
    expect(ids('')).toEqual([]);
    expect(ids('the of and')).toEqual([]);
    expect(ids('zzzqqq')).toEqual([]);
  });
});
