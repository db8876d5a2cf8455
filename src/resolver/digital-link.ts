import digitalLinkJs from 'digital-link.js';
import { checkGtin } from '../catalog/gtin.ts';
import { parseGs1Date } from './gs1-date.ts';
import { shortLinkType } from './link-types.ts';

/** What a product's GS1 Digital Link says, with every value decoded. */
export interface DigitalLinkParts {
  readonly ok: true;
  readonly gtin14: string;
  readonly serial?: string;
  readonly lot?: string;
  readonly variant?: string;
  /** AI 17, as YYYY-MM-DD. */
  readonly expiry?: string;
  /** AI 11, as YYYY-MM-DD. */
  readonly productionDate?: string;
  /** In its `gs1:` form when it is a GS1 link type; `linkset` or `all` ask for the list of links. */
  readonly linkType?: string;
  /** Query parameters not read above; a GS1 resolver passes them on when it redirects. */
  readonly otherQuery: Readonly<Record<string, string>>;
  /** The link was in GS1's compressed form (a resolver then exposes `keyPath` as owl:sameAs). */
  readonly compressed: boolean;
  /** `/01/<gtin14>` and the qualifiers in GS1 order and encoding: the path of the canonical URI. */
  readonly keyPath: string;
}

export type DigitalLinkProblem = 'not_digital_link' | 'bad_check_digit' | 'malformed';
export type DigitalLinkParse = DigitalLinkParts | { readonly ok: false; readonly problem: DigitalLinkProblem; readonly message: string };

type Qualifier = 'variant' | 'lot' | 'serial';
// The only qualifiers of a GTIN, in the order the standard requires; the alphas are DL 1.0's convenience forms.
const qualifiers: readonly { field: Qualifier; ai: string; alpha: string; noun: string }[] = [
  { field: 'variant', ai: '22', alpha: 'cpv', noun: 'product variant' },
  { field: 'lot', ai: '10', alpha: 'lot', noun: 'batch or lot number' },
  { field: 'serial', ai: '21', alpha: 'ser', noun: 'serial number' },
];
const gtinAis = new Set(['01', 'gtin']);
// GS1's 82-character set (file-safe / URI-safe subset of ISO 646), which AI 10, 21 and 22 values are drawn from, 1 to 20 of them.
const cset82Value = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;
const retry = 'Scan the code again, or type the serial instead.';
const placeholderOrigin = 'https://resolver.invalid';

/**
 * Reads the path and query of a request as a GS1 Digital Link URI (GS1 Digital Link 1.x): a GTIN
 * (8, 12, 13 or 14 digits) after any path prefix, its qualifiers, dates, link type, also compressed.
 * A problem comes back with a message an owner holding the product can act on.
 */
export function parseDigitalLink(pathAndQuery: string, today: Date = new Date()): DigitalLinkParse {
  const expanded = expandCompressed(pathAndQuery.trim());
  const segments = expanded.path.split('/').filter(Boolean);
  const at = findGtinAi(segments);
  if (at === -1) return notProductLink(segments);

  const gtin = decodeSegment(segments[at + 1] ?? '');
  if (gtin === null || !/^\d+$/.test(gtin) || ![8, 12, 13, 14].includes(gtin.length)) {
    return malformed('The product code in this link is not valid: it must be 8, 12, 13 or 14 digits. Check the code on the product, or type the serial instead.');
  }
  const check = checkGtin(gtin);
  if (!check.valid) {
    return { ok: false, problem: 'bad_check_digit', message: 'The product code in this link is not valid: its last digit does not match. Check the code on the product, or type the serial instead.' };
  }

  const found: Partial<Record<Qualifier, string>> = {};
  let keyPath = `/01/${check.gtin14}`;
  let lastRank = -1;
  for (let i = at + 2; i < segments.length; i += 2) {
    const ai = segments[i] as string;
    const rank = qualifiers.findIndex((q) => q.ai === ai || q.alpha === ai);
    const qualifier = qualifiers[rank];
    if (!qualifier) return malformed(`This link has a part OpenOX does not recognise ("${shorten(ai)}" after the product code). ${retry}`);
    const raw = segments[i + 1];
    if (raw === undefined) return malformed(`This link is incomplete: it has no ${qualifier.noun} after /${ai}/. ${retry}`);
    if (rank <= lastRank) {
      return malformed(`This link is not valid: its parts must come in the order product variant, batch or lot number, serial number, each once. ${retry}`);
    }
    const value = decodeSegment(raw);
    if (value === null) return malformed(`This link is damaged (a %-code in its ${qualifier.noun} is broken). ${retry}`);
    if (!isGs1Value(value)) {
      return malformed(`The ${qualifier.noun} in this link is not valid: GS1 allows 1 to 20 letters, digits and common punctuation, without spaces. ${retry}`);
    }
    found[qualifier.field] = value;
    keyPath += `/${qualifier.ai}/${encodeGs1Value(value)}`;
    lastRank = rank;
  }

  const query = readQuery(expanded.query, today);
  if (!query.ok) return query;
  return { ok: true, gtin14: check.gtin14, ...found, ...query.values, otherQuery: query.otherQuery, compressed: expanded.compressed, keyPath };
}

