import type { FieldProblem } from '../registration/registration-form.ts';

export const reviewLimits = { titleMax: 120, bodyMax: 5000 } as const;

/** What the review form sends, as typed. */
export interface ReviewFields {
  readonly rating?: string | undefined;
  readonly title?: string | undefined;
  readonly body?: string | undefined;
}

/** A review ready to store: the rating as a number, the texts tidied. */
export interface ReviewInput {
  readonly rating: number;
  readonly title: string;
  readonly body: string;
}

export type ReviewCheck =
  | { readonly ok: true; readonly review: ReviewInput }
  | { readonly ok: false; readonly problems: Readonly<Record<string, FieldProblem>> };

// Control characters other than line breaks and tabs have no place in a review someone else reads.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Checks a review as the owner wrote it. Only its shape is checked (a rating of 1 to 5, something
 * written, lengths): the same rules for every rating, and nothing about what it says.
 */
export function checkReviewInput(fields: ReviewFields): ReviewCheck {
  const problems: Record<string, FieldProblem> = {};
  const ratingText = (fields.rating ?? '').trim();
  const rating = /^[1-5]$/.test(ratingText) ? Number(ratingText) : null;
  if (rating === null) problems.rating = { key: 'reviews.errors.rating' };

  const title = (fields.title ?? '').replace(controlCharacters, '').replace(/\s+/g, ' ').trim();
  if ([...title].length > reviewLimits.titleMax) problems.title = { key: 'reviews.errors.titleTooLong', values: { max: String(reviewLimits.titleMax), count: String([...title].length) } };

  const body = (fields.body ?? '').replace(/\r\n?/g, '\n').replace(controlCharacters, '').replace(/\n{3,}/g, '\n\n').trim();
  if (body === '') problems.body = { key: 'reviews.errors.bodyMissing' };
  // Counted in characters, as PostgreSQL counts them, not in UTF-16 units.
  else if ([...body].length > reviewLimits.bodyMax) problems.body = { key: 'reviews.errors.bodyTooLong', values: { max: String(reviewLimits.bodyMax), count: String([...body].length) } };

  if (rating === null || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, review: { rating, title, body } };
}

/**
 * How a review's author is shown to the public: the first name and the initial of the last word of
 * the name ("Ana Torres Ruiz" → "Ana R."), never the full name. Empty when there is no name.
 */
export function publicAuthorName(fullName: string): string {
  const words = fullName.replace(controlCharacters, '').trim().split(/\s+/).filter((word) => word !== '');
  const first = words[0];
  if (first === undefined) return '';
  const firstName = [...first].slice(0, 40).join('');
  const last = words.length > 1 ? words.at(-1) : undefined;
  const initial = last ? [...last][0]?.toLocaleUpperCase() : undefined;
  return initial ? `${firstName} ${initial}.` : firstName;
}
