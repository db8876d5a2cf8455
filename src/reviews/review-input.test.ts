import { describe, expect, it } from 'vitest';
import { checkReviewInput, publicAuthorName, reviewLimits } from './review-input.ts';

describe('checking a review as written', () => {
  it.each([1, 2, 3, 4, 5])('takes a %i-star review the same way as any other', (rating) => {
    expect(checkReviewInput({ rating: String(rating), title: 'My kettle', body: 'It boils.' })).toEqual({ ok: true, review: { rating, title: 'My kettle', body: 'It boils.' } });
  });

  it.each([
    ['no rating', undefined],
    ['zero stars', '0'],
    ['six stars', '6'],
    ['half a star', '4.5'],
    ['a word', 'five'],
  ])('asks for a rating from 1 to 5 when given %s', (_case, rating) => {
    expect(checkReviewInput({ rating, body: 'Fine.' })).toEqual({ ok: false, problems: { rating: { key: 'reviews.errors.rating' } } });
  });

  it('needs the review itself, but not a title', () => {
    expect(checkReviewInput({ rating: '3', title: '', body: '  \n ' })).toEqual({ ok: false, problems: { body: { key: 'reviews.errors.bodyMissing' } } });
    expect(checkReviewInput({ rating: '3', body: 'Ok.' })).toEqual({ ok: true, review: { rating: 3, title: '', body: 'Ok.' } });
  });

  it('names the limit and the length when a text is too long, counting characters', () => {
    const check = checkReviewInput({ rating: '2', title: 't'.repeat(reviewLimits.titleMax + 1), body: 'é'.repeat(reviewLimits.bodyMax + 2) });
    expect(check).toEqual({
      ok: false,
      problems: {
        title: { key: 'reviews.errors.titleTooLong', values: { max: '120', count: '121' } },
        body: { key: 'reviews.errors.bodyTooLong', values: { max: '5000', count: '5002' } },
      },
    });
    // Emoji are one character each, as PostgreSQL counts them, though two UTF-16 units.
    expect(checkReviewInput({ rating: '5', body: '👍'.repeat(reviewLimits.bodyMax) }).ok).toBe(true);
  });

  it('tidies the texts: one-line title, no control characters, at most one blank line', () => {
    const check = checkReviewInput({ rating: ' 4 ', title: '  Good\n  kettle\u0007 ', body: '\r\nFirst.\r\n\r\n\r\n\r\nSecond.\u0000\n' });
    expect(check).toEqual({ ok: true, review: { rating: 4, title: 'Good kettle', body: 'First.\n\nSecond.' } });
  });
});

describe('the author as the public sees them', () => {
  it.each([
    ['Ana Torres', 'Ana T.'],
    ['  ana   torres ruiz ', 'ana R.'],
    ['Zoë', 'Zoë'],
    ['José Ángel Ñúñez', 'José Ñ.'],
    ['', ''],
    ['   ', ''],
  ])('%j is shown as %j', (name, shown) => {
    expect(publicAuthorName(name)).toBe(shown);
  });

  it('never shows the rest of the last name', () => {
    expect(publicAuthorName('Dana Smithson-Whitaker')).not.toContain('mith');
  });
});
