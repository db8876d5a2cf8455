import { type Actor, attributionOf } from '../access/principal.ts';
import { sql } from 'kysely';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import type { Entitlement } from '../warranty/entitlement.ts';
import { entitlementView } from '../warranty/entitlement-view.ts';
import { ownershipEntitlement } from '../warranty/ownership-entitlement.ts';
import { type ClaimUpload, attachFiles } from './claim-attachments.ts';
import type { CheckedClaim } from './claim-input.ts';
import { noticeOwner } from './claim-notices.tsx';
import { type ClaimRow } from './claim-records.ts';
import type { ClaimContext } from './claim-transitions.ts';
import { type ProductCategoryProblems, problemCategoriesFor } from './problem-categories.ts';
import type { ClaimKind, ClaimSource } from './tables.ts';

/** Everything a claim is filed against, already known: the product, its owner, its warranty today, what can be wrong with it. */
export interface ClaimTarget {
  readonly ownership: { readonly id: string; readonly serial: string | null; readonly purchaseDate: string | null };
  readonly owner: { readonly id: string; readonly name: string; readonly email: string; readonly phone: string | null; readonly country: string | null };
  readonly model: { readonly id: string; readonly name: string; readonly category: string };
  readonly entitlement: Entitlement | null;
  readonly problems: ProductCategoryProblems;
}

/**
 * The product a claim would be filed for, or null when there is no such active product, or (given
 * `ownerId`) it is not that owner's: the caller answers both the same way, so a guess reveals nothing.
 */
export async function claimTarget(scope: BrandScope, ownershipId: string, ownerId?: string): Promise<ClaimTarget | null> {
  const row = await scope.db
    .selectFrom('ownerships as o')
    .innerJoin('owners as w', 'w.id', 'o.owner_id')
    .innerJoin('models as m', 'm.id', 'o.model_id')
    .select(['o.id', 'o.serial', 'o.purchase_date', 'w.id as owner_id', 'w.name as owner_name', 'w.email', 'w.phone', 'w.country', 'm.id as model_id', 'm.name as model_name', 'm.category'])
    .where('o.brand_id', '=', scope.brandId)
    .where('o.id', '=', ownershipId)
    .where('o.status', '=', 'active')
    .$if(ownerId !== undefined, (query) => query.where('o.owner_id', '=', ownerId as string))
    .executeTakeFirst();
  if (!row) return null;
  const [entitlement, problems] = await Promise.all([ownershipEntitlement(scope, row.id), problemCategoriesFor(scope, row.category)]);
  return {
    ownership: { id: row.id, serial: row.serial, purchaseDate: row.purchase_date },
    owner: { id: row.owner_id, name: row.owner_name, email: row.email, phone: row.phone, country: row.country },
    model: { id: row.model_id, name: row.model_name, category: row.category },
    entitlement,
    problems,
  };
}

export interface NewClaim {
  readonly details: CheckedClaim;
  /** Asked for by an agent or a brand system; the owner's page lets the warranty decide. */
  readonly kind?: ClaimKind | undefined;
  /** The form submission or request that files it: the same id again returns the claim it filed. */
  readonly submissionId: string | null;
  readonly photos: readonly ClaimUpload[];
}

/**
 * Files a claim with the warranty as it stands today. A product out of warranty is not refused: the
 * claim becomes a paid service request and says why. The same submission id twice files one claim
 * (the second waits for the first and returns it). Photos are checked before anything is kept.
 */
