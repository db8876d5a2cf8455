import { describe, expect, it } from 'vitest';
import { parseSerialMask } from '../catalog/serial-mask.ts';
import { type FormRules, checkRegistrationForm, ownerFields } from './registration-form.ts';
import { safetyRuleFor } from './safety-rule.ts';

const mask = (text: string) => {
  const parsed = parseSerialMask(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { tokens: parsed.tokens, description: '2 letters, then 8 digits' };
};
const rules = (overrides: Partial<FormRules> = {}): FormRules => ({
  serialMasks: [mask('AA########')],
  retailers: ['Home Depot', 'Lowe’s'],
  countries: ['US', 'CA'],
  safety: null,
  purchaseDetailsRequired: true,
  askOwner: new Set(ownerFields),
  manufacturedOn: null,
  today: '2026-11-23',
  ...overrides,
});
const good = {
  name: '  Ana  Díaz ',
  email: 'Ana@Example.com',
  phone: '(415) 555-2671',
  postal_code: '94103',
  country: 'US',
  serial: 'ab 1234 5678',
  purchase_date: '2026-11-01',
  retailer: 'Home Depot',
  consent_email: 'on',
};
const problemsOf = (fields: Record<string, string>, overrides: Partial<FormRules> = {}) => {
  const check = checkRegistrationForm(fields, rules(overrides));
  return check.ok ? {} : Object.fromEntries(Object.entries(check.problems).map(([field, problem]) => [field, problem.key]));
};

describe('checkRegistrationForm', () => {
  it('normalises a good submission', () => {
    const check = checkRegistrationForm(good, rules());
    expect(check).toEqual({
      ok: true,
      details: {
        owner: { name: 'Ana Díaz', email: 'ana@example.com', phone: '+14155552671', postalCode: '94103', country: 'US', address: null, city: null, region: null },
        serial: 'AB12345678',
        purchaseDate: '2026-11-01',
        retailer: 'Home Depot',
        consents: { email: true, sms: false },
      },
    });
  });

  it.each([
    ['name', { name: ' ' }, 'errors.name_required'],
    ['email', { email: 'ana@' }, 'errors.email_invalid'],
    ['phone', { phone: '555' }, 'errors.phone_invalid'],
    ['postal_code', { postal_code: '9410' }, 'errors.postal_code_invalid'],
    ['country', { country: 'FR', phone: '' }, 'errors.country_invalid'],
    ['serial', { serial: '' }, 'errors.serial_required'],
    ['serial', { serial: 'A112345678' }, 'errors.serial_mismatch'],
    ['purchase_date', { purchase_date: '' }, 'errors.purchase_date_required'],
    ['purchase_date', { purchase_date: '2026-02-30' }, 'errors.purchase_date_invalid'],
    ['purchase_date', { purchase_date: '2026-11-25' }, 'errors.purchase_date_future'],
    ['purchase_date', { purchase_date: '1969-12-31' }, 'errors.purchase_date_too_old'],
    ['retailer', { retailer: 'Amazon' }, 'errors.retailer_required'],
    ['retailer_other', { retailer: 'other', retailer_other: '' }, 'errors.retailer_other_required'],
    ['consent_sms', { phone: '', consent_sms: 'on' }, 'errors.sms_consent_needs_phone'],
  ])('says what to fix in %s', (field, change, key) => {
    expect(problemsOf({ ...good, ...change })).toEqual({ [field]: key });
  });

  it('reports every problem at once', () => {
    expect(Object.keys(problemsOf({ ...good, name: '', email: 'x', serial: 'nope' }))).toEqual(['name', 'email', 'serial']);
  });

  it('takes a store typed under "other"', () => {
    const check = checkRegistrationForm({ ...good, retailer: 'other', retailer_other: 'Corner  Shop' }, rules());
    expect(check.ok && check.details.retailer).toBe('Corner Shop');
  });

  it('says a serial format names every mask the model accepts', () => {
    const check = checkRegistrationForm({ ...good, serial: 'X' }, rules({ serialMasks: [mask('AA########'), { ...mask('SN-YYWW####'), description: '"SN-", then 8 digits' }] }));
    expect(!check.ok && check.problems.serial?.values?.format).toBe('2 letters, then 8 digits; or "SN-", then 8 digits');
  });

  it('asks no serial of a model without serial rules', () => {
    const check = checkRegistrationForm({ ...good, serial: '' }, rules({ serialMasks: [] }));
    expect(check.ok && check.details.serial).toBeNull();
  });

  it('refuses a purchase before the month the product was made', () => {
    expect(problemsOf({ ...good, purchase_date: '2026-01-31' }, { manufacturedOn: '2026-02-02' })).toEqual({ purchase_date: 'errors.purchase_date_before_manufacture' });
    expect(problemsOf({ ...good, purchase_date: '2026-02-01' }, { manufacturedOn: '2026-02-02' })).toEqual({});
  });

  describe('in safety-only mode (16 CFR 1130)', () => {
    const safety = safetyRuleFor('cribs');

    it('asks for the mailing address the rule names and records no marketing consent', () => {
      expect(problemsOf({ ...good, consent_sms: 'on' }, { safety })).toEqual({ address: 'errors.address_required', city: 'errors.city_required', region: 'errors.region_required' });
      const check = checkRegistrationForm({ ...good, address: '1 Main St', city: 'Springfield', region: 'IL', consent_sms: 'on' }, rules({ safety }));
      expect(check.ok && check.details.consents).toEqual({ email: false, sms: false });
    });

    it('does not insist on the purchase date or the store', () => {
      expect(problemsOf({ ...good, address: '1 Main St', city: 'Springfield', region: 'IL', purchase_date: '', retailer: '' }, { safety, purchaseDetailsRequired: false })).toEqual({});
    });
  });

  it('asks a signed-in owner only for what is still missing', () => {
    const check = checkRegistrationForm({ serial: 'AB12345678', purchase_date: '2026-11-01', retailer: 'Home Depot' }, rules({ askOwner: new Set() }));
    expect(check).toMatchObject({ ok: true, details: { owner: {}, serial: 'AB12345678' } });
  });
});
