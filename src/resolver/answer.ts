import Negotiator from 'negotiator';
import { asksForLinkset, linkTypeIri } from './link-types.ts';
import { type LinkContextObject, type LinkTarget, buildLinkset } from './linkset.ts';

/** Everything OpenOX offers for one identified unit. */
export interface ProductLinks {
  /** OpenOX's own URI of the item: `<public url>/01/<gtin14>[/...]`, uncompressed. */
  readonly anchor: string;
  readonly itemDescription: string;
  readonly targets: readonly LinkTarget[];
  /** Where a request without a link type goes: the page that fits the unit's state. */
  readonly defaultTarget: LinkTarget;
  /** The request came compressed: its uncompressed URI is announced as owl:sameAs. */
  readonly compressed: boolean;
}

/** What the request asked for, beyond the item. */
export interface ResolverAsk {
  readonly linkType?: string | undefined;
  /** The client's Accept header prefers a linkset. */
  readonly acceptsLinkset: boolean;
  readonly acceptLanguage?: string | undefined;
  /** The query string as sent (no '?'), passed on to the target of a redirect. */
  readonly rawQuery: string;
}

type Linkset = { linkset: [LinkContextObject] };
export type ResolverAnswer =
  | { readonly kind: 'redirect'; readonly location: string; readonly linkHeader: string }
  | { readonly kind: 'linkset'; readonly json: Linkset; readonly linkHeader: string }
  /** The item exists but has no link of the type asked for: say what it has. */
  | { readonly kind: 'no_target'; readonly available: readonly LinkTarget[]; readonly json: Linkset; readonly linkHeader: string };

/**
 * Chooses the answer of a GS1-conformant resolver: the linkset when asked for it (`linkType=linkset`
 * or `all`, or Accept: application/linkset+json), else a redirect to the link of the type asked for
 * (the default link without one) in the language the client prefers, passing the query string on.
 */
export function answerFor(links: ProductLinks, ask: ResolverAsk): ResolverAnswer {
  const { json, linkHeader } = buildLinkset({
    anchor: links.anchor,
    itemDescription: links.itemDescription,
    targets: links.targets,
    defaultTarget: links.defaultTarget,
    linksetUrl: `${links.anchor}?linkType=linkset`,
    ...(links.compressed ? { sameAs: links.anchor } : {}),
  });
  if (asksForLinkset(ask.linkType) || (ask.linkType === undefined && ask.acceptsLinkset)) return { kind: 'linkset', json, linkHeader };

  const candidates = ask.linkType === undefined ? [links.defaultTarget] : links.targets.filter((target) => linkTypeIri(target.linkType) === linkTypeIri(ask.linkType as string));
  const target = inPreferredLanguage(candidates, ask.acceptLanguage);
  if (!target) return { kind: 'no_target', available: links.targets, json, linkHeader };
  return { kind: 'redirect', location: passQueryOn(target.href, ask.rawQuery), linkHeader };
}

/** Of several links of one type (a manual in English and in Spanish), the one in the client's language; else the first. */
export function inPreferredLanguage(candidates: readonly LinkTarget[], acceptLanguage: string | undefined): LinkTarget | undefined {
  if (candidates.length < 2 || !acceptLanguage) return candidates[0];
  const offered = [...new Set(candidates.flatMap((target) => target.hreflang ?? []))];
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages(offered)[0];
  return (best && candidates.find((target) => target.hreflang?.includes(best))) || candidates[0];
}

/**
 * The target with the request's query parameters added, as the resolver standard requires (so a
 * `?11=250115` or a campaign tag reaches the page), except `linkType`, which was for the resolver,
 * and any parameter the target already sets. Pairs travel as they were sent, encoding untouched.
 */
export function passQueryOn(href: string, rawQuery: string): string {
  const hash = href.indexOf('#');
  const [base, fragment] = hash === -1 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  const question = base.indexOf('?');
  const existing = new Set(question === -1 ? [] : base.slice(question + 1).split('&').map(keyOf));
  const passed = rawQuery.split('&').filter((pair) => pair && keyOf(pair) !== 'linkType' && !existing.has(keyOf(pair)));
  if (passed.length === 0) return href;
  return `${base}${question === -1 ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&'}${passed.join('&')}${fragment}`;
}

function keyOf(pair: string): string {
  const raw = pair.split('=')[0] as string;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
