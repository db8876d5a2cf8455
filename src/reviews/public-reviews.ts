import { sql } from 'kysely';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import type { PublicReviewView, ReviewSummary } from './review-schema.ts';

/** The model whose reviews are asked for, or null when the brand has none with this id. */
export async function reviewedModel(scope: BrandScope, modelId: string): Promise<{ id: string; name: string } | null> {
  return (await scope.db.selectFrom('models').select(['id', 'name']).where('brand_id', '=', scope.brandId).where('id', '=', modelId).executeTakeFirst()) ?? null;
}

/**
 * A model's published reviews, newest first. Every published review is here whatever its rating:
 * the list is never filtered or reordered by rating. Only what the public may see is selected (no
 * owner, no ownership, no email), so nothing personal can leak by mistake further on.
 */
export function publishedReviews(scope: BrandScope, modelId: string, page: { readonly limit: number; readonly cursor?: string | undefined }) {
  const reviews = scope.db
    .selectFrom('reviews')
    .select(['id', 'rating', 'title', 'body', 'author_name', 'language', 'verified_owner', 'updated_at'])
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', modelId)
    .where('status', '=', 'published');
  return keysetPage(reviews, page, (row): PublicReviewView => ({
    id: row.id,
    rating: row.rating,
    title: row.title === '' ? null : row.title,
    body: row.body,
    author: row.author_name === '' ? null : row.author_name,
    language: row.language,
    date: row.updated_at.toISOString().slice(0, 10),
    verifiedOwner: row.verified_owner,
  }));
}

/** How many published reviews a model has, their mean rating and how many of each rating. */
export async function reviewSummary(scope: BrandScope, modelId: string): Promise<ReviewSummary> {
  const rows = await scope.db
    .selectFrom('reviews')
    .select(['rating', sql<number>`count(*)::int`.as('n')])
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', modelId)
    .where('status', '=', 'published')
    .groupBy('rating')
    .execute();
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const row of rows) distribution[row.rating as 1 | 2 | 3 | 4 | 5] = row.n;
  const count = rows.reduce((sum, row) => sum + row.n, 0);
  const total = rows.reduce((sum, row) => sum + row.rating * row.n, 0);
  return { count, average: count === 0 ? null : Math.round((total / count) * 100) / 100, distribution };
}
