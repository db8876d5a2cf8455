import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { consentStateOf, recordConsent } from '../../owners/consents.ts';
import type { BrandSite } from '../../owner-site/brand-site.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import { translatorFor } from '../../owner-site/i18n.ts';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { registrationSettingsOf } from '../../registration/settings.ts';
import { queueMessage } from '../queue-message.ts';
import { messagingSettingsOf } from '../settings/messaging-settings.ts';
import { liftOptOut, suppress } from '../suppressions.ts';
import { type SmsKeyword, keywordOf } from './keywords.ts';

/** A text an owner sent to the brand's number, as the provider's inbound webhook reports it. */
export interface InboundSms {
  /** The provider's id (MessageSid): the same text delivered twice is handled once. */
  readonly sid: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
}

export type InboundOutcome = 'duplicate' | 'stored' | SmsKeyword;

/**
 * Keeps an inbound text and answers the carrier keywords, once per provider id. STOP (and its synonyms)
 * suppresses the number, withdraws the SMS consent of every owner with that number, and sends one
 * confirmation; START or UNSTOP lifts the opt-out, records consent again and confirms; HELP answers with
 * the brand, the programme, how often texts come, the rates notice and where to get help. The reply is a
 * compliance message: it reaches a number that has just opted out, and only it does.
 */
export async function receiveSms(scope: BrandScope, brand: BrandSite, sms: InboundSms, publicUrl: string): Promise<InboundOutcome> {
  const from = parsePhoneNumberFromString(sms.from)?.number ?? sms.from.trim();
  const keyword = keywordOf(sms.body);
  const stored = await scope.db
    .insertInto('sms_inbound')
    .values({ brand_id: scope.brandId, provider_sid: sms.sid, from_number: from, to_number: sms.to, body: sms.body.slice(0, 2000), keyword })
    .onConflict((conflict) => conflict.columns(['brand_id', 'provider_sid']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!stored) return 'duplicate';
  if (!keyword) return 'stored';

  const owners = await scope.db.selectFrom('owners').select(['id', 'language', 'safety_only']).where('brand_id', '=', scope.brandId).where('phone', '=', from).orderBy('created_at').execute();
  const t = translatorFor(owners[0]?.language ?? 'en');
  const settings = await messagingSettingsOf(scope);
  const program = settings.smsProgram ?? t('messaging.sms.defaultProgram', { brand: brand.name });
  const frequency = settings.smsFrequency ?? t('messaging.sms.defaultFrequency');
  const said = { keyword: sms.body.trim().slice(0, 40), number: sms.to, brand: brand.name };
  const evidence = { source: 'sms_keyword' as const, ip: null, userAgent: null };

  let reply: string;
  if (keyword === 'stop') {
    await suppress(scope, 'sms', from, 'opted_out');
    for (const owner of owners) {
      const wording = { text: translatorFor(owner.language)('messaging.sms.stopWording', said), language: owner.language };
      await recordConsent(scope, owner.id, 'sms', false, wording, evidence, await consentStateOf(scope, owner.id));
    }
    reply = t('messaging.sms.stopReply', { brand: brand.name });
  } else if (keyword === 'start') {
    await liftOptOut(scope, 'sms', from);
    // Safety-only contact data may carry nothing but safety notices: START cannot make it marketing's.
    for (const owner of owners.filter((o) => !o.safety_only)) {
      const wording = { text: translatorFor(owner.language)('messaging.sms.startWording', said), language: owner.language };
      await recordConsent(scope, owner.id, 'sms', true, wording, evidence, await consentStateOf(scope, owner.id));
    }
    reply = t('messaging.sms.startReply', { brand: brand.name, program, frequency });
  } else {
    const support = await registrationSettingsOf(scope);
    const contact = [support.supportPhone, support.supportEmail, support.supportUrl].filter(Boolean).join(', ') || `${publicUrl}${sitePath(brand, '/products')}`;
    reply = t('messaging.sms.helpReply', { brand: brand.name, program, frequency, contact });
  }

  await queueMessage(scope, {
    ownerId: owners[0]?.id ?? null,
    channel: 'sms',
    class: 'compliance',
    template: `sms_${keyword}_reply`,
    dedupeKey: `sms-keyword:${sms.sid}`,
    recipient: from,
    subject: '',
    text: reply,
    html: null,
  });
  return keyword;
}
