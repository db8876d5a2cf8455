import { defaultLinkIri, linkTypeIri } from './link-types.ts';

/** One place a product's Digital Link can lead. */
export interface LinkTarget {
  /** `gs1:instructions` or its IRI. */
  readonly linkType: string;
  readonly href: string;
  /** Required by the resolver standard: every link has a human-readable title. */
  readonly title: string;
  /** Languages of the target, e.g. ['en', 'es-MX']. */
  readonly hreflang?: readonly string[];
  /** Media type of the target, e.g. 'text/html' or 'application/pdf'. */
  readonly type?: string;
}

export interface LinksetRequest {
  /** The identified item: the canonical `https://id.gs1.org/01/<gtin14>[/21/<serial>]` or OpenOX's own URI of it. */
  readonly anchor: string;
  readonly targets: readonly LinkTarget[];
  /** Whose first target is the default link; the first target's type when absent. */
  readonly defaultLinkType?: string;
  /** The default link itself, when it is none of the targets (a page chosen for the unit's state); wins over defaultLinkType. */
  readonly defaultTarget?: LinkTarget;
  /** E.g. the product's name, shown by linkset viewers. */
  readonly itemDescription?: string;
  /** Where this linkset can be fetched (`...?linkType=linkset`), announced with rel="linkset". */
  readonly linksetUrl?: string;
  /** For a request that came compressed: its uncompressed URI, announced as owl:sameAs. */
  readonly sameAs?: string;
}

type TargetObject = { href: string; title: string; hreflang?: string[]; type?: string };
export type LinkContextObject = { anchor: string; itemDescription?: string } & Record<string, string | TargetObject[]>;

/** Sent with a linkset response: lets a client read the JSON linkset as JSON-LD (GS1 resolver artefact). */
export const linksetContextLink = '<https://ref.gs1.org/standards/resolver/linkset-context>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"';

/**
 * The links of one identified item as an RFC 9264 linkset (`application/linkset+json`) and as the
 * value of the HTTP `Link` header a GS1-conformant resolver sends with its answers. Relation types are
 * full IRIs; the default link is repeated under gs1:defaultLink, as the resolver standard requires.
 */
export function buildLinkset(request: LinksetRequest): { json: { linkset: [LinkContextObject] }; linkHeader: string } {
  const defaultTarget = pickDefault(request);
  const relations: [string, LinkTarget][] = [
    ...(defaultTarget ? [[defaultLinkIri, defaultTarget] as [string, LinkTarget]] : []),
    ...request.targets.map((target): [string, LinkTarget] => [linkTypeIri(target.linkType), target]),
  ];

  const context = { anchor: request.anchor } as LinkContextObject;
  if (request.itemDescription) context.itemDescription = request.itemDescription;
  for (const [relation, target] of relations) {
    const list = (context[relation] ??= []) as TargetObject[];
    list.push(targetObject(target));
  }

  const header = relations.map(([relation, target]) => headerLink(target.href, relation, target));
  if (request.linksetUrl) header.push(`<${safeHref(request.linksetUrl)}>; rel="linkset"; type="application/linkset+json"`);
  if (request.sameAs) header.push(`<${safeHref(request.sameAs)}>; rel="http://www.w3.org/2002/07/owl#sameAs"`);
  return { json: { linkset: [context] }, linkHeader: header.join(', ') };
}

function pickDefault(request: LinksetRequest): LinkTarget | undefined {
  if (request.defaultTarget) return request.defaultTarget;
  const wanted = request.defaultLinkType ? linkTypeIri(request.defaultLinkType) : undefined;
  return (wanted && request.targets.find((target) => linkTypeIri(target.linkType) === wanted)) || request.targets[0];
}

function targetObject(target: LinkTarget): TargetObject {
  return {
    href: target.href,
    title: target.title,
    ...(target.hreflang?.length ? { hreflang: [...target.hreflang] } : {}),
    ...(target.type ? { type: target.type } : {}),
  };
}

/** One link in RFC 8288 form; a title outside ASCII also goes in `title*` (RFC 8187), since headers carry only ASCII safely. */
function headerLink(href: string, relation: string, target: LinkTarget): string {
  const parts = [`<${safeHref(href)}>`, `rel="${relation}"`, `title="${quoted(target.title)}"`];
  if (/[^\x20-\x7e]/u.test(target.title)) parts.push(`title*=UTF-8''${encodeRfc8187(target.title)}`);
  for (const language of target.hreflang ?? []) parts.push(`hreflang="${quoted(language)}"`);
  if (target.type) parts.push(`type="${quoted(target.type)}"`);
  return parts.join('; ');
}

function quoted(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, '?').replace(/["\\]/g, '\\$&');
}

// A Link header carries ASCII only, and '<', '>' and '"' would end the reference early.
const hrefSafe = /^[\x21\x23-\x3b\x3d\x3f-\x7e]$/;
const rfc8187AttrChar = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

function safeHref(href: string): string {
  return percentEncode(href, hrefSafe);
}

function encodeRfc8187(text: string): string {
  return percentEncode(text, rfc8187AttrChar);
}

function percentEncode(text: string, keep: RegExp): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += byte < 0x80 && keep.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
