import { sitePath } from '../../owner-site/brand-site.ts';
import { formatDay } from '../../owner-site/format-day.ts';
import type { Translate } from '../../owner-site/i18n.ts';
import type { Site } from '../../owner-site/site-request.tsx';
import { ErrorText, Field, type FieldState, ProblemSummary } from '../../registration/pages/form-fields.tsx';
import type { FieldProblem } from '../../registration/registration-form.ts';
import type { PublicReviewView, ReviewSummary } from '../review-schema.ts';
import { publicAuthorName, reviewLimits } from '../review-input.ts';
import { reviewLinkLifetimeDays } from '../review-link.ts';
import type { ReviewTarget } from '../reviews.ts';

/** What the form shows: what the owner wrote (or is writing). */
export interface ReviewFormValues {
  readonly rating: string;
  readonly title: string;
  readonly body: string;
}

export function formValuesOf(target: ReviewTarget): ReviewFormValues {
  const review = target.review;
  return review ? { rating: String(review.rating), title: review.title, body: review.body } : { rating: '', title: '', body: '' };
}

const ratings = [1, 2, 3, 4, 5] as const;
const starsOf = (rating: number) => '★'.repeat(rating) + '☆'.repeat(5 - rating);

/** The rating as stars a screen reader reads as "4 out of 5 stars". */
export function Stars({ t, rating }: { t: Translate; rating: number }) {
  return <span role="img" aria-label={t('reviews.starsOutOf', { rating })} style={{ color: '#8a5a00', letterSpacing: '.1em', fontSize: '1.15rem' }}>{starsOf(rating)}</span>;
}

