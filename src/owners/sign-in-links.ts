import { randomInt } from 'node:crypto';
import { newToken, sha256 } from '../access/secrets.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';

const maxCodeAttempts = 5;

export interface SignInLink {
  /** Goes into the link's path; only its sha256 is stored. */
  readonly token: string;
  /** Six digits, for an owner who reads the email on another device. */
  readonly code: string;
}

/** A single-use way in for an owner: a link and a code, valid for `minutes`. */
export async function issueSignInLink(scope: BrandScope, ownerId: string, minutes: number): Promise<SignInLink> {
  const token = newToken();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await scope.db
    .insertInto('owner_sign_in_tokens')
    .values({
      brand_id: scope.brandId,
      owner_id: ownerId,
      link_hash: sha256(token),
      code_hash: sha256(`${ownerId}:${code}`),
      expires_at: new Date(Date.now() + minutes * 60_000),
    })
    .execute();
  return { token, code };
}

/** The owner a link lets in, spending it; null when it is unknown, used or expired. */
export async function redeemSignInLink(scope: BrandScope, token: string): Promise<string | null> {
  const row = await scope.db
    .updateTable('owner_sign_in_tokens')
    .set({ used_at: new Date() })
    .where('link_hash', '=', sha256(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('owner_id')
    .executeTakeFirst();
  return row?.owner_id ?? null;
}

/** Whether a link is still good, without spending it (the page before the owner presses Continue). */
export async function isSignInLinkUsable(scope: BrandScope, token: string): Promise<boolean> {
  const row = await scope.db
    .selectFrom('owner_sign_in_tokens')
    .select('id')
    .where('link_hash', '=', sha256(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row !== undefined;
}

export type CodeRedemption = { readonly ok: true; readonly ownerId: string } | { readonly ok: false; readonly reason: 'wrong' | 'locked' };

/**
 * Checks a code against the owner's latest unused link. Each wrong code counts against that link;
 * after five, the link and its code are spent, so six digits cannot be guessed.
 */
export async function redeemSignInCode(scope: BrandScope, email: string, code: string): Promise<CodeRedemption> {
  const latest = await scope.db
    .selectFrom('owner_sign_in_tokens as t')
    .innerJoin('owners as o', 'o.id', 't.owner_id')
    .select(['t.id', 't.owner_id', 't.code_hash', 't.code_attempts'])
    .where('o.email', '=', email)
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', new Date())
    .orderBy('t.created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!latest) return { ok: false, reason: 'wrong' };
  if (latest.code_attempts >= maxCodeAttempts) return { ok: false, reason: 'locked' };
  if (!/^[0-9]{6}$/.test(code) || !sha256(`${latest.owner_id}:${code}`).equals(latest.code_hash)) {
    const attempts = latest.code_attempts + 1;
    await scope.db
      .updateTable('owner_sign_in_tokens')
      .set({ code_attempts: attempts, used_at: attempts >= maxCodeAttempts ? new Date() : null })
      .where('id', '=', latest.id)
      .execute();
    return { ok: false, reason: attempts >= maxCodeAttempts ? 'locked' : 'wrong' };
  }
  await scope.db.updateTable('owner_sign_in_tokens').set({ used_at: new Date() }).where('id', '=', latest.id).execute();
  return { ok: true, ownerId: latest.owner_id };
}
