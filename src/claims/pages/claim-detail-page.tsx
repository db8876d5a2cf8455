import { sitePath } from '../../owner-site/brand-site.ts';
import { formatDay } from '../../owner-site/format-day.ts';
import type { Site } from '../../owner-site/site-request.tsx';
import { ErrorText, Field, type FieldState, ProblemSummary } from '../../registration/pages/form-fields.tsx';
import type { FieldProblem } from '../../registration/registration-form.ts';
import { fulfilmentLine } from '../claim-notices.tsx';
import type { claimTimeline } from '../claim-queries.ts';
import type { ClaimRow } from '../claim-records.ts';
import { problemLabelFor } from '../problem-categories.ts';
import { maxPhotos } from './read-claim-form.ts';

type Timeline = Awaited<ReturnType<typeof claimTimeline>>;

export interface ClaimPageNotice {
  /** 'filed': the claim was just sent; 'replied': the owner's answer arrived. */
  readonly done: 'filed' | 'replied' | null;
  readonly values: { readonly body: string };
  readonly problems: Readonly<Record<string, FieldProblem>>;
}

const day = (at: string | Date, language: string) => formatDay((typeof at === 'string' ? at : at.toISOString()).slice(0, 10), language);

/** One claim for its owner: where it stands, what happened, the conversation, and a way to answer. */
export function ClaimDetailPage({ site, claim, productName, timeline, notice }: { site: Site; claim: ClaimRow; productName: string; timeline: Timeline; notice: ClaimPageNotice }) {
  const { t, language } = site.page;
  const state: FieldState = { values: { body: notice.values.body }, problems: notice.problems, t };
  const base = sitePath(site.brand, `/claims/${claim.number}`);
  return (
    <>
      <p><a href={sitePath(site.brand, '/claims')}>{t('claims.list.title')}</a></p>
      <h1>{t('claims.detail.title', { number: claim.number })}</h1>
      {notice.done ? <p role="status" className="badge">{t(`claims.detail.${notice.done}`, { number: claim.number })}</p> : null}
      <ProblemSummary state={state} labels={{ body: t('claims.detail.reply'), photos: t('claims.form.photos'), proof: t('claims.detail.proofUpload') }} />
      <section className="card" aria-labelledby="claim-status">
        <h2 id="claim-status">{productName}</h2>
        <p>
          <span className={claim.status === 'denied' ? 'badge off' : 'badge'}>{t(`claims.status.${claim.status}`)}</span>{' '}
          {t('claims.detail.since', { date: day(claim.status_changed_at, language) })}
        </p>
        <p>{problemLabelFor(t, { code: claim.problem_category, label: claim.problem_label })}</p>
        {claim.paid_service ? <p>{t('claims.paidService')}</p> : null}
        {claim.status === 'denied' && claim.denial_reason ? <p><strong>{t('claims.detail.deniedBecause')}</strong> {claim.denial_reason}</p> : null}
        {claim.fulfilment_kind ? <p>{fulfilmentLine(t, claim, language)}</p> : null}
        {claim.rma_number ? <p>{t('claims.detail.rma', { rma: claim.rma_number })}</p> : null}
      </section>

      {claim.proof_requested && claim.status !== 'closed' ? (
        <form method="post" action={`${base}/proof`} encType="multipart/form-data" className="card" noValidate>
          <h2>{t('claims.detail.proofTitle')}</h2>
          <Field state={state} name="proof" label={t('claims.detail.proofUpload')} hint={t('register.proofHint')}>
            <input id="proof" name="proof" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" aria-invalid={notice.problems.proof ? true : undefined} aria-describedby={notice.problems.proof ? 'proof-hint proof-error' : 'proof-hint'} />
          </Field>
          <button type="submit">{t('claims.detail.proofSend')}</button>
        </form>
      ) : null}

      <section className="card" aria-labelledby="claim-history">
        <h2 id="claim-history">{t('claims.detail.history')}</h2>
        <ol className="plain">
          {timeline.transitions.map((transition) => (
            <li key={transition.id}>
              <strong>{t(`claims.status.${transition.to}`)}</strong> · {day(transition.at, language)}
              {transition.reason ? <><br />{transition.reason}</> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="claim-messages">
        <h2 id="claim-messages">{t('claims.detail.messages')}</h2>
        <p style={{ whiteSpace: 'pre-line' }}>{claim.description}</p>
        {claim.video_url ? <p><a href={claim.video_url} rel="noopener noreferrer nofollow">{t('claims.detail.video')}</a></p> : null}
        <ul className="plain">
          {timeline.messages.map((message) => (
            <li key={message.id}>
              <strong>{message.author.type === 'owner' ? t('claims.detail.fromYou') : site.brand.name}</strong> · {day(message.createdAt, language)}
              <br />
              <span style={{ whiteSpace: 'pre-line' }}>{message.body}</span>
            </li>
          ))}
        </ul>
        {timeline.attachments.length > 0 ? (
          <>
            <h3>{t('claims.detail.files')}</h3>
            <ul className="plain">
              {timeline.attachments.map((attachment) => (
                <li key={attachment.id}><a href={`${base}/files/${attachment.file.id}`}>{attachment.file.originalName}</a></li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {claim.status === 'closed' ? (
        <p className="card">{t('claims.detail.closed')}</p>
      ) : (
        <form method="post" action={`${base}/reply`} encType="multipart/form-data" className="card" noValidate>
          <h2>{t('claims.detail.reply')}</h2>
          <Field state={state} name="body" label={t('claims.detail.replyLabel')} hint={claim.status === 'needs_info' ? t('claims.detail.replyNeeded') : undefined}>
            <textarea id="body" name="body" rows={4} maxLength={4000} defaultValue={notice.values.body} aria-invalid={notice.problems.body ? true : undefined} aria-describedby={[claim.status === 'needs_info' ? 'body-hint' : null, notice.problems.body ? 'body-error' : null].filter(Boolean).join(' ') || undefined} />
          </Field>
          <label htmlFor="reply-photos">{t('claims.form.photos')}</label>
          <span className="hint" id="reply-photos-hint">{t('claims.form.photosHint', { max: maxPhotos })}</span>
          <ErrorText state={state} name="photos" />
          <input id="reply-photos" name="photos" type="file" multiple accept="image/jpeg,image/png,image/webp" aria-describedby={notice.problems.photos ? 'reply-photos-hint photos-error' : 'reply-photos-hint'} />
          <button type="submit">{t('claims.detail.send')}</button>
        </form>
      )}
    </>
  );
}
