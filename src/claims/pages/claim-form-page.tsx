import { sitePath } from '../../owner-site/brand-site.ts';
import { formatDay } from '../../owner-site/format-day.ts';
import type { Site } from '../../owner-site/site-request.tsx';
import { ErrorText, Field, type FieldState, ProblemSummary } from '../../registration/pages/form-fields.tsx';
import type { FieldProblem } from '../../registration/registration-form.ts';
import { WarrantyCard } from '../../warranty/warranty-card.tsx';
import type { ClaimTarget } from '../file-claim.ts';
import { problemLabelFor } from '../problem-categories.ts';
import { maxPhotos } from './read-claim-form.ts';

export interface ClaimFormValues {
  readonly problem: string;
  readonly description: string;
  readonly video_url: string;
  readonly contact: readonly string[];
  readonly phone: string;
  readonly submission_id: string;
}

export function emptyClaimForm(target: ClaimTarget, submissionId: string): ClaimFormValues {
  return { problem: '', description: '', video_url: '', contact: ['email'], phone: target.owner.phone ?? '', submission_id: submissionId };
}

/**
 * The owner's claim form: the product, the owner and the warranty are already there; they choose what
 * is wrong, describe it, add photos or a video link and say how to be reached. Works without scripts,
 * and after a failed send shows each problem by its field with everything typed kept.
 */
export function ClaimFormPage({ site, target, values, problems }: { site: Site; target: ClaimTarget; values: ClaimFormValues; problems: Readonly<Record<string, FieldProblem>> }) {
  const { t, language } = site.page;
  const state: FieldState = { values: { description: values.description, video_url: values.video_url, phone: values.phone }, problems, t };
  const entitlement = target.entitlement;
  const labels = {
    problem: t('claims.form.problem'),
    description: t('claims.form.description'),
    photos: t('claims.form.photos'),
    video_url: t('claims.form.video'),
    contact: t('claims.form.contact'),
    phone: t('claims.form.phone'),
  };
  const described = (name: string, hint: boolean) => [hint ? `${name}-hint` : null, problems[name] ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <h1>{t('claims.form.title')}</h1>
      <ProblemSummary state={state} labels={labels} />
      <section className="card" aria-labelledby="claim-product">
        <h2 id="claim-product">{target.model.name}</h2>
        {target.ownership.serial ? <p>{t('products.serial', { serial: target.ownership.serial })}</p> : null}
        {target.ownership.purchaseDate ? <p>{t('claims.form.bought', { date: formatDay(target.ownership.purchaseDate, language) })}</p> : null}
        <p>{t('claims.form.owner', { name: target.owner.name, email: target.owner.email })}</p>
      </section>
      {entitlement ? <WarrantyCard page={site.page} entitlement={entitlement} /> : null}
      {entitlement && !entitlement.covered ? <p className="card" role="note">{t('claims.paidService')}</p> : null}
      <form method="post" action={sitePath(site.brand, `/products/${target.ownership.id}/claim`)} encType="multipart/form-data" className="card" noValidate>
        <input type="hidden" name="submission_id" value={values.submission_id} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-describedby={described('problem', false)}>
          <legend><strong>{labels.problem}</strong></legend>
          <ErrorText state={state} name="problem" />
          {target.problems.categories.map((category, index) => (
            <label key={category.code} className="check" htmlFor={index === 0 ? 'problem' : `problem-${category.code}`}>
              <input
                type="radio"
                id={index === 0 ? 'problem' : `problem-${category.code}`}
                name="problem"
                value={category.code}
                defaultChecked={values.problem === category.code}
                required
                aria-invalid={problems.problem ? true : undefined}
              />
              <span>{problemLabelFor(t, category)}</span>
            </label>
          ))}
        </fieldset>
        <Field state={state} name="description" label={labels.description} hint={t('claims.form.descriptionHint')} required>
          <textarea
            id="description"
            name="description"
            rows={5}
            required
            aria-required
            maxLength={4000}
            defaultValue={values.description}
            aria-invalid={problems.description ? true : undefined}
            aria-describedby={described('description', true)}
          />
        </Field>
        <Field state={state} name="photos" label={labels.photos} hint={t('claims.form.photosHint', { max: maxPhotos })}>
          <input id="photos" name="photos" type="file" multiple accept="image/jpeg,image/png,image/webp" aria-invalid={problems.photos ? true : undefined} aria-describedby={described('photos', true)} />
        </Field>
        <Field state={state} name="video_url" type="url" label={labels.video_url} hint={t('claims.form.videoHint')} inputMode="text" />
        <fieldset style={{ border: 0, padding: 0, margin: '1rem 0 0' }} aria-describedby={described('contact', false)}>
          <legend><strong>{labels.contact}</strong></legend>
          <ErrorText state={state} name="contact" />
          {(['email', 'sms', 'phone'] as const).map((channel, index) => (
            <label key={channel} className="check" htmlFor={index === 0 ? 'contact' : `contact-${channel}`}>
              <input type="checkbox" id={index === 0 ? 'contact' : `contact-${channel}`} name="contact" value={channel} defaultChecked={values.contact.includes(channel)} />
              <span>{t(`claims.form.by_${channel}`, { email: target.owner.email })}</span>
            </label>
          ))}
        </fieldset>
        <Field state={state} name="phone" type="tel" label={labels.phone} hint={t('claims.form.phoneHint')} autoComplete="tel" inputMode="tel" />
        <button type="submit">{t('claims.form.submit')}</button>
      </form>
    </>
  );
}
