import { EmailButton, renderEmailHtml } from '../messaging/email-layout.tsx';
import { queueMessage } from '../messaging/queue-message.ts';
import type { BrandSite } from '../owner-site/brand-site.ts';
import { sitePath } from '../owner-site/brand-site.ts';
import { translatorFor } from '../owner-site/i18n.ts';
import { issueSignInLink } from '../owners/sign-in-links.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';

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
  registration: { readonly ownershipId: string; readonly ownerId: string; readonly productName: string; readonly serial: string | null },
): Promise<void> {
  const owner = await scope.db.selectFrom('owners').select(['name', 'email', 'language']).where('id', '=', registration.ownerId).executeTakeFirstOrThrow();
  const t = translatorFor(owner.language);
  const { token } = await issueSignInLink(scope, registration.ownerId, linkLifetimeMinutes);
  const link = `${publicUrl}${sitePath(brand, `/sign-in/${token}`)}?next=${encodeURIComponent(`/products/${registration.ownershipId}`)}`;
  const values = { name: owner.name, product: registration.productName, serial: registration.serial ?? '', brand: brand.name };
  const body = registration.serial ? t('email.confirmationBody', values) : t('email.confirmationBodyNoSerial', values);
  const text = [t('email.confirmationHello', values), '', body, '', t('email.confirmationLink'), link, '', t('email.confirmationLinkNote'), '', '--', t('email.footer', values)].join('\n');
  const html = renderEmailHtml(brand, owner.language, t('email.footer', values), (
    <>
      <p>{t('email.confirmationHello', values)}</p>
      <p>{body}</p>
      <p>{t('email.confirmationLink')}</p>
      <p><EmailButton href={link} color={brand.primaryColor}>{t('site.myProducts')}</EmailButton></p>
      <p style={{ fontSize: '13px', color: '#555' }}>{t('email.confirmationLinkNote')}</p>
    </>
  ));
  await queueMessage(scope, {
    ownerId: registration.ownerId,
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
