import { createHmac, timingSafeEqual } from 'node:crypto';
import { linkKeyOf } from '../messaging/unsubscribe/link-token.ts';
import { type BrandSite, brandSiteBySlug, sitePath } from '../owner-site/brand-site.ts';
import type { Db } from '../platform/database/database.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';

/**
 * How long a review link in a message works. Long, since owners often come back to an email weeks
 * later; bounded, since the link is a credential for writing under the owner's name and a forwarded
 * or leaked email should not stay one for ever. After it, the owner signs in and writes from My products.
 */
export const reviewLinkLifetimeDays = 180;

/** What a review link stands for: one ownership of one brand, until a moment. */
export interface ReviewLinkSubject {
  readonly brandId: string;
  readonly ownershipId: string;
  readonly expiresAt: Date;
}

// Unlike the preference links' version byte (1), so neither kind of token is ever taken for the other.
const version = 0x52;
const macBytes = 16;
const tokenBytes = 1 + 16 + 16 + 4 + macBytes;
// The brand's link key also signs preference links: the MAC input says which kind of link it is.
const purpose = Buffer.from('openox review link\0');

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
const mac = (key: Buffer, payload: Buffer) => createHmac('sha256', key).update(purpose).update(payload).digest().subarray(0, macBytes);

/**
 * When a link made at `now` stops working: the end of the UTC day `reviewLinkLifetimeDays` on. Links
 * made on one day are identical, so a message rendered again (a retried journey step) has the same link.
 */
export function reviewLinkExpiry(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + reviewLinkLifetimeDays + 1));
}

/**
 * A review link token: the subject in the clear (the brand, whose key checks it, is known before any
 * lookup), its expiry in seconds, and an HMAC-SHA256 over both with the brand's link key, cut to 128
 * bits. Without the key no one can make one for another ownership or stretch its lifetime.
 */
export function signReviewToken(key: Buffer, subject: ReviewLinkSubject): string {
  const expiry = Buffer.alloc(4);
  expiry.writeUInt32BE(Math.floor(subject.expiresAt.getTime() / 1000));
  const payload = Buffer.concat([Buffer.from([version]), uuidBytes(subject.brandId), uuidBytes(subject.ownershipId), expiry]);
  return Buffer.concat([payload, mac(key, payload)]).toString('base64url');
}

/** What a token claims, not yet checked: null when it is not shaped like a review token. */
export function claimedReviewSubject(token: string): ReviewLinkSubject | null {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== tokenBytes || bytes[0] !== version) return null;
  return { brandId: uuidOf(bytes.subarray(1, 17)), ownershipId: uuidOf(bytes.subarray(17, 33)), expiresAt: new Date(bytes.readUInt32BE(33) * 1000) };
}

export type ReviewTokenCheck = 'valid' | 'expired' | 'forged';

/** Whether the token was signed with `key` (in constant time), and if so whether it still works at `now`. */
export function checkReviewToken(token: string, key: Buffer, now: Date): ReviewTokenCheck {
  const subject = claimedReviewSubject(token);
  if (!subject) return 'forged';
  const bytes = Buffer.from(token, 'base64url');
  const signed = timingSafeEqual(bytes.subarray(tokenBytes - macBytes), mac(key, bytes.subarray(0, tokenBytes - macBytes)));
  if (!signed) return 'forged';
  return now < subject.expiresAt ? 'valid' : 'expired';
}

/** The signed address where the owner of `ownershipId` writes (or edits) their review without signing in. */
export async function reviewLinkFor(scope: BrandScope, context: { publicUrl: string; brandSlug: string; ownershipId: string; now?: Date }): Promise<string> {
  const token = signReviewToken(await linkKeyOf(scope), { brandId: scope.brandId, ownershipId: context.ownershipId, expiresAt: reviewLinkExpiry(context.now ?? new Date()) });
  return `${context.publicUrl.replace(/\/+$/, '')}${sitePath({ slug: context.brandSlug }, `/review/${token}`)}`;
}

/** A review link opened on the brand site `/o/<slug>/review/<token>`, once checked. */
export type OpenedReviewLink =
  | { readonly kind: 'valid'; readonly brand: BrandSite; readonly ownershipId: string }
  | { readonly kind: 'expired'; readonly brand: BrandSite }
  | { readonly kind: 'forged'; readonly brand: BrandSite }
  | { readonly kind: 'no_brand' };

/** Checks a review link against the brand whose site it was opened on. */
export async function openReviewLink(db: Db, slug: string, token: string, now = new Date()): Promise<OpenedReviewLink> {
  const brand = await brandSiteBySlug(db, slug);
  if (!brand) return { kind: 'no_brand' };
  const subject = claimedReviewSubject(token);
  if (!subject || subject.brandId !== brand.id) return { kind: 'forged', brand };
  const check = await inBrand(db, brand.id, async (scope) => checkReviewToken(token, await linkKeyOf(scope), now));
  if (check === 'forged') return { kind: 'forged', brand };
  if (check === 'expired') return { kind: 'expired', brand };
  return { kind: 'valid', brand, ownershipId: subject.ownershipId };
}
