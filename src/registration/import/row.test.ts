import { describe, expect, it } from 'vitest';
import { compileCatalog } from './catalog.ts';
import { readHeader } from './header.ts';
import { checkRow } from './row.ts';

const now = new Date('2025-06-15T12:00:00Z');
const catalog = compileCatalog(
  [
    { id: 'dw', name: 'Dishwasher', sku: 'DW-1', category: 'dishwashers', gtins: ['00000000000017', '04006381333931'], masks: ['AA########'] },
    { id: 'cm', name: 'Coffee maker', sku: 'CM-2', category: 'coffee makers', gtins: ['00000000000024'], masks: ['YYMM####', 'K-######'] },
    { id: 'kt', name: 'Kettle', sku: 'KT-3', category: 'kettles', gtins: [], masks: [] },
    { id: 'st', name: 'Stroller', sku: 'ST-4', category: 'Strollers', gtins: ['00000000000031'], masks: ['ST#####'] },
  ],
  'US',
);
const header = readHeader(['email', 'name', 'phone', 'gtin', 'sku', 'serial', 'purchase_date', 'country', 'registered_at', 'email_consent', 'sms_consent', 'language']);
if (!header.ok) throw new Error('test header');
const line = (values: Partial<Record<string, string>>) =>
  ['email', 'name', 'phone', 'gtin', 'sku', 'serial', 'purchase_date', 'country', 'registered_at', 'email_consent', 'sms_consent', 'language'].map((column) => values[column] ?? '');
const good = { email: 'Jane@Example.com', name: 'Jane Doe', gtin: '4006381333931', serial: 'ab 12345678' };
const check = (values: Partial<Record<string, string>>) => checkRow(line(values), header.positions, catalog, now);

describe('checking an import line', () => {
  it('normalises a good line: email, GTIN to its model, serial in capitals, registered now by default', () => {
    expect(check({ ...good, phone: '415 555 2671', email_consent: 'yes', sms_consent: 'no' })).toEqual({
      ok: true,
      row: {
        email: 'jane@example.com', name: 'Jane Doe', phone: '+14155552671', modelId: 'dw', serial: 'AB12345678', purchaseDate: null,
        retailer: null, postalCode: null, country: null, registeredAt: now, emailConsent: true, smsConsent: false, language: 'en',
        safetyOnly: false, manufacturedOn: null,
      },
    });
  });

  it('finds the model by SKU (any case) and takes a serial as optional where the model has no rules', () => {
    expect(check({ email: 'a@b.co', name: 'A', sku: 'kt-3' })).toMatchObject({ ok: true, row: { modelId: 'kt', serial: null } });
    expect(check({ email: 'a@b.co', name: 'A', sku: 'KT-3', serial: 'whatever-1' })).toMatchObject({ ok: true, row: { serial: 'WHATEVER-1' } });
  });

  it('reads the date of manufacture from a serial whose mask encodes it, trying each mask', () => {
    expect(check({ email: 'a@b.co', name: 'A', gtin: '00000000000024', serial: '23071234' })).toMatchObject({ ok: true, row: { modelId: 'cm', manufacturedOn: '2023-07-01' } });
    expect(check({ email: 'a@b.co', name: 'A', gtin: '00000000000024', serial: 'K-123456' })).toMatchObject({ ok: true, row: { manufacturedOn: null } });
  });

  it('records no consent for a model under a safety rule, whatever the line says', () => {
    expect(check({ email: 'a@b.co', name: 'A', gtin: '00000000000031', serial: 'ST12345', email_consent: 'yes', sms_consent: 'maybe' })).toMatchObject({
      ok: true,
      row: { safetyOnly: true, emailConsent: null, smsConsent: null },
    });
  });

  it('names every problem of a line at once', () => {
    const result = check({ email: 'nope', name: '', gtin: '4006381333932', purchase_date: '2030-01-01', email_consent: 'maybe', language: 'fr' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.split('; ')).toEqual([
      'email: "nope" is not an email address',
      'name: is required',
      'gtin: "4006381333932": The check digit (last digit) should be 1, not 2: a digit is probably mistyped.',
      'purchase_date: 2030-01-01 is in the future',
      'language: "fr" is not a language OpenOX speaks (en, es)',
      'email_consent: "maybe" is not yes or no (also accepted: true/false, 1/0, or empty when not asked)',
    ]);
  });

  it("turns away GTINs and SKUs that are not the brand's, and a GTIN and SKU that disagree", () => {
    expect(check({ ...good, gtin: '09506000134352' })).toEqual({ ok: false, reason: 'gtin: 09506000134352 is not the GTIN of any of your models' });
    expect(check({ ...good, gtin: '', sku: 'NOPE' })).toEqual({ ok: false, reason: 'sku: "NOPE" is not the SKU of any of your models' });
    expect(check({ ...good, sku: 'KT-3' })).toEqual({ ok: false, reason: 'sku: "KT-3" is Kettle, but the GTIN is Dishwasher' });
    expect(check({ ...good, gtin: '' })).toEqual({ ok: false, reason: "gtin: give the product's GTIN (or its SKU in a sku column)" });
  });

  it('says what a serial of the model looks like when one does not fit, or is missing', () => {
    expect(check({ ...good, serial: 'A1234' })).toEqual({ ok: false, reason: 'serial: "A1234" is not in the form of Dishwasher serial numbers: 2 letters, then 8 digits' });
    expect(check({ ...good, gtin: '00000000000024', serial: 'X' })).toMatchObject({ reason: expect.stringContaining(': 2 digits of the year made, then 2 digits of the month made, then 4 digits; or "K-", then 6 digits') });
    expect(check({ ...good, serial: '' })).toEqual({ ok: false, reason: 'serial: is required for Dishwasher (2 letters, then 8 digits)' });
  });

  it('needs a phone number for an SMS consent', () => {
    expect(check({ ...good, sms_consent: 'yes' })).toEqual({ ok: false, reason: 'sms_consent: is yes but the line has no phone number' });
  });

  it('turns away control characters that cannot be stored', () => {
    expect(check({ ...good, name: 'Jane\u0000' })).toMatchObject({ ok: false, reason: expect.stringContaining('control character') });
  });
});
