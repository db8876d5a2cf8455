import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { type MaskToken, normaliseSerial, serialMatchesMask } from '../catalog/serial-mask.ts';
import type { SafetyRule } from './safety-rule.ts';

/** What the registration form needs to know to check a submission. */
export interface FormRules {
  /** The model's serial rules, parsed; none means the model has no serial to ask for. */
  readonly serialMasks: readonly { readonly tokens: readonly MaskToken[]; readonly description: string }[];
  readonly retailers: readonly string[];
  readonly countries: readonly string[];
  readonly safety: SafetyRule | null;
  /** Whether the date and place of purchase must be given (the owner's page; not safety-only mode, not brand systems). */
  readonly purchaseDetailsRequired: boolean;
  /** Owner fields are not asked of an owner the browser is signed in as, except those still missing. */
  readonly askOwner: ReadonlySet<OwnerField>;
  readonly manufacturedOn: string | null;
  /** 'YYYY-MM-DD' in the owner's part of the world at the latest (UTC+14), so "today" is never refused. */
  readonly today: string;
}

export type OwnerField = 'name' | 'email' | 'phone' | 'address' | 'city' | 'region' | 'postal_code' | 'country';
export const ownerFields: readonly OwnerField[] = ['name', 'email', 'phone', 'address', 'city', 'region', 'postal_code', 'country'];

export interface RegistrationDetails {
  readonly owner: Partial<Record<'name' | 'email' | 'phone' | 'address' | 'city' | 'region' | 'postalCode' | 'country', string | null>>;
  readonly serial: string | null;
  readonly purchaseDate: string | null;
  readonly retailer: string | null;
  readonly consents: { readonly email: boolean; readonly sms: boolean };
}

/** A message key of the owner-site locales, with the values it names. */
export interface FieldProblem {
  readonly key: string;
  readonly values?: Readonly<Record<string, string>>;
}

export type FormCheck =
  | { readonly ok: true; readonly details: RegistrationDetails }
  | { readonly ok: false; readonly problems: Readonly<Record<string, FieldProblem>> };

const emailShape = z.email();
const postalCodes: Readonly<Record<string, { pattern: RegExp; example: string }>> = {
  US: { pattern: /^[0-9]{5}(-?[0-9]{4})?$/, example: '94103' },
  CA: { pattern: /^[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]$/, example: 'K1A 0B1' },
  MX: { pattern: /^[0-9]{5}$/, example: '06700' },
  ES: { pattern: /^[0-9]{5}$/, example: '28013' },
  GB: { pattern: /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, example: 'SW1A 1AA' },
  DE: { pattern: /^[0-9]{5}$/, example: '10115' },
  FR: { pattern: /^[0-9]{5}$/, example: '75001' },
};
const anyPostalCode = { pattern: /^[A-Z0-9][A-Z0-9 -]{1,10}$/, example: '12345' };

/**
 * Checks a registration form as submitted (every value a string, as a browser or an API sends it) and
 * says, per field, what to fix. Pure: the caller supplies the model's rules and the brand's lists.
 */
export function checkRegistrationForm(fields: Readonly<Record<string, string | undefined>>, rules: FormRules): FormCheck {
  const problems: Record<string, FieldProblem> = {};
  const value = (name: string) => (fields[name] ?? '').trim();
  const asks = (field: OwnerField) => rules.askOwner.has(field);
  const owner: Record<string, string | null> = {};

  if (asks('name')) {
    const name = value('name').replace(/\s+/g, ' ');
    if (!name) problems.name = { key: 'errors.name_required' };
    else if (name.length > 200) problems.name = { key: 'errors.name_too_long' };
    owner.name = name;
  }
  if (asks('email')) {
    const email = value('email').toLowerCase();
    if (!emailShape.safeParse(email).success || email.length > 254) problems.email = { key: 'errors.email_invalid' };
    owner.email = email;
  }
  let country = rules.countries.length === 1 ? (rules.countries[0] as string) : value('country').toUpperCase();
  if (asks('country')) {
    if (!rules.countries.includes(country)) problems.country = { key: 'errors.country_invalid' };
    owner.country = country;
  } else country = '';
  if (asks('postal_code')) {
    const postalCode = value('postal_code').toUpperCase().replace(/\s+/g, ' ');
    const rule = postalCodes[country] ?? anyPostalCode;
    if (!rule.pattern.test(postalCode)) problems.postal_code = { key: 'errors.postal_code_invalid', values: { example: rule.example } };
    owner.postalCode = postalCode;
  }
  if (asks('phone')) {
    const phone = value('phone');
    if (phone) {
      const parsed = parsePhoneNumberFromString(phone, (country || 'US') as CountryCode);
      if (!parsed?.isValid()) problems.phone = { key: 'errors.phone_invalid' };
      owner.phone = parsed?.number ?? phone;
    } else owner.phone = null;
  }
  for (const field of ['address', 'city', 'region'] as const) {
    if (!asks(field)) continue;
    const text = value(field).replace(/\s+/g, ' ').slice(0, 200);
    if (rules.safety && !text) problems[field] = { key: `errors.${field}_required` };
    owner[field] = text || null;
  }

  let serial: string | null = null;
  if (rules.serialMasks.length > 0) {
    serial = normaliseSerial(value('serial'));
    const format = rules.serialMasks.map((mask) => mask.description).join('; or ');
    if (!serial) problems.serial = { key: 'errors.serial_required' };
    else if (!rules.serialMasks.some((mask) => serialMatchesMask(serial as string, mask.tokens))) problems.serial = { key: 'errors.serial_mismatch', values: { format } };
  }

  const purchaseDate = value('purchase_date') || null;
  if (purchaseDate === null) {
    if (rules.purchaseDetailsRequired) problems.purchase_date = { key: 'errors.purchase_date_required' };
  } else if (!isRealDate(purchaseDate)) problems.purchase_date = { key: 'errors.purchase_date_invalid' };
  else if (purchaseDate > rules.today) problems.purchase_date = { key: 'errors.purchase_date_future' };
  else if (purchaseDate < '1970-01-01') problems.purchase_date = { key: 'errors.purchase_date_too_old' };
  else if (rules.manufacturedOn && purchaseDate < rules.manufacturedOn.slice(0, 7)) {
    problems.purchase_date = { key: 'errors.purchase_date_before_manufacture', values: { date: rules.manufacturedOn.slice(0, 7) } };
  }

  // A select of the brand's retailers with "other", or only a text box when the brand lists none.
  const choice = value('retailer');
  let retailer: string | null;
  if (rules.retailers.length > 0 && choice !== 'other') {
    retailer = rules.retailers.includes(choice) ? choice : null;
    if (!retailer && (rules.purchaseDetailsRequired || choice)) problems.retailer = { key: 'errors.retailer_required' };
  } else {
    retailer = value('retailer_other').replace(/\s+/g, ' ').slice(0, 100) || null;
    if (!retailer && rules.purchaseDetailsRequired) problems.retailer_other = { key: 'errors.retailer_other_required' };
  }

  // The safety rule allows no marketing consent: whatever the request says, none is recorded.
  const consents = rules.safety ? { email: false, sms: false } : { email: isTicked(fields.consent_email), sms: isTicked(fields.consent_sms) };
  if (consents.sms && asks('phone') && !owner.phone) problems.consent_sms = { key: 'errors.sms_consent_needs_phone' };

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, details: { owner, serial, purchaseDate, retailer, consents } };
}

function isTicked(value: string | undefined): boolean {
  return value === 'on' || value === 'yes' || value === 'true';
}

function isRealDate(text: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Today at the easternmost time zone: a purchase made "today" anywhere is never in the future. */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}
