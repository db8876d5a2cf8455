import { describe, expect, it } from 'vitest';
import { readHeader } from './header.ts';

describe('reading the header line', () => {
  it('takes the columns in any order and any case, and knows where each is', () => {
    const check = readHeader(['\uFEFFName', ' EMAIL ', 'Serial', 'gtin', 'SMS_consent']);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.positions).toMatchObject({ name: 0, email: 1, serial: 2, gtin: 3, sms_consent: 4, sku: -1, phone: -1 });
    expect(check.hasConsentColumns).toBe(true);
  });

  it('accepts a sku column instead of a gtin column', () => {
    expect(readHeader(['email', 'name', 'sku'])).toMatchObject({ ok: true, hasConsentColumns: false });
  });

  it('names unknown columns and lists the accepted ones', () => {
    const check = readHeader(['email', 'name', 'gtin', 'colour', '']);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.reason).toContain('Unknown columns "colour", (an empty column name).');
    expect(check.reason).toContain('email, name, phone, gtin, sku, serial, purchase_date');
  });

  it('needs email, name, and a gtin or sku', () => {
    expect(readHeader(['name', 'gtin'])).toMatchObject({ ok: false, reason: expect.stringContaining('needs an "email" column') });
    expect(readHeader(['gtin'])).toMatchObject({ ok: false, reason: expect.stringContaining('an "email" column and a "name" column') });
    expect(readHeader(['email', 'name', 'serial'])).toMatchObject({ ok: false, reason: expect.stringContaining('a "gtin" or a "sku" column') });
  });

  it('refuses a column named twice, but ignores any number of reason columns', () => {
    expect(readHeader(['email', 'name', 'gtin', 'Email'])).toMatchObject({ ok: false, reason: 'The column "email" appears twice; keep one.' });
    expect(readHeader(['reason', 'email', 'name', 'gtin', 'reason']).ok).toBe(true);
  });

  it('says what the first line must be when it is blank', () => {
    expect(readHeader([''])).toMatchObject({ ok: false, reason: expect.stringContaining('must name its columns') });
  });
});
