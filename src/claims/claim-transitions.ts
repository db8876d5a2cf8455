import { type Actor, attributionOf } from '../access/principal.ts';
import { sql } from 'kysely';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { type Fulfilment, type TransitionRequest, checkTransition, nextStatuses } from './claim-lifecycle.ts';
import { noticeOwner } from './claim-notices.tsx';
import { type ClaimRow, lockClaim } from './claim-records.ts';

/** What claim changes need from outside the database: where owners' links point. */
export interface ClaimContext {
  readonly publicUrl: string;
}

/**
 * Moves a claim to another status if its lifecycle allows it, and refuses with the reason otherwise,
 * changing nothing. The claim row is locked first, so two agents acting at once cannot both move it
 * from the same status.
 */
export async function transitionClaim(scope: BrandScope, actor: Actor, ref: string, request: TransitionRequest, context: ClaimContext): Promise<ClaimRow> {
  const claim = await lockClaim(scope, ref);
  const check = checkTransition(claim.status, request);
  if (!check.ok) {
    if (check.problem === 'not_allowed') {
      throw new ApiError('claim_transition_not_allowed', `Claim ${claim.number}: ${check.message}`, { status: claim.status, allowed: nextStatuses(claim.status) });
    }
    throw invalidField(check.field, check.message);
  }
  return moveClaim(scope, actor, claim, request, context);
}

/**
 * Applies a move already checked against the lifecycle: the new status and what comes with it, the
 * transition record, the `claim.status_changed` event and the owner's notice, all in the caller's
 * transaction. A move by staff is the brand's first response if there was none yet.
 */
export async function moveClaim(scope: BrandScope, actor: Actor, claim: ClaimRow, request: TransitionRequest, context: ClaimContext): Promise<ClaimRow> {
  const reason = request.reason?.trim() || null;
  const now = sql<Date>`now()`;
  const byBrand = actor.type === 'staff' || actor.type === 'api_key';
  const updated = await scope.db
    .updateTable('claims')
    .set({
      status: request.to,
      status_changed_at: now,
      updated_at: now,
      ...(request.to === 'denied' ? { denial_reason: reason } : {}),
      ...(request.to === 'fulfilment' && request.fulfilment ? fulfilmentColumns(request.fulfilment) : {}),
      ...(request.to === 'resolved' ? { resolved_at: now } : {}),
      ...(request.to === 'closed' ? { closed_at: now } : {}),
      ...(byBrand && claim.first_response_at === null ? { first_response_at: now } : {}),
    })
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', claim.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const by = attributionOf(actor);
  const transition = await scope.db
    .insertInto('claim_transitions')
    .values({ brand_id: scope.brandId, claim_id: claim.id, from_status: claim.status, to_status: request.to, reason, actor_type: by.type, actor_id: by.id, actor_label: by.label })
    .returning('id')
    .executeTakeFirstOrThrow();
  await publishEvent(scope, {
    type: 'claim.status_changed',
    subjectType: 'claim',
    subjectId: claim.id,
    payload: {
      claimId: claim.id,
      number: claim.number,
      ownerId: claim.owner_id,
      ownershipId: claim.ownership_id,
      modelId: claim.model_id,
      from: claim.status,
      to: request.to,
      reason,
      actor: by,
      transitionId: transition.id,
    },
  });
  await noticeOwner(scope, updated, { kind: 'status', transitionId: transition.id, status: request.to, reason }, context.publicUrl);
  return updated;
}

/** The claim's fulfilment columns for one way of fulfilling it; the other ways' columns are cleared. */
function fulfilmentColumns(fulfilment: Fulfilment) {
  const cleared = { repair_booked_for: null, carrier: null, tracking_number: null, refund_amount_minor: null, refund_currency: null };
  switch (fulfilment.kind) {
    case 'repair':
      return { ...cleared, fulfilment_kind: fulfilment.kind, repair_booked_for: new Date(fulfilment.bookedFor) };
    case 'replacement':
      return { ...cleared, fulfilment_kind: fulfilment.kind, carrier: fulfilment.carrier, tracking_number: fulfilment.trackingNumber };
    case 'refund':
      return { ...cleared, fulfilment_kind: fulfilment.kind, refund_amount_minor: fulfilment.amountMinor, refund_currency: fulfilment.currency };
  }
}