export async function fileClaim(scope: BrandScope, actor: Actor, target: ClaimTarget, claim: NewClaim, context: ClaimContext): Promise<{ claim: ClaimRow; created: boolean }> {
  if (claim.submissionId) {
    // Held until commit: a retry arriving meanwhile waits here, then finds the claim below.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`claim-submission:${scope.brandId}:${claim.submissionId}`}, 0))`.execute(scope.db);
    const earlier = await scope.db.selectFrom('claims').selectAll().where('brand_id', '=', scope.brandId).where('submission_id', '=', claim.submissionId).executeTakeFirst();
    if (earlier) return { claim: earlier, created: false };
  }

  const problem = target.problems.categories.find((category) => category.code === claim.details.problemCategory);
  if (!problem) throw invalidField('problemCategory', "This is not one of the problem categories of this product's category.");
  const entitlement = target.entitlement;
  if (!entitlement) throw new ApiError('not_found', 'There is no such product.');
  const covered = entitlement.covered;
  const by = attributionOf(actor);
  const number = await nextClaimNumber(scope);
  const row = await scope.db
    .insertInto('claims')
    .values({
      brand_id: scope.brandId,
      number,
      ownership_id: target.ownership.id,
      owner_id: target.owner.id,
      model_id: target.model.id,
      kind: covered ? (claim.kind ?? 'warranty') : 'service',
      paid_service: !covered,
      service_note: covered ? null : paidServiceNote(entitlement),
      problem_category: problem.code,
      problem_label: problem.label,
      description: claim.details.description,
      video_url: claim.details.videoUrl,
      contact_channels: [...claim.details.contactChannels],
      contact_phone: claim.details.contactPhone,
      coverage: JSON.stringify(entitlementView(entitlement)),
      source: sourceOf(actor),
      created_by_type: by.type,
      created_by_id: by.id,
      created_by_label: by.label,
      submission_id: claim.submissionId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  await attachFiles(scope, actor, row, claim.photos, { visibility: 'owner', purpose: 'image' });
  // A number given to be reached on is kept for the owner's next form too, if they had none.
  if (claim.details.contactPhone && !target.owner.phone) {
    await scope.db.updateTable('owners').set({ phone: claim.details.contactPhone, updated_at: new Date() }).where('id', '=', target.owner.id).execute();
  }
  const transition = await scope.db
    .insertInto('claim_transitions')
    .values({ brand_id: scope.brandId, claim_id: row.id, from_status: null, to_status: 'submitted', reason: null, actor_type: by.type, actor_id: by.id, actor_label: by.label })
    .returning('id')
    .executeTakeFirstOrThrow();
  await publishEvent(scope, {
    type: 'claim.submitted',
    subjectType: 'claim',
    subjectId: row.id,
    payload: {
      claimId: row.id,
      number: row.number,
      ownerId: row.owner_id,
      ownershipId: row.ownership_id,
      modelId: row.model_id,
      kind: row.kind,
      paidService: row.paid_service,
      problemCategory: row.problem_category,
      source: row.source,
      actor: by,
    },
  });
  await noticeOwner(scope, row, { kind: 'status', transitionId: transition.id, status: 'submitted', reason: null }, context.publicUrl);
  return { claim: row, created: true };
}

/**
 * The brand's next claim number. The counter row stays locked until the claim commits, so numbers are
 * unique and, since a rolled-back claim rolls its number back too, without gaps.
 */
async function nextClaimNumber(scope: BrandScope): Promise<string> {
  const { last_number } = await scope.db
    .insertInto('claim_number_counters')
    .values({ brand_id: scope.brandId, last_number: 10001 })
    .onConflict((conflict) => conflict.column('brand_id').doUpdateSet({ last_number: sql<number>`claim_number_counters.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `C-${last_number}`;
}

function sourceOf(actor: Actor): ClaimSource {
  if (actor.type === 'owner') return 'owner_page';
  return actor.type === 'staff' ? 'console' : 'api';
}

/** Why a claim is a paid service request, for the agent who quotes the owner. */
function paidServiceNote(entitlement: Entitlement): string {
  if (entitlement.excludedBecause) return `No warranty applies (${entitlement.excludedBecause.replaceAll('_', ' ')}): filed as a paid service request. Quote the owner before any work.`;
  const ended = [
    entitlement.parts.until ? `parts coverage ended ${entitlement.parts.until}` : null,
    entitlement.labour.until ? `labour coverage ended ${entitlement.labour.until}` : null,
  ].filter(Boolean);
  return `Out of warranty${ended.length > 0 ? ` (${ended.join(', ')})` : ''}: filed as a paid service request. Quote the owner before any work.`;
}