/** A published review: stars, title, the verified-owner badge, who and when, and the words as written. */
export function ReviewCard({ t, language, review, headingLevel = 2 }: { t: Translate; language: string; review: PublicReviewView; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const date = formatDay(review.date, language);
  return (
    <article className="card" lang={review.language}>
      <p style={{ margin: 0 }}><Stars t={t} rating={review.rating} /></p>
      {review.title ? <Heading style={{ margin: '.25rem 0' }}>{review.title}</Heading> : null}
      <p style={{ margin: '.25rem 0' }}>
        {review.verifiedOwner ? <><span className="badge">✓ {t('reviews.verifiedOwner')}</span>{' '}</> : null}
        <span className="hint" style={{ display: 'inline' }}>{review.author ? t('reviews.byline', { author: review.author, date }) : date}</span>
      </p>
      <p style={{ whiteSpace: 'pre-line', margin: '.5rem 0 0' }}>{review.body}</p>
    </article>
  );
}

export interface ReviewFormProps {
  readonly site: Site;
  readonly target: ReviewTarget;
  readonly values: ReviewFormValues;
  readonly problems: Readonly<Record<string, FieldProblem>>;
  /** Where the form posts: the page's own address (the signed link, or the signed-in product's). */
  readonly action: string;
}

/**
 * The review form for one product. The rating is a radio group with a label per star count and no
 * choice made in advance; every rating goes out the same way, as the note under the form says. After a
 * failed send each problem is listed first (announced) and shown by its field, with what was typed kept.
 */
export function ReviewForm({ site, target, values, problems, action }: ReviewFormProps) {
  const { t, language } = site.page;
  const state: FieldState = { values: { title: values.title }, problems, t };
  const labels = { rating: t('reviews.form.rating'), title: t('reviews.form.titleLabel'), body: t('reviews.form.body') };
  const described = (name: string, hint: boolean) => [hint ? `${name}-hint` : null, problems[name] ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const review = target.review;
  const shownAs = publicAuthorName(target.owner.name);
  return (
    <>
      <h1>{t('reviews.form.title', { product: target.model.name })}</h1>
      <ProblemSummary state={state} labels={labels} />
      {review?.status === 'removed' && review.removedReason ? (
        <p className="card" role="note">{t('reviews.form.removed', { brand: site.brand.name, reason: t(`reviews.reasons.${review.removedReason}`) })}</p>
      ) : null}
      {review ? <p>{t('reviews.form.editing', { date: formatDay(review.updatedAt.toISOString().slice(0, 10), language) })}</p> : null}
      {target.ownership.serial ? <p className="hint">{t('products.serial', { serial: target.ownership.serial })}</p> : null}
      <form method="post" action={action} className="card" noValidate>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-describedby={described('rating', true)}>
          <legend><strong>{labels.rating}</strong></legend>
          <span className="hint" id="rating-hint">{t('reviews.form.ratingHint')}</span>
          <ErrorText state={state} name="rating" />
          {ratings.map((rating) => (
            <label key={rating} className="check" htmlFor={rating === 1 ? 'rating' : `rating-${rating}`}>
              <input
                type="radio"
                id={rating === 1 ? 'rating' : `rating-${rating}`}
                name="rating"
                value={rating}
                defaultChecked={values.rating === String(rating)}
                required
                aria-invalid={problems.rating ? true : undefined}
              />
              <span><span aria-hidden="true" style={{ color: '#8a5a00' }}>{starsOf(rating)}</span> {t('reviews.stars', { count: rating })}</span>
            </label>
          ))}
        </fieldset>
        <Field state={state} name="title" label={labels.title} hint={t('reviews.form.titleHint', { max: reviewLimits.titleMax })}>
          <input
            id="title"
            name="title"
            type="text"
            maxLength={reviewLimits.titleMax}
            defaultValue={values.title}
            aria-invalid={problems.title ? true : undefined}
            aria-describedby={described('title', true)}
          />
        </Field>
        <Field state={state} name="body" label={labels.body} hint={t('reviews.form.bodyHint')} required>
          <textarea
            id="body"
            name="body"
            rows={6}
            required
            aria-required
            maxLength={reviewLimits.bodyMax}
            defaultValue={values.body}
            aria-invalid={problems.body ? true : undefined}
            aria-describedby={described('body', true)}
          />
        </Field>
        <p className="hint">{shownAs ? t('reviews.form.publishNote', { name: shownAs }) : t('reviews.form.publishNoteNoName')}</p>
        <button type="submit">{review ? t('reviews.form.update') : t('reviews.form.submit')}</button>
      </form>
    </>
  );
}

/** After sending: thanks, the review as the public sees it, and where to go next. */
export function ReviewThanks({ site, target, review, unchanged, editHref }: { site: Site; target: ReviewTarget; review: PublicReviewView; unchanged: boolean; editHref: string }) {
  const { t, language } = site.page;
  return (
    <>
      <h1>{t('reviews.thanks.title')}</h1>
      <p role="status">{unchanged ? t('reviews.thanks.unchanged') : t('reviews.thanks.published')}</p>
      <ReviewCard t={t} language={language} review={review} />
      <p><a href={sitePath(site.brand, `/reviews/${target.model.id}`)}>{t('reviews.thanks.seeAll', { product: target.model.name })}</a></p>
      <p><a href={editHref}>{t('reviews.editLink')}</a>{site.owner ? <> · <a href={sitePath(site.brand, '/products')}>{t('site.myProducts')}</a></> : null}</p>
    </>
  );
}

/** A model's reviews for anyone: the summary, how reviews are published and removed, and the reviews. */
export function ModelReviews({ site, model, summary, reviews, moreHref }: { site: Site; model: { id: string; name: string }; summary: ReviewSummary; reviews: readonly PublicReviewView[]; moreHref: string | null }) {
  const { t, language } = site.page;
  const average = summary.average === null ? null : new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(summary.average);
  return (
    <>
      <h1>{t('reviews.public.title', { product: model.name })}</h1>
      <section className="card" aria-labelledby="summary">
        <h2 id="summary" style={{ marginTop: 0 }}>{average === null ? t('reviews.public.none') : t('reviews.public.average', { average })}</h2>
        {summary.average === null ? null : <p style={{ margin: 0 }}><Stars t={t} rating={Math.round(summary.average)} /> {t('reviews.public.count', { count: summary.count })}</p>}
        {summary.count > 0 ? (
          <ul className="plain" aria-label={t('reviews.public.distribution')}>
            {[5, 4, 3, 2, 1].map((stars) => (
              <li key={stars}>{t('reviews.stars', { count: stars })}: {summary.distribution[stars as 1 | 2 | 3 | 4 | 5]}</li>
            ))}
          </ul>
        ) : null}
        <p className="hint">{t('reviews.public.policy', { brand: site.brand.name })}</p>
        <a className="button secondary" href={sitePath(site.brand, `/reviews/${model.id}/write`)}>{t('reviews.public.own')}</a>
      </section>
      {reviews.map((review) => <ReviewCard key={review.id} t={t} language={language} review={review} />)}
      {moreHref ? <p><a href={moreHref}>{t('reviews.public.more')}</a></p> : null}
    </>
  );
}

/** A review link that cannot be used: why, and the way in that still works (sign in, then My products). */
export function LinkProblem({ site, problem }: { site: Site; problem: 'forged' | 'expired' | 'ended' }) {
  const { t } = site.page;
  return (
    <>
      <h1>{t(`reviews.link.${problem}Title`)}</h1>
      <p className="card" role="alert">{t(`reviews.link.${problem}`, { days: reviewLinkLifetimeDays })}</p>
      {problem === 'ended' ? null : <a className="button" href={sitePath(site.brand, '/sign-in')}>{t('reviews.link.signIn')}</a>}
    </>
  );
}
