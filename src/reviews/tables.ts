import type { Generated } from 'kysely';

export const removalReasons = ['abusive', 'personal_data', 'not_about_product', 'spam'] as const;
/** Why a brand may remove a review: never its rating or its sentiment. */
export type RemovalReason = (typeof removalReasons)[number];
export type ReviewStatus = 'published' | 'removed';

export interface ReviewTables {
  reviews: {
    id: Generated<string>;
    brand_id: string;
    ownership_id: string;
    owner_id: string;
    model_id: string;
    rating: number;
    title: Generated<string>;
    body: string;
    language: string;
    /** "Ana T.": what the public sees of the author. */
    author_name: string;
    verified_owner: boolean;
    status: Generated<ReviewStatus>;
    removed_reason: RemovalReason | null;
    removed_at: Date | null;
    removed_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
