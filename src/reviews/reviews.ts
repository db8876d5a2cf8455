import { sql } from 'kysely';
import { recordAudit } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { type ReviewInput, publicAuthorName } from './review-input.ts';
import type { ReviewView } from './review-schema.ts';
import { type RemovalReason, type ReviewStatus } from './tables.ts';

/** The owner's own review as their pages show it. */
export interface OwnReview {
  readonly id: string;
  readonly rating: number;
  readonly title: string;
  readonly body: string;
  readonly authorName: string;
  readonly language: string;
  readonly verifiedOwner: boolean;
  readonly status: ReviewStatus;
  readonly removedReason: RemovalReason | null;
  readonly updatedAt: Date;
}

/** One ownership, as the review pages need it: the product, its owner, and the review written so far. */
export interface ReviewTarget {
  readonly ownership: { readonly id: string; readonly serial: string | null; readonly active: boolean };
  readonly model: { readonly id: string; readonly name: string };
  readonly owner: { readonly id: string; readonly name: string; readonly language: string };
  readonly review: OwnReview | null;
}

/** The ownership `ownershipId` with its model, owner and review; null when the brand has no such ownership. */
export async function reviewTarget(scope: BrandScope, ownershipId: string): Promise<ReviewTarget | null> {
  const row = await scope.db
    .selectFrom('ownerships as o')
    .innerJoin('models as m', 'm.id', 'o.model_id')
    .innerJoin('owners as w', 'w.id', 'o.owner_id')
    .select(['o.id', 'o.serial', 'o.status', 'o.model_id', 'm.name as model_name', 'o.owner_id', 'w.name as owner_name', 'w.language as owner_language'])
    .where('o.brand_id', '=', scope.brandId)
    .where('o.id', '=', ownershipId)
    .executeTakeFirst();
  if (!row) return null;
  const review = await scope.db.selectFrom('reviews').selectAll().where('ownership_id', '=', ownershipId).executeTakeFirst();
  return {
    ownership: { id: row.id, serial: row.serial, active: row.status === 'active' },
    model: { id: row.model_id, name: row.model_name },
    owner: { id: row.owner_id, name: row.owner_name, language: row.owner_language },
    review: review
      ? {
        id: review.id,
        rating: review.rating,
        title: review.title,
        body: review.body,
        authorName: review.author_name,
        language: review.language,
        verifiedOwner: review.verified_owner,
        status: review.status,
        removedReason: review.removed_reason,
        updatedAt: review.updated_at,
      }
      : null,
  };
}

/**
 * Publishes the owner's review of their product, or their edit of it, at once, whatever the rating:
 * one review per ownership, and `review.submitted` in the same transaction. Sending the same words
 * again changes nothing (a double-tapped button). Changed words publish again even after the brand
 * removed an earlier version; the brand may remove the new one too, for a reason.
 * Only the owner of an active ownership writes here, so every review is a verified owner's.
 */
export async function submitReview(scope: BrandScope, target: ReviewTarget, input: ReviewInput, language: string): Promise<{ reviewId: string; changed: boolean }> {
  if (!target.ownership.active) throw new ApiError('conflict', 'This product is no longer registered to this owner, so no review can be written for it.');
  const db = scope.db;
  const written = await db
    .insertInto('reviews')
    .values({
      brand_id: scope.brandId,
      ownership_id: target.ownership.id,
      owner_id: target.owner.id,
      model_id: target.model.id,
      rating: input.rating,
      title: input.title,
      body: input.body,
      language,
      author_name: publicAuthorName(target.owner.name),
      verified_owner: true,
    })
    .onConflict((conflict) =>
      conflict
        .column('ownership_id')
        .doUpdateSet((eb) => ({
          rating: eb.ref('excluded.rating'),
          title: eb.ref('excluded.title'),
          body: eb.ref('excluded.body'),
          language: eb.ref('excluded.language'),
          author_name: eb.ref('excluded.author_name'),
          verified_owner: eb.ref('excluded.verified_owner'),
          status: 'published',
          removed_reason: null,
          removed_at: null,
          removed_by: null,
          updated_at: sql<Date>`now()`,
        }))
        .where(sql<boolean>`(reviews.rating, reviews.title, reviews.body) is distinct from (excluded.rating, excluded.title, excluded.body)`),
    )
    .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirst();
  if (!written) {
    const same = await db.selectFrom('reviews').select('id').where('ownership_id', '=', target.ownership.id).executeTakeFirstOrThrow();
    return { reviewId: same.id, changed: false };
  }
  await publishEvent(scope, {
    type: 'review.submitted',
    subjectType: 'review',
    subjectId: written.id,
    payload: { reviewId: written.id, ownershipId: target.ownership.id, ownerId: target.owner.id, modelId: target.model.id, rating: input.rating, edited: !written.inserted },
  });
  return { reviewId: written.id, changed: true };
}

