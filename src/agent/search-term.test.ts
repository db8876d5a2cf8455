import { describe, expect, it } from 'vitest';
import { searchTermOf } from './search-term.ts';

const none = { email: null, phone: null, serial: null, claimNumber: null, nameQuery: null };

describe('what a search term means', () => {
  it('is nothing when nothing was typed', () => {
    expect(searchTermOf('')).toBeNull();
    expect(searchTermOf('   ')).toBeNull();
  });

  it('is only an email when it has an @, lower-cased', () => {
    expect(searchTermOf(' Jane.Smith@Example.TEST ')).toEqual({ ...none, email: 'jane.smith@example.test' });
  });

  it('is a claim number however it was typed, or a serial', () => {
    for (const typed of ['C-10482', 'c-10482', 'c10482', 'C 10482', 'c - 10482']) {
      expect(searchTermOf(typed)).toMatchObject({ claimNumber: 'C-10482', phone: null, nameQuery: null });
    }
    expect(searchTermOf('c10482')).toMatchObject({ serial: 'C10482' });
    expect(searchTermOf('C-')?.claimNumber).toBeNull();
    expect(searchTermOf('CX-10482')?.claimNumber).toBeNull();
  });

  it('is a phone number in E.164 (US by default) or a serial when it is mostly digits', () => {
    expect(searchTermOf('(415) 555-0132')).toEqual({ ...none, phone: '+14155550132', serial: '(415)555-0132' });
    expect(searchTermOf('415.555.0132')?.phone).toBe('+14155550132');
    expect(searchTermOf('+44 20 7946 0958')?.phone).toBe('+442079460958');
    expect(searchTermOf('0047110815')).toMatchObject({ serial: '0047110815', nameQuery: null });
  });

  it('is no phone number when it cannot be one, but still a serial', () => {
    expect(searchTermOf('123456789012345678')).toEqual({ ...none, serial: '123456789012345678' });
  });

  it('is words of a name, each a prefix, or a serial', () => {
    expect(searchTermOf('Jan  Smi')).toEqual({ ...none, nameQuery: 'jan & smi', serial: 'JANSMI' });
    expect(searchTermOf("José O'Brien")?.nameQuery).toBe('josé & o & brien');
    expect(searchTermOf('sn 1234 5678')).toMatchObject({ serial: 'SN12345678', nameQuery: 'sn & 1234 & 5678' });
    // The index keeps the first 20 characters of a word.
    expect(searchTermOf('Wolfeschlegelsteinhausenbergerdorff')?.nameQuery).toBe('wolfeschlegelsteinha');
  });

  it('never passes text-search operators through to the name query', () => {
    expect(searchTermOf('smith & !jones | (x:*)')?.nameQuery).toBe('smith & jones & x');
    expect(searchTermOf('&&')).toEqual({ ...none, serial: '&&' });
  });
});
