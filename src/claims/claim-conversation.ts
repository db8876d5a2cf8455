import { sql } from 'kysely';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { type ClaimUpload, attachFiles } from './claim-attachments.ts';
import { noticeOwner } from './claim-notices.tsx';
import { type OwnerActor, type Actor, attributionOf } from '../access/principal.ts';
import { type ClaimRow, assertNotClosed, auditClaimChange, lockClaim } from './claim-records.ts';
import { type ClaimContext, moveClaim } from './claim-transitions.ts';
import type { ClaimVisibility } from './tables.ts';

export const maxMessageLength = 4000;

/**
 * Staff write on a claim: an internal note (staff only) or a reply the owner sees and is sent. A reply
 * is the brand's first response if there was none yet.
 */
export async function addStaffMessage(
  scope: BrandScope,
  actor: Actor,
  ref: string,
  message: { readonly visibility: ClaimVisibility; readonly body: string },
  context: ClaimContext,
): Promise<{ claim: ClaimRow; messageId: string }> {
  const claim = await lockClaim(scope, ref);
  assertNotClosed(claim);
  const messageId = await insertMessage(scope, actor, claim, message.visibility, message.body);
  const now = sql<Date>`now()`;
  const updated = await scope.db
    .updateTable('claims')
    .set({ updated_at: now, ...(message.visibility === 'owner' && claim.first_response_at === null ? { first_response_at: now } : {}) })
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', claim.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (message.visibility === 'owner') await noticeOwner(scope, updated, { kind: 'reply', messageId, body: message.body.trim() }, context.publicUrl);
  await auditClaimChange(scope, actor, { action: message.visibility === 'owner' ? 'claim.replied' : 'claim.noted', subjectType: 'claim', subjectId: claim.id, changes: { number: claim.number } });
  return { claim: updated, messageId };
}

/**
 * The owner answers on their claim, with photos if they like. A claim waiting for information goes
 * back to review: the answer is what the brand asked for.
 */
export async function addOwnerReply(
  scope: BrandScope,
  actor: OwnerActor,
  claim: ClaimRow,
  reply: { readonly body: string; readonly photos: readonly ClaimUpload[] },
  context: ClaimContext,
): Promise<ClaimRow> {
  const locked = await lockClaim(scope, claim.id);
  assertNotClosed(locked);
  await attachFiles(scope, actor, locked, reply.photos, { visibility: 'owner', purpose: 'image' });
  if (reply.body.trim()) await insertMessage(scope, actor, locked, 'owner', reply.body);
  return answered(scope, actor, locked, context);
}

/** After the owner gave something: a claim that waited for it returns to review; any other is just touched. */
export async function answered(scope: BrandScope, actor: Actor, claim: ClaimRow, context: ClaimContext): Promise<ClaimRow> {
  if (claim.status === 'needs_info') return moveClaim(scope, actor, claim, { to: 'in_review' }, context);
  return scope.db.updateTable('claims').set({ updated_at: sql<Date>`now()` }).where('brand_id', '=', scope.brandId).where('id', '=', claim.id).returningAll().executeTakeFirstOrThrow();
}

/** Writes one message on a claim, attributed to its author. */
export async function insertMessage(scope: BrandScope, actor: Actor, claim: Pick<ClaimRow, 'id'>, visibility: ClaimVisibility, body: string): Promise<string> {
  const by = attributionOf(actor);
  const row = await scope.db
    .insertInto('claim_messages')
    .values({ brand_id: scope.brandId, claim_id: claim.id, visibility, author_type: by.type, author_id: by.id, author_label: by.label, body: body.trim() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