/** The Digital Link OpenOX prints in a product's QR code: `<base>/01/<gtin14>[/21/<serial>]`. */
export function digitalLinkUrl(base: string, gtin14: string, serial?: string): string {
  const root = base.replace(/\/+$/, '');
  return `${root}/01/${gtin14}${serial === undefined ? '' : `/21/${encodeGs1Value(serial)}`}`;
}

/** Whether a serial, lot or variant can go in a Digital Link: 1 to 20 characters of GS1's 82-character set. */
export function isGs1Value(value: string): boolean {
  return cset82Value.test(value);
}

/**
 * Percent-encodes an AI value as GS1 Digital Link requires: every character but letters, digits,
 * '-', '.' and '_' (so also the !'()* that encodeURIComponent leaves alone).
 */
export function encodeGs1Value(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function expandCompressed(pathAndQuery: string): { path: string; query: string; compressed: boolean } {
  const plain = splitUri(pathAndQuery);
  const uri = `${placeholderOrigin}${plain.path}${plain.query ? `?${plain.query}` : ''}`;
  try {
    // The library calls a path compressed only if it decompresses to a valid Digital Link, so a plain path is never mistaken for one.
    if (digitalLinkJs.Utils.isCompressedWebUri(uri)) return { ...splitUri(digitalLinkJs.Utils.decompressWebUri(uri)), compressed: true };
  } catch {
    // Whatever the library cannot read as compressed is read as it stands.
  }
  return { ...plain, compressed: false };
}

/**
 * Path and query of a URI or of a path, as they were sent. Not WHATWG URL: it would resolve a serial
 * of "." or ".." (both allowed in GS1 values) as a path step.
 */
function splitUri(uri: string): { path: string; query: string } {
  const withoutOrigin = uri.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '').split('#')[0] as string;
  const question = withoutOrigin.indexOf('?');
  return question === -1 ? { path: withoutOrigin, query: '' } : { path: withoutOrigin.slice(0, question), query: withoutOrigin.slice(question + 1) };
}

/** Reads pairs back from the end so that neither a path prefix nor a serial that happens to be "01" is taken for the key. */
function findGtinAi(segments: readonly string[]): number {
  for (let i = segments.length - 2; i >= 0; i -= 2) if (gtinAis.has(segments[i] as string)) return i;
  // Out of step: a value is missing or something trails; find the key anyway so the problem can be named.
  for (let i = segments.length - 3; i >= 0; i -= 2) if (gtinAis.has(segments[i] as string)) return i;
  return -1;
}

function notProductLink(segments: readonly string[]): DigitalLinkParse {
  const otherKey = digitalLinkJs.Utils.getIdentifierCodeIndex(segments) !== -1;
  const message = otherKey
    ? 'This code is not for a product: it identifies a shipment, place or asset. Scan the code on the product itself, or type the serial instead.'
    : 'This is not a product link. Scan the QR code on the product, or type the serial instead.';
  return { ok: false, problem: 'not_digital_link', message };
}

type QueryRead =
  | { ok: true; values: { expiry?: string; productionDate?: string; linkType?: string }; otherQuery: Record<string, string> }
  | { ok: false; problem: 'malformed'; message: string };

const dateAis: Readonly<Record<string, ['expiry' | 'productionDate', string]>> = { '17': ['expiry', 'expiry date'], '11': ['productionDate', 'production date'] };

function readQuery(query: string, today: Date): QueryRead {
  const values: { expiry?: string; productionDate?: string; linkType?: string } = {};
  const otherQuery: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    // Not URLSearchParams: a '+' in a Digital Link is a plus sign, not a space.
    const key = decodeSegment(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeSegment(pair.slice(equals + 1));
    if (key === null || value === null) return malformed(`This link is damaged (a %-code in it is broken). ${retry}`);
    const date = dateAis[key];
    if (date) {
      const iso = parseGs1Date(value, today);
      if (!iso) return malformed(`The ${date[1]} in this link (${shorten(value)}) is not a real date in the GS1 form YYMMDD. ${retry}`);
      values[date[0]] = iso;
    } else if (key === 'linkType') {
      values.linkType = shortLinkType(value);
    } else if (!(key in otherQuery)) {
      otherQuery[key] = value;
    }
  }
  return { ok: true, values, otherQuery };
}

function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function malformed(message: string): { ok: false; problem: 'malformed'; message: string } {
  return { ok: false, problem: 'malformed', message };
}

function shorten(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
