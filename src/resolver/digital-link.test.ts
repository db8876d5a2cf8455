import digitalLinkJs from 'digital-link.js';
import { describe, expect, it } from 'vitest';
import { digitalLinkUrl, encodeGs1Value, parseDigitalLink } from './digital-link.ts';

const in2026 = new Date('2026-05-01T00:00:00Z');
const parse = (pathAndQuery: string) => parseDigitalLink(pathAndQuery, in2026);

describe('parseDigitalLink reads', () => {
  // Examples from the GS1 Digital Link standard (the Dal Giardino GTINs are GS1's own).
  it.each([
    ['https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426', { gtin14: '09520123456788', lot: 'ABC1', serial: '12345', expiry: '2018-04-26' }],
    ['/01/09506000134352/21/12345', { gtin14: '09506000134352', serial: '12345' }],
    ['/01/09520123456788/22/2A/10/ABC123/21/12345', { gtin14: '09520123456788', variant: '2A', lot: 'ABC123', serial: '12345' }],
    ['/some/prefix/01/09506000134352/10/ABC123/21/12345?17=280426&linkType=gs1:instructions', { lot: 'ABC123', serial: '12345', expiry: '2028-04-26', linkType: 'gs1:instructions' }],
    ['/01/9506000134352/21/12345', { gtin14: '09506000134352' }],
    ['/01/614141123452', { gtin14: '00614141123452' }],
    ['/01/95012346', { gtin14: '00000095012346' }],
    ['/01/09506000134352/21/12345/', { serial: '12345' }],
    ['/01/09506000134352/21/01', { serial: '01' }],
    ['/01/01/09506000134352', { gtin14: '09506000134352' }],
    ['/01/09506000134352#fragment', { gtin14: '09506000134352' }],
    ['/01/09506000134352/21/..', { serial: '..' }],
    ['/01/09506000134352/21/.?x=1', { serial: '.', otherQuery: { x: '1' } }],
  ])('%s', (pathAndQuery, expected) => {
    expect(parse(pathAndQuery)).toMatchObject({ ok: true, compressed: false, ...expected });
  });

  it('the convenience alphas of Digital Link 1.0 (which digital-link.js itself does not read)', () => {
    expect(parse('/gtin/09506000134352/lot/ABC1/ser/12345')).toMatchObject({ ok: true, gtin14: '09506000134352', lot: 'ABC1', serial: '12345', keyPath: '/01/09506000134352/10/ABC1/21/12345' });
  });

  it('percent-encoded values, decoded once, and re-encoded in the canonical key path', () => {
    const link = parse("/01/09506000134352/21/AB%2F12%2d3%27");
    expect(link).toMatchObject({ ok: true, serial: "AB/12-3'", keyPath: '/01/09506000134352/21/AB%2F12-3%27' });
  });

  it('dates, the link type in either form, and other query parameters as they were sent', () => {
    const link = parse('/01/09506000134352/21/1?17=280400&11=250115&utm_source=box&note=a+b&linkType=https%3A%2F%2Fgs1.org%2Fvoc%2Ffaqs');
    expect(link).toEqual({
      ok: true,
      gtin14: '09506000134352',
      serial: '1',
      expiry: '2028-04-30',
      productionDate: '2025-01-15',
      linkType: 'gs1:faqs',
      otherQuery: { utm_source: 'box', note: 'a+b' },
      compressed: false,
      keyPath: '/01/09506000134352/21/1',
    });
    expect(parse('/01/09506000134352?linkType=all')).toMatchObject({ linkType: 'all' });
  });

  it('compressed links (GS1 Digital Link compression, decompressed by digital-link.js)', () => {
    // Test vector: 01 05412345000013, 10 ABC123, 21 72292641703, compressed without optimisations.
    expect(parse('https://id.gs1.org/AQnYUc1gmiCNV4JGQhcNT6K6c')).toMatchObject({
      ok: true, gtin14: '05412345000013', lot: 'ABC123', serial: '72292641703', compressed: true, keyPath: '/01/05412345000013/10/ABC123/21/72292641703',
    });
    const ours = digitalLinkUrl('https://ox.example', '09506000134352', 'SN-1/2');
    const compressed = new URL(digitalLinkJs.Utils.compressWebUri(`${ours}?linkType=gs1:support`));
    expect(parse(`/brand/${compressed.pathname.slice(1)}${compressed.search}`)).toMatchObject({ ok: true, serial: 'SN-1/2', linkType: 'gs1:support', compressed: true });
  });
});

