import { EmailButton, renderEmailHtml } from '../messaging/email-layout.tsx';
import { queueMessage } from '../messaging/queue-message.ts';
import type { BrandSite } from '../owner-site/brand-site.ts';
import { sitePath } from '../owner-site/brand-site.ts';
import { translatorFor } from '../owner-site/i18n.ts';
import { issueSignInLink } from '../owners/sign-in-links.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import type { RegisteredOwner } from './register.ts';

const linkLifetimeMinutes = 7 * 24 * 60;

/**
 * Queues the "your product is registered" email, with a link that signs the owner in once and opens
 * the product. A service message: it goes whatever the owner chose about marketing. Keyed by the
 * ownership, so it is sent once however often the registration is retried.
 */
export async function queueRegistrationConfirmation(
  scope: BrandScope,
  brand: BrandSite,
  publicUrl: string,
  registration: { readonly ownershipId: string; readonly owner: RegisteredOwner; readonly productName: string; readonly serial: string | null },
): Promise<void> {
  const { owner } = registration;
  const t = translatorFor(owner.language);
  const { token } = await issueSignInLink(scope, owner.id, linkLifetimeMinutes);
  const link = `${publicUrl}${sitePath(brand, `/sign-in/${token}`)}?next=${encodeURIComponent(`/products/${registration.ownershipId}`)}`;
  const values = { name: owner.name, product: registration.productName, serial: registration.serial ?? '', brand: brand.name };
  // Each text is looked up once for both parts: an i18next lookup costs tens of microseconds.
  const hello = t('email.confirmationHello', values);
  const body = registration.serial ? t('email.confirmationBody', values) : t('email.confirmationBodyNoSerial', values);
  const linkIntro = t('email.confirmationLink');
  const linkNote = t('email.confirmationLinkNote');
  const footer = t('email.footer', values);
  const text = [hello, '', body, '', linkIntro, link, '', linkNote, '', '--', footer].join('\n');
  const html = renderEmailHtml(brand, owner.language, footer, (
    <>
      <p>{hello}</p>
      <p>{body}</p>
      <p>{linkIntro}</p>
      <p><EmailButton href={link} color={brand.primaryColor}>{t('site.myProducts')}</EmailButton></p>
      <p style={{ fontSize: '13px', color: '#555' }}>{linkNote}</p>
    </>
  ));
  await queueMessage(scope, {
    ownerId: owner.id,
    channel: 'email',
    class: 'service',
    template: 'registration_confirmation',
    dedupeKey: `registration-confirmation:${registration.ownershipId}`,
    recipient: owner.email,
    subject: t('email.confirmationSubject', values),
    text,
    html,
  });
}
