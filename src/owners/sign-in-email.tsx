import { EmailButton, renderEmailHtml } from '../messaging/email-layout.tsx';
import { queueMessage } from '../messaging/queue-message.ts';
import type { BrandSite } from '../owner-site/brand-site.ts';
import { sitePath } from '../owner-site/brand-site.ts';
import { translatorFor } from '../owner-site/i18n.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { issueSignInLink } from './sign-in-links.ts';

/** Queues an email with a 15-minute sign-in link and code for an owner who asked for one. */
export async function queueSignInEmail(scope: BrandScope, brand: BrandSite, publicUrl: string, owner: { id: string; email: string; language: string }): Promise<void> {
  const { token, code } = await issueSignInLink(scope, owner.id, 15);
  const t = translatorFor(owner.language);
  const link = `${publicUrl}${sitePath(brand, `/sign-in/${token}`)}`;
  const values = { brand: brand.name, code };
  await queueMessage(scope, {
    ownerId: owner.id,
    channel: 'email',
    class: 'service',
    template: 'owner_sign_in',
    // Each request is its own message: the key is the link, which is new every time.
    dedupeKey: `sign-in:${token.slice(0, 16)}`,
    recipient: owner.email,
    subject: t('signIn.emailSubject', values),
    text: [t('signIn.emailBody', values), link, '', t('signIn.emailCode', values), '', t('signIn.emailIgnore')].join('\n'),
    html: renderEmailHtml(brand, owner.language, t('signIn.emailIgnore'), (
      <>
        <p>{t('signIn.emailBody', values)}</p>
        <p><EmailButton href={link} color={brand.primaryColor}>{t('signIn.confirm')}</EmailButton></p>
        <p>{t('signIn.emailCode', values)}</p>
      </>
    )),
  });
}
