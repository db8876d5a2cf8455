import { type RawBuilder, sql } from 'kysely';
import { translatorFor } from '../owner-site/i18n.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { invalidField } from '../platform/http/errors.ts';
import { type ClaimUpload, attachFiles } from './claim-attachments.ts';
import { answered, insertMessage } from './claim-conversation.ts';
import { checkTransition } from './claim-lifecycle.ts';
import { noticeOwner } from './claim-notices.tsx';
import type { OwnerActor, Actor } from '../access/principal.ts';
import { type ClaimRow, assertNotClosed, auditClaimChange, lockClaim } from './claim-records.ts';
import { type ClaimContext, moveClaim } from './claim-transitions.ts';

/** Staff who may be given claims: admins and agents whose accounts are enabled. */
export async function assignableStaff(scope: BrandScope) {
  return scope.db
    .selectFrom('staff_users')
    .select(['id', 'name', 'email', 'role'])
    .where('brand_id', '=', scope.brandId)
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['admin', 'agent'])
    .orderBy('name')
    .execute();
}

/** Gives a claim to a staff member (or to nobody, with null). */
export async function assignClaim(scope: BrandScope, actor: Actor, ref: string, assigneeId: string | null): Promise<ClaimRow> {
  const claim = await lockClaim(scope, ref);
  assertNotClosed(claim);
  if (assigneeId !== null && !(await assignableStaff(scope)).some((staff) => staff.id === assigneeId)) {
    throw invalidField('assigneeId', 'There is no enabled admin or agent with this id in your brand.');
  }
  const updated = await touch(scope, claim, { assignee_id: assigneeId });
  await auditClaimChange(scope, actor, { action: 'claim.assigned', subjectType: 'claim', subjectId: claim.id, changes: { assigneeId: [claim.assignee_id, assigneeId] } });
  return updated;
}

/** Records the return authorisation the brand issued for the claim (null clears it). */
export async function setRmaNumber(scope: BrandScope, actor: Actor, ref: string, rmaNumber: string | null): Promise<ClaimRow> {
  const claim = await lockClaim(scope, ref);
  assertNotClosed(claim);
  const updated = await touch(scope, claim, { rma_number: rmaNumber });
  await auditClaimChange(scope, actor, { action: 'claim.rma_set', subjectType: 'claim', subjectId: claim.id, changes: { rmaNumber: [claim.rma_number, rmaNumber] } });
  return updated;
}

/**
 * Asks the owner for their proof of purchase. A claim still being looked at waits for it (needs_info,
 * with the request as the reason the owner reads); a claim further along gets the request as a reply.
 */
export async function requestProof(scope: BrandScope, actor: Actor, ref: string, note: string | null, context: ClaimContext): Promise<ClaimRow> {
  const claim = await lockClaim(scope, ref);
  assertNotClosed(claim);
  const owner = await scope.db.selectFrom('owners').select('language').where('id', '=', claim.owner_id).executeTakeFirstOrThrow();
  const request = note?.trim() || translatorFor(owner.language)('claims.proofRequestDefault');
  const flagged = await touch(scope, claim, { proof_requested: true });
  if (checkTransition(claim.status, { to: 'needs_info', reason: request }).ok) {
    return moveClaim(scope, actor, flagged, { to: 'needs_info', reason: request }, context);
  }
  const messageId = await insertMessage(scope, actor, claim, 'owner', request);
  const replied = await touch(scope, flagged, claim.first_response_at === null ? { first_response_at: sql<Date>`now()` } : {});
  await noticeOwner(scope, replied, { kind: 'reply', messageId, body: request }, context.publicUrl);
  return replied;
}

/**
 * Staff decide on the receipt the owner sent: the ownership's proof status changes (which the warranty
 * reads), the request is settled, and the timeline says who decided what. A rejection is told to the owner.
 */
export async function decideProof(
  scope: BrandScope,
  actor: Actor,
  ref: string,
  decision: { readonly verdict: 'verified' | 'rejected'; readonly reason: string | null },
  context: ClaimContext,
): Promise<ClaimRow> {
  const claim = await lockClaim(scope, ref);
  assertNotClosed(claim);
  const ownership = await scope.db.selectFrom('ownerships').select(['proof_file_id', 'proof_status']).where('id', '=', claim.ownership_id).executeTakeFirstOrThrow();
  if (!ownership.proof_file_id) throw invalidField('verdict', 'There is no proof of purchase on file for this product yet; request it first.');
  await scope.db.updateTable('ownerships').set({ proof_status: decision.verdict, updated_at: new Date() }).where('id', '=', claim.ownership_id).execute();
  const updated = await touch(scope, claim, { proof_requested: false });
  const reason = decision.reason?.trim() || null;
  await insertMessage(scope, actor, claim, 'internal', `Proof of purchase ${decision.verdict}${reason ? `: ${reason}` : '.'}`);
  if (decision.verdict === 'rejected') {
    const owner = await scope.db.selectFrom('owners').select('language').where('id', '=', claim.owner_id).executeTakeFirstOrThrow();
    const body = [translatorFor(owner.language)('claims.proofRejected'), reason].filter(Boolean).join('\n');
    const messageId = await insertMessage(scope, actor, claim, 'owner', body);
    await noticeOwner(scope, updated, { kind: 'reply', messageId, body }, context.publicUrl);
  }
  await auditClaimChange(scope, actor, { action: `ownership.proof_${decision.verdict}`, subjectType: 'ownership', subjectId: claim.ownership_id, changes: { proofStatus: [ownership.proof_status, decision.verdict], claim: claim.number, reason } });
  return updated;
}

/**
 * The owner sends their receipt from the claim: it becomes the product's proof of purchase (to be
 * verified), is attached to the claim, and answers a request for it.
 */
export async function submitProofFromClaim(scope: BrandScope, actor: OwnerActor, claim: ClaimRow, upload: ClaimUpload, context: ClaimContext): Promise<ClaimRow> {
  const locked = await lockClaim(scope, claim.id);
  assertNotClosed(locked);
  const [file] = await attachFiles(scope, actor, locked, [upload], { visibility: 'owner', purpose: 'proof' });
  await scope.db.updateTable('ownerships').set({ proof_file_id: file?.id ?? null, proof_status: 'submitted', updated_at: new Date() }).where('id', '=', locked.ownership_id).execute();
  const owner = await scope.db.selectFrom('owners').select('language').where('id', '=', locked.owner_id).executeTakeFirstOrThrow();
  await insertMessage(scope, actor, locked, 'owner', translatorFor(owner.language)('claims.proofSent'));
  return answered(scope, actor, await touch(scope, locked, { proof_requested: false }), context);
}

function touch(scope: BrandScope, claim: ClaimRow, changes: Partial<{ assignee_id: string | null; rma_number: string | null; proof_requested: boolean; first_response_at: RawBuilder<Date> }>) {
  return scope.db
    .updateTable('claims')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', claim.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
