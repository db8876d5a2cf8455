import { describe, expect, it } from 'vitest';
import { preferredChannel } from './preferred-channel.ts';

const optedIn = (channel: 'email' | 'sms', recordedAt: string, granted = true) => ({ channel, granted, recordedAt });

describe("an owner's preferred channel", () => {
  it('is the most direct way they asked to be reached on their latest claim', () => {
    expect(preferredChannel({ consents: [optedIn('email', '2026-01-01T00:00:00Z')], latestClaimChannels: ['email', 'phone'], hasPhone: true }))
      .toEqual({ channel: 'phone', basis: 'latest_claim' });
    expect(preferredChannel({ consents: [], latestClaimChannels: ['email', 'sms'], hasPhone: true })).toEqual({ channel: 'sms', basis: 'latest_claim' });
    expect(preferredChannel({ consents: [optedIn('sms', '2026-01-01T00:00:00Z')], latestClaimChannels: ['email'], hasPhone: true }))
      .toEqual({ channel: 'email', basis: 'latest_claim' });
  });

  it('skips claim channels that need a phone number the owner no longer has', () => {
    expect(preferredChannel({ consents: [], latestClaimChannels: ['sms', 'email'], hasPhone: false })).toEqual({ channel: 'email', basis: 'latest_claim' });
  });

  it('is otherwise the channel they most recently opted in to', () => {
    const consents = [optedIn('email', '2026-01-01T00:00:00Z'), optedIn('sms', '2026-02-01T00:00:00Z')];
    expect(preferredChannel({ consents, latestClaimChannels: null, hasPhone: true })).toEqual({ channel: 'sms', basis: 'consent' });
    expect(preferredChannel({ consents, latestClaimChannels: null, hasPhone: false })).toEqual({ channel: 'email', basis: 'consent' });
  });

  it('ignores withdrawn consent and falls back to email', () => {
    const consents = [optedIn('email', '2026-01-01T00:00:00Z', false), optedIn('sms', '2026-02-01T00:00:00Z', false)];
    expect(preferredChannel({ consents, latestClaimChannels: null, hasPhone: true })).toEqual({ channel: 'email', basis: 'email' });
    expect(preferredChannel({ consents: [], latestClaimChannels: [], hasPhone: true })).toEqual({ channel: 'email', basis: 'email' });
  });
});
