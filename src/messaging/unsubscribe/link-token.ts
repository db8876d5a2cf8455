import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import type { MessageChannel } from '../tables.ts';

/** What an unsubscribe or preference link stands for: one owner of one brand, and the channel it came by. */
export interface LinkSubject {
  readonly brandId: string;
  readonly ownerId: string;
  readonly channel: MessageChannel;
}

const version = 1;
const channelCodes: Record<MessageChannel, number> = { email: 1, sms: 2 };
const macBytes = 16;
const tokenBytes = 1 + 16 + 16 + 1 + macBytes;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

function mac(key: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).digest().subarray(0, macBytes);
}

/**
 * A link token: the subject in the clear (so the brand, whose key checks it, is known before any
 * lookup) and an HMAC-SHA256 over it with the brand's key, truncated to 128 bits. It cannot be made
 * for another owner without the key, and stays valid as long as the key does (links in old emails work).
 */
export function signLinkToken(key: Buffer, subject: LinkSubject): string {
  const payload = Buffer.concat([Buffer.from([version]), uuidBytes(subject.brandId), uuidBytes(subject.ownerId), Buffer.from([channelCodes[subject.channel]])]);
  return Buffer.concat([payload, mac(key, payload)]).toString('base64url');
}

/** The subject a token claims to be for, not yet checked: null when it is not shaped like a token. */
export function claimedSubject(token: string): LinkSubject | null {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== tokenBytes || bytes[0] !== version) return null;
  const channel = (Object.keys(channelCodes) as MessageChannel[]).find((name) => channelCodes[name] === bytes[33]);
  if (!channel) return null;
  return { brandId: uuidOf(bytes.subarray(1, 17)), ownerId: uuidOf(bytes.subarray(17, 33)), channel };
}

/** Whether the token was signed with `key` (in constant time). */
export function isSignedWith(token: string, key: Buffer): boolean {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== tokenBytes) return false;
  return timingSafeEqual(bytes.subarray(tokenBytes - macBytes), mac(key, bytes.subarray(0, tokenBytes - macBytes)));
}

/** The brand's link key, made on first use. */
export async function linkKeyOf(scope: BrandScope): Promise<Buffer> {
  const existing = await scope.db.selectFrom('messaging_link_keys').select('key').where('brand_id', '=', scope.brandId).executeTakeFirst();
  if (existing) return existing.key;
  await scope.db
    .insertInto('messaging_link_keys')
    .values({ brand_id: scope.brandId, key: randomBytes(32) })
    .onConflict((conflict) => conflict.column('brand_id').doNothing())
    .execute();
  const row = await scope.db.selectFrom('messaging_link_keys').select('key').where('brand_id', '=', scope.brandId).executeTakeFirstOrThrow();
  return row.key;
}

/** Where an owner unsubscribes in one click and manages every channel, without signing in. */
export interface OwnerLinks {
  readonly unsubscribeUrl: string;
  readonly preferencesUrl: string;
}

/** The unsubscribe and preference-centre links for an owner, to put in a message on `channel`. */
export async function ownerLinks(scope: BrandScope, publicUrl: string, brandSlug: string, ownerId: string, channel: MessageChannel): Promise<OwnerLinks> {
  const token = signLinkToken(await linkKeyOf(scope), { brandId: scope.brandId, ownerId, channel });
  const base = publicUrl.replace(/\/+$/, '');
  return { unsubscribeUrl: `${base}/u/${token}`, preferencesUrl: `${base}/o/${brandSlug}/contact-preferences/${token}` };
}
