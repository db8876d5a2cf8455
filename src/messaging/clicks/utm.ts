import type { MessageChannel } from '../tables.ts';

export interface UtmTags {
  readonly medium: MessageChannel;
  /** The journey (or other campaign) the message belongs to. */
  readonly campaign: string;
  /** The template the link was in. */
  readonly content: string;
}

/**
 * The link's address with OpenOX's UTM tags added, so the brand's shop analytics can tell which
 * message brought the visit. The address's own query is kept as it was written (not re-encoded),
 * a tag the brand already set in it wins, and a #fragment stays at the end.
 */
export function withUtm(address: string, tags: UtmTags): string {
  const url = new URL(address);
  const given = url.searchParams;
  const added = new URLSearchParams();
  const wanted: [string, string][] = [['utm_source', 'openox'], ['utm_medium', tags.medium], ['utm_campaign', tags.campaign], ['utm_content', tags.content]];
  for (const [name, value] of wanted) if (!given.has(name)) added.set(name, value);
  const extra = added.toString();
  if (extra === '') return address;
  const hashAt = address.indexOf('#');
  const beforeHash = hashAt === -1 ? address : address.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : address.slice(hashAt);
  const joiner = !beforeHash.includes('?') ? '?' : beforeHash.endsWith('?') || beforeHash.endsWith('&') ? '' : '&';
  return `${beforeHash}${joiner}${extra}${hash}`;
}
