import type { Selectable } from 'kysely';
import { z } from 'zod';
import { recordAudit, type AuditEntry } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import type { ClaimActorType, ClaimTables } from './tables.ts';

export type ClaimRow = Selectable<ClaimTables['claims']>;


/** Staff and brand systems are audited like every other change they make; the owner's own actions are the claim's record. */
export async function auditClaimChange(scope: BrandScope, actor: Actor, entry: AuditEntry): Promise<void> {
  if (actor.type !== 'owner') await recordAudit(scope, actor, entry);
}

const claimNumberPattern = /^C-[0-9]{1,12}$/;

/** Whether `ref` reads as a claim number (`C-10482`, any case); otherwise it must be an id. */
function isClaimNumber(ref: string): boolean {
  return claimNumberPattern.test(ref.trim().toUpperCase());
}

export const claimRefSchema = z
  .string()
  .refine((ref) => isClaimNumber(ref) || z.uuid().safeParse(ref).success, 'Give a claim id or a claim number like C-10482.');

/**
 * A claim, locked for the rest of the transaction so that two people changing it at once are taken
 * one after the other, each seeing what the other did.
 */
export async function lockClaim(scope: BrandScope, ref: string): Promise<ClaimRow> {
  const row = await selectClaim(scope, ref).forUpdate().executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no claim with this id or number in your brand.');
  return row;
}

/** A claim by id or number, or a 404 that says nothing about other brands. */
export async function findClaim(scope: BrandScope, ref: string): Promise<ClaimRow> {
  const row = await selectClaim(scope, ref).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no claim with this id or number in your brand.');
  return row;
}

function selectClaim(scope: BrandScope, ref: string) {
  const query = scope.db.selectFrom('claims').selectAll().where('brand_id', '=', scope.brandId);
  return isClaimNumber(ref) ? query.where('number', '=', ref.trim().toUpperCase()) : query.where('id', '=', ref);
}

/** A claim of one owner by its number, for the owner's pages; null for a number that is not theirs. */
export async function findOwnersClaim(scope: BrandScope, ownerId: string, number: string): Promise<ClaimRow | null> {
  if (!isClaimNumber(number)) return null;
  const row = await selectClaim(scope, number).where('owner_id', '=', ownerId).executeTakeFirst();
  return row ?? null;
}

/** Refuses changes to a closed claim: its record is final. */
export function assertNotClosed(claim: ClaimRow): void {
  if (claim.status === 'closed') throw new ApiError('claim_closed', `Claim ${claim.number} is closed and cannot be changed; file a new claim if the problem is back.`);
}