describe('parseDigitalLink refuses', () => {
  it('a wrong check digit, with a message an owner can act on', () => {
    expect(parse('/01/09506000134353/21/12345')).toEqual({
      ok: false,
      problem: 'bad_check_digit',
      message: 'The product code in this link is not valid: its last digit does not match. Check the code on the product, or type the serial instead.',
    });
  });

  it.each([
    ['a GTIN with a letter', '/01/0950600013435A/21/1', '8, 12, 13 or 14 digits'],
    ['a GTIN of 11 digits', '/01/95060001343/21/1', '8, 12, 13 or 14 digits'],
    ['a missing serial', '/01/09506000134352/21', 'no serial number after /21/'],
    ['a missing lot', '/01/09506000134352/10', 'no batch or lot number after /10/'],
    ['an unknown AI in the path', '/01/09506000134352/99/12345', '"99"'],
    ['extra junk after the serial', '/01/09506000134352/21/12345/junk', '"junk"'],
    ['qualifiers out of order', '/01/09506000134352/21/12345/10/ABC', 'in the order'],
    ['the same qualifier twice', '/01/09506000134352/21/1/21/2', 'each once'],
    ['a space in a serial', '/01/09506000134352/21/AB%20C', 'without spaces'],
    ['a serial over 20 characters', `/01/09506000134352/21/${'1'.repeat(21)}`, '1 to 20'],
    ['a broken %-code', '/01/09506000134352/21/AB%E0%A4', 'damaged'],
    ['an impossible expiry date', '/01/09506000134352/21/1?17=281301', 'expiry date in this link (281301)'],
    ['a production date that is not YYMMDD', '/01/09506000134352/21/1?11=2025-01-15', 'production date'],
  ])('%s', (_case, pathAndQuery, message) => {
    const link = parse(pathAndQuery);
    expect(link).toMatchObject({ ok: false, problem: 'malformed' });
    expect(!link.ok && link.message).toContain(message);
    expect(!link.ok && link.message).toMatch(/Scan the code again|Check the code on the product/);
  });

  it.each(['/', '/console/models', '/hello/world?x=1', '/01'])('%s as not a Digital Link', (pathAndQuery) => {
    expect(parse(pathAndQuery)).toMatchObject({ ok: false, problem: 'not_digital_link', message: expect.stringContaining('not a product link') });
  });

  it.each(['/00/106141411234567897', '/414/9520123456788'])('%s, a GS1 key that is not a product', (pathAndQuery) => {
    expect(parse(pathAndQuery)).toMatchObject({ ok: false, problem: 'not_digital_link', message: expect.stringContaining('not for a product') });
  });
});

describe('digitalLinkUrl', () => {
  it('builds the link OpenOX prints, which parses back to the same product and serial', () => {
    const serial = "A/B!'(C)*";
    const url = digitalLinkUrl('https://ox.example/', '09506000134352', serial);
    expect(url).toBe('https://ox.example/01/09506000134352/21/A%2FB%21%27%28C%29%2A');
    expect(digitalLinkJs.DigitalLink(url).isValid()).toBe(true);
    expect(parse(url)).toMatchObject({ ok: true, gtin14: '09506000134352', serial });
    expect(digitalLinkUrl('https://ox.example', '09506000134352')).toBe('https://ox.example/01/09506000134352');
  });

  it('leaves letters, digits, - . _ as they are', () => {
    expect(encodeGs1Value('Ab-1.2_3')).toBe('Ab-1.2_3');
    expect(encodeGs1Value('a b&c=d?')).toBe('a%20b%26c%3Dd%3F');
  });
});
