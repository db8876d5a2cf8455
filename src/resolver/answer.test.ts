import { describe, expect, it } from 'vitest';
import { answerFor, inPreferredLanguage, passQueryOn } from './answer.ts';

const register = { linkType: 'gs1:registerProduct', href: 'https://ox.example/o/acme/register?gtin=1&via=qr', title: 'Register', hreflang: ['en', 'es'] };
const manualEn = { linkType: 'gs1:instructions', href: 'https://docs.example/en.pdf', title: 'Manual', hreflang: ['en'] };
const manualFr = { linkType: 'gs1:instructions', href: 'https://docs.example/fr.pdf', title: 'Notice', hreflang: ['fr'] };
const recall = { linkType: 'gs1:recallStatus', href: 'https://ox.example/o/acme/recall-status?gtin=1', title: 'Recall' };
const links = { anchor: 'https://ox.example/01/1', itemDescription: 'DW-500', targets: [register, manualEn, manualFr, recall], defaultTarget: register, compressed: false };
const ask = { acceptsLinkset: false, rawQuery: '' };

describe('answerFor', () => {
  it('redirects to the default link without a link type, and to the link asked for with one', () => {
    expect(answerFor(links, ask)).toMatchObject({ kind: 'redirect', location: register.href });
    expect(answerFor({ ...links, defaultTarget: recall }, ask)).toMatchObject({ kind: 'redirect', location: recall.href });
    expect(answerFor(links, { ...ask, linkType: 'https://gs1.org/voc/instructions' })).toMatchObject({ kind: 'redirect', location: manualEn.href });
  });

  it('answers the linkset when asked for it by link type or by Accept', () => {
    expect(answerFor(links, { ...ask, linkType: 'linkset' }).kind).toBe('linkset');
    expect(answerFor(links, { ...ask, linkType: 'all' }).kind).toBe('linkset');
    expect(answerFor(links, { ...ask, acceptsLinkset: true }).kind).toBe('linkset');
    // An explicit link type wins over the Accept header.
    expect(answerFor(links, { ...ask, acceptsLinkset: true, linkType: 'gs1:recallStatus' }).kind).toBe('redirect');
  });

  it('says which links there are when the one asked for is missing', () => {
    const answer = answerFor(links, { ...ask, linkType: 'gs1:leaveReview' });
    expect(answer).toMatchObject({ kind: 'no_target', available: links.targets });
    expect(answerFor(links, { ...ask, linkType: 'schema:manual' }).kind).toBe('no_target');
  });

  it('announces the uncompressed URI of a compressed request', () => {
    expect(answerFor({ ...links, compressed: true }, ask).linkHeader).toContain('<https://ox.example/01/1>; rel="http://www.w3.org/2002/07/owl#sameAs"');
    expect(answerFor(links, ask).linkHeader).not.toContain('sameAs');
  });
});

describe('inPreferredLanguage', () => {
  it('picks the translation the client prefers, else the first', () => {
    expect(inPreferredLanguage([manualEn, manualFr], 'fr-CA,fr;q=0.9,en;q=0.5')).toBe(manualFr);
    expect(inPreferredLanguage([manualEn, manualFr], 'de')).toBe(manualEn);
    expect(inPreferredLanguage([manualEn, manualFr], undefined)).toBe(manualEn);
    expect(inPreferredLanguage([], 'en')).toBeUndefined();
  });
});

describe('passQueryOn', () => {
  it('adds the request\'s parameters as sent, except linkType and those the target sets', () => {
    expect(passQueryOn('https://a.example/p', '11=250115&linkType=gs1:pip&note=a+b%20c')).toBe('https://a.example/p?11=250115&note=a+b%20c');
    expect(passQueryOn('https://a.example/p?gtin=1&via=qr', 'via=x&utm_source=box')).toBe('https://a.example/p?gtin=1&via=qr&utm_source=box');
    expect(passQueryOn('https://a.example/p?x=1#top', 'y=2')).toBe('https://a.example/p?x=1&y=2#top');
    expect(passQueryOn('https://a.example/p', 'linkType=all')).toBe('https://a.example/p');
    expect(passQueryOn('https://a.example/p', '')).toBe('https://a.example/p');
  });
});
