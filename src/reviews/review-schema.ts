import { z } from 'zod';
import { pageQuery } from '../platform/http/pagination.ts';
import { removalReasons } from './tables.ts';

export const removalReasonSchema = z.enum(removalReasons).meta({
  description: 'Why the brand removes the review: abusive language, personal data (someone\'s address, phone…), not about the product, or spam. A low rating is never a reason.',
});

/** A review as the brand's staff see it in the console. */
export const reviewView = z.object({
  id: z.uuid(),
  rating: z.int().min(1).max(5),
  title: z.string().nullable(),
  body: z.string(),
  language: z.string(),
  verifiedOwner: z.boolean(),
  status: z.enum(['published', 'removed']),
  removal: z.object({ reason: removalReasonSchema, at: z.string(), by: z.string().nullable() }).nullable(),
  author: z.object({
    publicName: z.string().nullable().meta({ description: 'What the public sees: first name and last initial.' }),
    ownerId: z.uuid(),
    ownerName: z.string(),
  }),
  product: z.object({ ownershipId: z.uuid(), modelId: z.uuid(), modelName: z.string(), serial: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Review' });
export type ReviewView = z.output<typeof reviewView>;

export const reviewListQuery = z.object({
  ...pageQuery,
  modelId: z.uuid('Pick a model from your catalog.').optional(),
  rating: z.coerce.number().int().min(1).max(5).optional().meta({ description: 'Only reviews with this many stars.' }),
  status: z.enum(['published', 'removed']).optional().meta({ description: 'Published or removed reviews; both when absent.' }),
});

export const removalBody = z.object({ reason: removalReasonSchema }).strict();

/** A review as anyone may see it: no email, no full name, no ids of people. */
export const publicReviewView = z.object({
  id: z.uuid(),
  rating: z.int().min(1).max(5),
  title: z.string().nullable(),
  body: z.string(),
  author: z.string().nullable().meta({ description: 'First name and last initial ("Ana T."); null when the owner gave no name.' }),
  language: z.string(),
  date: z.iso.date().meta({ description: 'The day the review was last written (UTC).' }),
  verifiedOwner: z.boolean().meta({ description: 'Written by the owner of a registered product of this model.' }),
}).meta({ id: 'PublicReview' });
export type PublicReviewView = z.output<typeof publicReviewView>;

export const reviewSummaryView = z.object({
  count: z.int(),
  average: z.number().nullable().meta({ description: 'Mean rating of the published reviews, to two decimals; null when there are none.' }),
  distribution: z.object({ 1: z.int(), 2: z.int(), 3: z.int(), 4: z.int(), 5: z.int() }).meta({ description: 'How many published reviews have each rating.' }),
}).meta({ id: 'ReviewSummary' });
export type ReviewSummary = z.output<typeof reviewSummaryView>;

export const publicReviewFeed = z.object({
  brand: z.object({ name: z.string() }),
  model: z.object({ id: z.uuid(), name: z.string() }),
  summary: reviewSummaryView,
  data: z.array(publicReviewView),
  nextCursor: z.string().nullable(),
}).meta({ id: 'PublicReviewFeed' });
export type PublicReviewFeed = z.output<typeof publicReviewFeed>;

export const publicFeedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: pageQuery.cursor,
});
