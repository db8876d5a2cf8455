import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimedSubject, signLinkToken } from '../messaging/unsubscribe/link-token.ts';
import { checkReviewToken, claimedReviewSubject, reviewLinkExpiry, reviewLinkLifetimeDays, signReviewToken } from './review-link.ts';

const key = randomBytes(32);
const subject = { brandId: randomUUID(), ownershipId: randomUUID(), expiresAt: new Date('2026-09-01T00:00:00Z') };
const before = new Date('2026-08-31T23:59:59Z');

describe('review link tokens', () => {
  it('carry the brand, the ownership and the expiry, and check out with the brand\'s key until then', () => {
    const token = signReviewToken(key, subject);
    expect(token).toMatch(/^[A-Za-z0-9_-]{71}$/);
    expect(claimedReviewSubject(token)).toEqual(subject);
    expect(checkReviewToken(token, key, before)).toBe('valid');
    expect(checkReviewToken(token, key, subject.expiresAt)).toBe('expired');
  });

  it('are refused when signed with another key, altered, or cut short', () => {
    const token = signReviewToken(key, subject);
    expect(checkReviewToken(token, randomBytes(32), before)).toBe('forged');
    // Another ownership, or a later expiry, with the original signature.
    const bytes = Buffer.from(token, 'base64url');
    const otherOwnership = Buffer.from(bytes);
    otherOwnership[20] = (otherOwnership[20] as number) ^ 1;
    expect(checkReviewToken(otherOwnership.toString('base64url'), key, before)).toBe('forged');
    const longer = Buffer.from(bytes);
    longer.writeUInt32BE(longer.readUInt32BE(33) + 365 * 86_400, 33);
    expect(checkReviewToken(longer.toString('base64url'), key, before)).toBe('forged');
    expect(checkReviewToken(token.slice(0, -2), key, before)).toBe('forged');
    expect(checkReviewToken('not a token!', key, before)).toBe('forged');
  });

  it('are never taken for preference links, nor preference links for them, under the same key', () => {
    const preference = signLinkToken(key, { brandId: subject.brandId, ownerId: subject.ownershipId, channel: 'email' });
    expect(claimedReviewSubject(preference)).toBeNull();
    expect(checkReviewToken(preference, key, before)).toBe('forged');
    expect(claimedSubject(signReviewToken(key, subject))).toBeNull();
  });

  it(`work ${reviewLinkLifetimeDays} days, to the end of the day, the same for every link made that day`, () => {
    expect(reviewLinkExpiry(new Date('2026-01-10T08:00:00Z')).toISOString()).toBe('2026-07-10T00:00:00.000Z');
    expect(reviewLinkExpiry(new Date('2026-01-10T23:59:00Z'))).toEqual(reviewLinkExpiry(new Date('2026-01-10T00:00:00Z')));
  });
});