function reviewsWithContext(scope: BrandScope) {
  return scope.db
    .selectFrom('reviews as r')
    .innerJoin('owners as w', 'w.id', 'r.owner_id')
    .innerJoin('ownerships as o', 'o.id', 'r.ownership_id')
    .innerJoin('models as m', 'm.id', 'r.model_id')
    .select([
      'r.id', 'r.rating', 'r.title', 'r.body', 'r.language', 'r.verified_owner', 'r.status', 'r.removed_reason', 'r.removed_at', 'r.removed_by',
      'r.author_name', 'r.owner_id', 'w.name as owner_name', 'r.ownership_id', 'r.model_id', 'm.name as model_name', 'o.serial', 'r.created_at', 'r.updated_at',
    ])
    .where('r.brand_id', '=', scope.brandId);
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewsWithContext>['executeTakeFirstOrThrow']>>;

function toView(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    rating: row.rating,
    title: row.title === '' ? null : row.title,
    body: row.body,
    language: row.language,
    verifiedOwner: row.verified_owner,
    status: row.status,
    removal: row.removed_reason && row.removed_at ? { reason: row.removed_reason, at: row.removed_at.toISOString(), by: row.removed_by } : null,
    author: { publicName: row.author_name === '' ? null : row.author_name, ownerId: row.owner_id, ownerName: row.owner_name },
    product: { ownershipId: row.ownership_id, modelId: row.model_id, modelName: row.model_name, serial: row.serial },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface ReviewListQuery {
  readonly modelId?: string | undefined;
  readonly rating?: number | undefined;
  readonly status?: ReviewStatus | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** The brand's reviews, newest first, by model, rating and status: what the console lists. */
export function listReviews(scope: BrandScope, query: ReviewListQuery) {
  const reviews = reviewsWithContext(scope)
    .$if(query.modelId !== undefined, (q) => q.where('r.model_id', '=', query.modelId as string))
    .$if(query.rating !== undefined, (q) => q.where('r.rating', '=', query.rating as number))
    .$if(query.status !== undefined, (q) => q.where('r.status', '=', query.status as ReviewStatus));
  return keysetPage(reviews, query, toView, 'r.id');
}

/**
 * Removes a published review from public view, for one of the fixed reasons: recorded in the audit
 * log with who did it, and as `review.removed`. A review already removed is a conflict naming when and why.
 */
export async function removeReview(scope: BrandScope, actor: Actor, reviewId: string, reason: RemovalReason): Promise<ReviewView> {
  const db = scope.db;
  const review = await db.selectFrom('reviews').select(['status', 'removed_reason', 'removed_at', 'removed_by', 'ownership_id', 'model_id', 'rating']).where('id', '=', reviewId).forUpdate().executeTakeFirst();
  if (!review) throw new ApiError('not_found', 'There is no review with this id in your brand.');
  if (review.status === 'removed') {
    throw new ApiError('conflict', `This review was already removed${review.removed_at ? ` on ${review.removed_at.toISOString().slice(0, 10)}` : ''}${review.removed_by ? ` by ${review.removed_by}` : ''} (${review.removed_reason ?? 'no reason'}); nothing more to do.`);
  }
  await db.updateTable('reviews').set({ status: 'removed', removed_reason: reason, removed_at: new Date(), removed_by: actor.label }).where('id', '=', reviewId).execute();
  await recordAudit(scope, actor, { action: 'review.removed', subjectType: 'review', subjectId: reviewId, changes: { status: ['published', 'removed'], reason } });
  await publishEvent(scope, {
    type: 'review.removed',
    subjectType: 'review',
    subjectId: reviewId,
    payload: { reviewId, ownershipId: review.ownership_id, modelId: review.model_id, reason },
  });
  return toView(await reviewsWithContext(scope).where('r.id', '=', reviewId).executeTakeFirstOrThrow());
}

/** Which of these ownerships have a review already (My products says "Edit my review" for them). */
export async function reviewedOwnerships(scope: BrandScope, ownershipIds: readonly string[]): Promise<Set<string>> {
  if (ownershipIds.length === 0) return new Set();
  const rows = await scope.db.selectFrom('reviews').select('ownership_id').where('ownership_id', 'in', ownershipIds).execute();
  return new Set(rows.map((row) => row.ownership_id));
}
