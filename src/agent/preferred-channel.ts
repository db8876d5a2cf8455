export type ContactChannel = 'email' | 'sms' | 'phone';

export interface PreferredChannel {
  readonly channel: ContactChannel;
  /**
   * `latest_claim`: how the owner asked to be reached on their latest claim; `consent`: the channel
   * they most recently opted in to; `email`: neither, and every owner has an email address.
   */
  readonly basis: 'latest_claim' | 'consent' | 'email';
}

export interface ChannelFacts {
  /** The current consent per channel. */
  readonly consents: readonly { readonly channel: 'email' | 'sms'; readonly granted: boolean; readonly recordedAt: string }[];
  /** The contact channels the owner chose on their most recently filed claim; null without claims. */
  readonly latestClaimChannels: readonly ContactChannel[] | null;
  readonly hasPhone: boolean;
}

// Of the channels an owner chose for a claim, the most direct: whoever ticks "phone" wants a call,
// while email is where every claim form starts.
const directness: readonly ContactChannel[] = ['phone', 'sms', 'email'];

/**
 * The channel to reach an owner on first. What the owner said when they last needed help wins over
 * what they agreed to hear about; a channel needing a phone number counts only when there is one.
 */
export function preferredChannel(facts: ChannelFacts): PreferredChannel {
  const reachable = (channel: ContactChannel) => channel === 'email' || facts.hasPhone;
  const fromClaim = directness.find((channel) => facts.latestClaimChannels?.includes(channel) && reachable(channel));
  if (fromClaim) return { channel: fromClaim, basis: 'latest_claim' };
  const granted = facts.consents
    .filter((consent) => consent.granted && reachable(consent.channel))
    .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt));
  const fromConsent = granted[0];
  if (fromConsent) return { channel: fromConsent.channel, basis: 'consent' };
  return { channel: 'email', basis: 'email' };
}
