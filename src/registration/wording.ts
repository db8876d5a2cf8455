import type { ConsentWording } from '../owners/consents.ts';
import type { ConsentChannel } from '../owners/tables.ts';
import type { Translate } from '../owner-site/i18n.ts';
import type { RegistrationSettings } from './settings.ts';

/** The words a consent box shows: the brand's own for this language if it set them, else OpenOX's. */
export function consentWording(settings: RegistrationSettings, channel: ConsentChannel, language: string, t: Translate, brandName: string): ConsentWording {
  const own = settings.consentWordings[`${channel}:${language}`];
  return { text: own ?? t(channel === 'email' ? 'register.consentEmail' : 'register.consentSms', { brand: brandName }), language };
}

/** The words of every channel's consent box, in the page's language, for the brand. */
export function consentWordings(settings: RegistrationSettings, page: { language: string; t: Translate; brand: { name: string } }): Record<ConsentChannel, ConsentWording> {
  return {
    email: consentWording(settings, 'email', page.language, page.t, page.brand.name),
    sms: consentWording(settings, 'sms', page.language, page.t, page.brand.name),
  };
}

/**
 * What the page must say about warranty rights for an owner in `country`: that registering is
 * optional and not registering takes no right away (US: Magnuson-Moss; California Civil Code 1793.1).
 * A brand may word it per country and language; OpenOX ships a default for each.
 */
export function rightsStatements(settings: RegistrationSettings, country: string, language: string, t: Translate): string[] {
  const own = settings.rightsStatements[`${country}:${language}`];
  if (own) return [own];
  if (country === 'US') return [t('rights.US'), t('rights.US-CA')];
  return [t('rights.default')];
}
