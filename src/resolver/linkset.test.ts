import digitalLinkJs from 'digital-link.js';
import { describe, expect, it } from 'vitest';
import { answeredLinkTypes, asksForLinkset, linkTypeIri, shortLinkType } from './link-types.ts';
import { buildLinkset, linksetContextLink } from './linkset.ts';
import { resolverDescription } from './well-known.ts';

const anchor = 'https://id.gs1.org/01/09506000134352/21/12345';
const manualEn = { linkType: 'gs1:instructions', href: 'https://ox.example/m/en.pdf', title: 'Manual', hreflang: ['en'], type: 'application/pdf' };
const manualEs = { linkType: 'https://gs1.org/voc/instructions', href: 'https://ox.example/m/es.pdf', title: 'Manual de uso', hreflang: ['es', 'es-MX'], type: 'application/pdf' };
const register = { linkType: 'gs1:registerProduct', href: 'https://ox.example/r/abc', title: 'Register your "DW-500"', type: 'text/html' };

describe('buildLinkset', () => {
  it('groups targets under full link type IRIs, with the default link first (RFC 9264 JSON)', () => {
    const { json } = buildLinkset({ anchor, targets: [manualEn, register, manualEs], defaultLinkType: 'gs1:registerProduct', itemDescription: 'DW-500 dishwasher' });
    expect(json).toEqual({
      linkset: [{
        anchor,
        itemDescription: 'DW-500 dishwasher',
        'https://gs1.org/voc/defaultLink': [{ href: register.href, title: register.title, type: 'text/html' }],
        'https://gs1.org/voc/instructions': [
          { href: manualEn.href, title: 'Manual', hreflang: ['en'], type: 'application/pdf' },
          { href: manualEs.href, title: 'Manual de uso', hreflang: ['es', 'es-MX'], type: 'application/pdf' },
        ],
        'https://gs1.org/voc/registerProduct': [{ href: register.href, title: register.title, type: 'text/html' }],
      }],
    });
    expect(Object.keys(json.linkset[0])[2]).toBe('https://gs1.org/voc/defaultLink');
  });

  it('takes the first target as the default when none is named or the named one is missing', () => {
    const { json } = buildLinkset({ anchor, targets: [manualEn, register], defaultLinkType: 'gs1:faqs' });
    expect(json.linkset[0]['https://gs1.org/voc/defaultLink']).toEqual([expect.objectContaining({ href: manualEn.href })]);
  });

  it('takes a default link of its own, listed only as the default link', () => {
    const unitPage = { linkType: 'gs1:registerProduct', href: 'https://ox.example/o/acme/registered-unit?gtin=1', title: 'This product is registered' };
    const { json, linkHeader } = buildLinkset({ anchor, targets: [register], defaultLinkType: 'gs1:registerProduct', defaultTarget: unitPage });
    expect(json.linkset[0]['https://gs1.org/voc/defaultLink']).toEqual([{ href: unitPage.href, title: unitPage.title }]);
    expect(json.linkset[0]['https://gs1.org/voc/registerProduct']).toEqual([expect.objectContaining({ href: register.href })]);
    expect(linkHeader.startsWith(`<${unitPage.href}>; rel="https://gs1.org/voc/defaultLink"`)).toBe(true);
  });

  it('writes every link in the Link header with rel, title, hreflang and type; the linkset and owl:sameAs last', () => {
    const { linkHeader } = buildLinkset({
      anchor,
      targets: [register, manualEs],
      linksetUrl: 'https://ox.example/01/09506000134352/21/12345?linkType=linkset',
      sameAs: 'https://ox.example/01/09506000134352/21/12345',
    });
    expect(linkHeader.split(', <')).toEqual([
      '<https://ox.example/r/abc>; rel="https://gs1.org/voc/defaultLink"; title="Register your \\"DW-500\\""; type="text/html"',
      'https://ox.example/r/abc>; rel="https://gs1.org/voc/registerProduct"; title="Register your \\"DW-500\\""; type="text/html"',
      'https://ox.example/m/es.pdf>; rel="https://gs1.org/voc/instructions"; title="Manual de uso"; hreflang="es"; hreflang="es-MX"; type="application/pdf"',
      'https://ox.example/01/09506000134352/21/12345?linkType=linkset>; rel="linkset"; type="application/linkset+json"',
      'https://ox.example/01/09506000134352/21/12345>; rel="http://www.w3.org/2002/07/owl#sameAs"',
    ]);
  });

  it('keeps the header ASCII: titles outside ASCII also go in title*, addresses are percent-encoded', () => {
    const { linkHeader } = buildLinkset({ anchor, targets: [{ linkType: 'gs1:support', href: 'https://ox.example/aide/café <1>', title: 'Aide: « café »' }] });
    expect(linkHeader).toContain('<https://ox.example/aide/caf%C3%A9%20%3C1%3E>');
    expect(linkHeader).toContain(`title="Aide: ? caf? ?"; title*=UTF-8''Aide%3A%20%C2%AB%20caf%C3%A9%20%C2%BB`);
    expect(linkHeader).toMatch(/^[\x20-\x7e]+$/);
  });

  it('offers the JSON-LD context link for linkset answers', () => {
    expect(linksetContextLink).toContain('<https://ref.gs1.org/standards/resolver/linkset-context>; rel="http://www.w3.org/ns/json-ld#context"');
  });
});

describe('link types', () => {
  it('are the GS1 Web Vocabulary link types OpenOX answers, in short and IRI form', () => {
    expect(answeredLinkTypes.map((type) => type.short)).toEqual([
      'gs1:registerProduct', 'gs1:instructions', 'gs1:quickStartGuide', 'gs1:support', 'gs1:faqs', 'gs1:recallStatus', 'gs1:leaveReview', 'gs1:purchaseSuppliesOrAccessories',
    ]);
    for (const type of answeredLinkTypes) {
      expect(type.iri).toBe(`https://gs1.org/voc/${type.short.slice(4)}`);
      expect(digitalLinkJs.webVoc.linkType[type.short.slice(4)]).toBe(type.short);
    }
  });

  it('read in any spelling', () => {
    expect(shortLinkType('http://gs1.org/voc/pip')).toBe('gs1:pip');
    expect(shortLinkType('https://ref.gs1.org/voc/faqs')).toBe('gs1:faqs');
    expect(shortLinkType('schema:manual')).toBe('schema:manual');
    expect(linkTypeIri('gs1:support')).toBe('https://gs1.org/voc/support');
    expect(linkTypeIri('https://example.com/rel')).toBe('https://example.com/rel');
    expect(asksForLinkset('linkset') && asksForLinkset('all') && !asksForLinkset('gs1:pip') && !asksForLinkset(undefined)).toBe(true);
  });
});

describe('resolverDescription', () => {
  it('describes OpenOX as a GTIN resolver at its public origin (/.well-known/gs1resolver)', () => {
    expect(resolverDescription('https://ox.example/', 'Acme')).toEqual({
      name: 'Acme product links (OpenOX)',
      resolverRoot: 'https://ox.example',
      supportedPrimaryKeys: ['01'],
      supportedLinkType: [{ namespace: 'https://gs1.org/voc/', prefix: 'gs1:' }],
      linkTypeDefaultCanBeLinkset: false,
    });
    expect(resolverDescription('https://ox.example').name).toBe('OpenOX product links');
  });
});
