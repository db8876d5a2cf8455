/** The GS1 Web Vocabulary namespace link types live in; `gs1:` is its prefix. */
export const gs1Vocabulary = 'https://gs1.org/voc/';

export interface LinkTypeInfo {
  /** The compact form owners' links use in `?linkType=`, e.g. `gs1:instructions`. */
  readonly short: string;
  /** The full IRI, the relation type in linksets and Link headers. */
  readonly iri: string;
  /** A title for a link of this type when the brand gives none. */
  readonly title: string;
}

const answered = [
  ['registerProduct', 'Register your product'],
  ['instructions', 'Instructions'],
  ['quickStartGuide', 'Quick start guide'],
  ['support', 'Support'],
  ['faqs', 'Frequently asked questions'],
  ['recallStatus', 'Recall status'],
  ['leaveReview', 'Write a review'],
  ['purchaseSuppliesOrAccessories', 'Buy supplies and accessories'],
] as const;

/** The GS1 link types OpenOX answers for a product. */
export const answeredLinkTypes: readonly LinkTypeInfo[] = answered.map(([name, title]) => ({ short: `gs1:${name}`, iri: `${gs1Vocabulary}${name}`, title }));

/** The default link of a linkset: where a request without `linkType` goes. */
export const defaultLinkIri = `${gs1Vocabulary}defaultLink`;

/**
 * `linkType=linkset` asks for the list of links instead of a redirect; `all` is the older,
 * deprecated spelling GS1 resolvers still honour.
 */
export function asksForLinkset(linkType: string | undefined): boolean {
  return linkType === 'linkset' || linkType === 'all';
}

/** Any spelling of a GS1 link type (`gs1:x`, `https://gs1.org/voc/x`, `http://...`) in its `gs1:` form; other values unchanged. */
export function shortLinkType(linkType: string): string {
  const iri = /^https?:\/\/(?:www\.|ref\.)?gs1\.org\/voc\/([A-Za-z]+)$/.exec(linkType);
  return iri ? `gs1:${iri[1]}` : linkType;
}

/** The IRI of a link type given in either form; a non-GS1 IRI is returned as it is. */
export function linkTypeIri(linkType: string): string {
  const short = shortLinkType(linkType);
  return short.startsWith('gs1:') ? `${gs1Vocabulary}${short.slice(4)}` : short;
}
