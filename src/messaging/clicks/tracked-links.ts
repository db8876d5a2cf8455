import { randomBytes } from 'node:crypto';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import type { MessageChannel } from '../tables.ts';

/** Whose links these are: one message (by its dedupe key), or a campaign's shared links. */
export interface LinkOwner {
  readonly channel: MessageChannel;
  readonly campaign: string;
  readonly templateKey: string;
  readonly ownerId: string | null;
  /** The dedupe key the message will be queued with; null: links shared by the campaign. */
  readonly dedupeKey: string | null;
  /** OpenOX's public address: tracked links are `<publicUrl>/c/<token>`. */
  readonly publicUrl: string;
}

/** 128 random bits: a token cannot be guessed, so a click cannot be counted for someone else's message. */
function newLinkToken(): string {
  return randomBytes(16).toString('base64url');
}

export function trackedAddress(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/c/${token}`;
}

/**
 * The tracked stand-in for each web address, in the caller's transaction. Rendering the same message
 * again (a retried journey step) finds its rows by the dedupe key and gets the same tokens back, so a
 * message rendered twice still has one link per address.
 */
export async function trackLinks(scope: BrandScope, owner: LinkOwner, urls: readonly string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(urls)];
  if (distinct.length === 0) return new Map();
  const rows = distinct.map((url) => ({
    brand_id: scope.brandId,
    token: newLinkToken(),
    dedupe_key: owner.dedupeKey,
    owner_id: owner.ownerId,
    channel: owner.channel,
    campaign: owner.campaign,
    template_key: owner.templateKey,
    url,
  }));
  const saved = await scope.db
    .insertInto('message_links')
    .values(rows)
    .onConflict((conflict) =>
      (owner.dedupeKey === null
        ? conflict.columns(['brand_id', 'campaign', 'template_key', 'channel', 'url']).where('dedupe_key', 'is', null)
        : conflict.columns(['brand_id', 'dedupe_key', 'url']).where('dedupe_key', 'is not', null)
      ).doUpdateSet((eb) => ({ url: eb.ref('excluded.url') })),
    )
    .returning(['url', 'token'])
    .execute();
  return new Map(saved.map((row) => [row.url, trackedAddress(owner.publicUrl, row.token)]));
}
