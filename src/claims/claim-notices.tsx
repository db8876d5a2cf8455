import { EmailButton, renderEmailHtml } from '../messaging/email-layout.tsx';
import { queueMessage } from '../messaging/queue-message.ts';
import { brandSiteById, sitePath } from '../owner-site/brand-site.ts';
import { type Translate, translatorFor } from '../owner-site/i18n.ts';
import { issueSignInLink } from '../owners/sign-in-links.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import type { ClaimStatus } from './claim-lifecycle.ts';
import type { ClaimRow } from './claim-records.ts';

/** What the owner is told about: a change of status (with its reason), or a reply from the brand. */
export type ClaimNotice =
  | { readonly kind: 'status'; readonly transitionId: string; readonly status: ClaimStatus; readonly reason: string | null }
  | { readonly kind: 'reply'; readonly messageId: string; readonly body: string };

const linkLifetimeMinutes = 7 * 24 * 60;

/**
 * Queues the owner's email about a claim, and a text message when they chose texts and gave a number.
 * Service messages: sent whatever the owner said about marketing, but not to a channel they opted out
 * of (delivery checks that). Each is keyed by the claim and the transition or reply it tells of, so a
 * retried request cannot send it twice.
 */
export async function noticeOwner(scope: BrandScope, claim: ClaimRow, notice: ClaimNotice, publicUrl: string): Promise<void> {
  const [owner, model, brand] = await Promise.all([
    scope.db.selectFrom('owners').select(['id', 'name', 'email', 'language']).where('id', '=', claim.owner_id).executeTakeFirstOrThrow(),
    scope.db.selectFrom('models').select('name').where('id', '=', claim.model_id).executeTakeFirstOrThrow(),
    brandSiteById(scope.db, scope.brandId),
  ]);
  if (!brand) return;
  const t = translatorFor(owner.language);
  const values = { number: claim.number, product: model.name, brand: brand.name, name: owner.name };
  const subject = notice.kind === 'status' ? t('claims.notice.subject', { ...values, status: t(`claims.status.${notice.status}`) }) : t('claims.notice.replySubject', values);
  const lines = noticeLines(t, claim, notice, values, owner.language);
  const claimPath = `/claims/${claim.number}`;
  const dedupe = notice.kind === 'status' ? `claim:${claim.id}:transition:${notice.transitionId}` : `claim:${claim.id}:message:${notice.messageId}`;

  const { token } = await issueSignInLink(scope, owner.id, linkLifetimeMinutes);
  const link = `${publicUrl}${sitePath(brand, `/sign-in/${token}`)}?next=${encodeURIComponent(claimPath)}`;
  const hello = t('email.confirmationHello', values);
  const linkIntro = t('claims.notice.link');
  const linkNote = t('email.confirmationLinkNote');
  const footer = t('claims.notice.footer', values);
  await queueMessage(scope, {
    ownerId: owner.id,
    channel: 'email',
    class: 'service',
    template: `claim_${notice.kind === 'status' ? notice.status : 'reply'}`,
    dedupeKey: `${dedupe}:email`,
    recipient: owner.email,
    subject,
    text: [hello, '', ...lines.flatMap((line) => [line, '']), linkIntro, link, '', linkNote, '', '--', footer].join('\n'),
    html: renderEmailHtml(brand, owner.language, footer, (
      <>
        <p>{hello}</p>
        {lines.map((line, index) => <p key={index} style={{ whiteSpace: 'pre-line' }}>{line}</p>)}
        <p><EmailButton href={link} color={brand.primaryColor}>{t('claims.notice.button', values)}</EmailButton></p>
        <p style={{ fontSize: '13px', color: '#555' }}>{linkNote}</p>
      </>
    )),
  });

  if (claim.contact_channels.includes('sms') && claim.contact_phone) {
    await queueMessage(scope, {
      ownerId: owner.id,
      channel: 'sms',
      class: 'service',
      template: `claim_${notice.kind === 'status' ? notice.status : 'reply'}`,
      dedupeKey: `${dedupe}:sms`,
      recipient: claim.contact_phone,
      subject: '',
      text: `${brand.name}: ${subject}. ${publicUrl}${sitePath(brand, claimPath)}`,
      html: null,
    });
  }
}

function noticeLines(t: Translate, claim: ClaimRow, notice: ClaimNotice, values: Record<string, string>, language: string): string[] {
  if (notice.kind === 'reply') return [t('claims.notice.reply', values), notice.body];
  const lines = [t(`claims.notice.${notice.status}`, values)];
  if (notice.status === 'fulfilment') lines.push(fulfilmentLine(t, claim, language));
  else if (notice.reason) lines.push(notice.reason);
  if (notice.status === 'submitted' && claim.paid_service) lines.push(t('claims.paidService'));
  return lines;
}

/** The fulfilment in the owner's words: when the repair is, where the parcel is, how much comes back. */
export function fulfilmentLine(t: Translate, claim: Pick<ClaimRow, 'fulfilment_kind' | 'repair_booked_for' | 'carrier' | 'tracking_number' | 'refund_amount_minor' | 'refund_currency'>, language: string): string {
  switch (claim.fulfilment_kind) {
    case 'repair':
      return t('claims.fulfilment.repair', { when: claim.repair_booked_for ? formatInstant(claim.repair_booked_for, language) : '' });
    case 'replacement':
      return t('claims.fulfilment.replacement', { carrier: claim.carrier ?? '', tracking: claim.tracking_number ?? '' });
    case 'refund':
      return t('claims.fulfilment.refund', { amount: formatMoney(claim.refund_amount_minor ?? 0, claim.refund_currency ?? 'USD', language) });
    default:
      return '';
  }
}

/** An amount in minor units as the owner's language writes it: 12999 USD → "$129.99". */
export function formatMoney(amountMinor: number, currency: string, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

// The owner's time zone is not known: the time is given in UTC and says so.
function formatInstant(at: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC', timeZoneName: 'short' }).format(at);
}
