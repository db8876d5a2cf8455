import { describe, expect, it } from 'vitest';
import {
  Problem,
  parseConsent,
  parseCountry,
  parseEmail,
  parseLanguage,
  parseName,
  parseOptionalText,
  parsePhone,
  parsePurchaseDate,
  parseRegisteredAt,
} from './fields.ts';

const now = new Date('2025-06-15T12:00:00Z');
const reason = (value: unknown) => (value instanceof Problem ? value.reason : null);

describe('import field values', () => {
  it('lower-cases emails and refuses what the registration form refuses', () => {
    expect(parseEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(reason(parseEmail(''))).toBe('is required');
    expect(reason(parseEmail('jane@'))).toBe('"jane@" is not an email address');
    expect(reason(parseEmail('jane doe@example.com'))).toContain('is not an email address');
  });

  it('tidies names and keeps them within bounds', () => {
    expect(parseName('  Jane   Doe ')).toBe('Jane Doe');
    expect(reason(parseName(' '))).toBe('is required');
    expect(reason(parseName('x'.repeat(201)))).toBe('is longer than 200 characters');
    expect(parseOptionalText('  ', 20)).toBeNull();
    expect(reason(parseOptionalText('x'.repeat(21), 20))).toBe('is longer than 20 characters');
  });

  it('normalises phone numbers to E.164 in the line\'s country', () => {
    expect(parsePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(parsePhone('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(parsePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(parsePhone('', 'US')).toBeNull();
    expect(reason(parsePhone('12', 'US'))).toBe('"12" is not a phone number');
    expect(reason(parsePhone('555 2671', null))).toContain('with its country code');
  });

  it('takes ISO country codes in any case and names the right one for a withdrawn code', () => {
    expect(parseCountry(' ca ')).toBe('CA');
    expect(parseCountry('')).toBeNull();
    expect(reason(parseCountry('UK'))).toContain('use GB');
    expect(reason(parseCountry('USA'))).toContain('is not a country code');
    expect(reason(parseCountry('EU'))).toContain('is not an ISO 3166 country code');
  });

  it('reads consents as yes, no or not asked', () => {
    for (const yes of ['yes', 'YES', 'true', '1', ' Yes ']) expect(parseConsent(yes)).toBe(true);
    for (const no of ['no', 'False', '0']) expect(parseConsent(no)).toBe(false);
    expect(parseConsent('')).toBeNull();
    expect(reason(parseConsent('maybe'))).toContain('"maybe" is not yes or no');
  });

  it('takes the languages owner pages speak, English by default', () => {
    expect(parseLanguage('')).toBe('en');
    expect(parseLanguage('ES')).toBe('es');
    expect(reason(parseLanguage('fr'))).toContain('"fr" is not a language OpenOX speaks');
  });

  it('takes purchase dates from 1970 to today, written YYYY-MM-DD', () => {
    expect(parsePurchaseDate('2024-02-29', now)).toBe('2024-02-29');
    expect(parsePurchaseDate('2025-06-16', now)).toBe('2025-06-16'); // tomorrow in UTC is today somewhere
    expect(parsePurchaseDate('', now)).toBeNull();
    expect(reason(parsePurchaseDate('2023-02-29', now))).toContain('is not a date written as YYYY-MM-DD');
    expect(reason(parsePurchaseDate('15/06/2025', now))).toContain('is not a date written as YYYY-MM-DD');
    expect(reason(parsePurchaseDate('1969-12-31', now))).toBe('1969-12-31 is before 1970');
    expect(reason(parsePurchaseDate('2025-06-20', now))).toBe('2025-06-20 is in the future');
  });

  it('reads registration times as dates or ISO times, UTC unless they say otherwise', () => {
    expect(parseRegisteredAt('2021-03-04', now)).toEqual(new Date('2021-03-04T00:00:00Z'));
    expect(parseRegisteredAt('2021-03-04T10:20:30Z', now)).toEqual(new Date('2021-03-04T10:20:30Z'));
    expect(parseRegisteredAt('2021-03-04 10:20', now)).toEqual(new Date('2021-03-04T10:20:00Z'));
    expect(parseRegisteredAt('2021-03-04T10:20:30.123456+0530', now)).toEqual(new Date('2021-03-04T04:50:30.123Z'));
    expect(parseRegisteredAt('2021-03-04T10:20:30-08', now)).toEqual(new Date('2021-03-04T18:20:30Z'));
    expect(parseRegisteredAt('', now)).toBeNull();
    expect(reason(parseRegisteredAt('yesterday', now))).toContain('is not a date (YYYY-MM-DD) or an ISO date and time');
    expect(reason(parseRegisteredAt('2021-03-04T25:00Z', now))).toContain('is not a real time of day');
    expect(reason(parseRegisteredAt('2030-01-01', now))).toBe('2030-01-01 is in the future');
  });
});
