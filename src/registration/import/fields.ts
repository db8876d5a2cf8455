import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { languages } from '../../owner-site/i18n.ts';
import { countryCodeProblem } from '../settings.ts';

/**
 * What is wrong with one value of an import line, in words the person fixing the file can act on.
 * Parsers return the normalised value or a Problem: a million lines are checked with plain
 * functions, and a value object is cheaper than an exception for the one line in a hundred that fails.
 */
export class Problem {
  constructor(readonly reason: string) {}
}

// The registration form's own email rule (zod's), so an import accepts exactly the addresses it does.
const emailPattern = z.regexes.email;

/** Lower-cased, as owners are stored: the same person types their address in any case. */
export function parseEmail(text: string): string | Problem {
  const email = text.trim().toLowerCase();
  if (email === '') return new Problem('is required');
  if (email.length > 254 || !emailPattern.test(email)) return new Problem(`${quote(text)} is not an email address`);
  return email;
}

export function parseName(text: string): string | Problem {
  const name = text.trim().replace(/\s+/g, ' ');
  if (name === '') return new Problem('is required');
  if (name.length > 200) return new Problem('is longer than 200 characters');
  return name;
}

/** Free text such as a retailer or postal code: empty is null. */
export function parseOptionalText(text: string, maxLength: number): string | null | Problem {
  const value = text.trim();
  if (value === '') return null;
  return value.length > maxLength ? new Problem(`is longer than ${maxLength} characters`) : value;
}

// A file names a handful of countries a million times: each is checked once.
const countryProblems = new Map<string, string | null>();

/** ISO 3166-1 alpha-2, in capitals, checked as the brand's settings check theirs. */
export function parseCountry(text: string): string | null | Problem {
  const code = text.trim().toUpperCase();
  if (code === '') return null;
  let problem = countryProblems.get(code);
  if (problem === undefined) {
    problem = countryCodeProblem(code)?.replace(/\.$/, '') ?? null;
    if (countryProblems.size < 1000) countryProblems.set(code, problem);
  }
  return problem === null ? code : new Problem(problem);
}

/**
 * A phone number in E.164 (+15551234567), read in the line's country when written without a country
 * code. "Possible" (the right length for its country) is the bar, not "valid": historical numbers were
 * valid when recorded, and numbering plans change under them.
 */
export function parsePhone(text: string, defaultCountry: string | null): string | null | Problem {
  const value = text.trim();
  if (value === '') return null;
  const phone = parsePhoneNumberFromString(value, (defaultCountry ?? undefined) as CountryCode | undefined);
  if (!phone?.isPossible()) {
    return new Problem(`${quote(text)} is not a phone number${value.startsWith('+') || defaultCountry ? '' : ' (give the country, or write it with its country code, e.g. +1 555 123 4567)'}`);
  }
  return phone.number;
}

const consentWords: Readonly<Record<string, boolean>> = { yes: true, true: true, '1': true, no: false, false: false, '0': false };

/** Yes or no; empty when the owner was not asked. */
export function parseConsent(text: string): boolean | null | Problem {
  const word = text.trim().toLowerCase();
  if (word === '') return null;
  const answer = consentWords[word];
  return answer ?? new Problem(`${quote(text)} is not yes or no (also accepted: true/false, 1/0, or empty when not asked)`);
}

export function parseLanguage(text: string): string | Problem {
  const language = text.trim().toLowerCase();
  if (language === '') return 'en';
  return languages.includes(language) ? language : new Problem(`${quote(text)} is not a language OpenOX speaks (${languages.join(', ')})`);
}

const earliest = '1970-01-01';
// Dates in the file are the owner's local dates; a day's grace keeps time zones ahead of UTC in.
const graceMs = 24 * 60 * 60 * 1000;

/** A calendar date, YYYY-MM-DD, from 1970 to today. */
export function parsePurchaseDate(text: string, now: Date): string | null | Problem {
  const value = text.trim();
  if (value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) return new Problem(`${quote(text)} is not a date written as YYYY-MM-DD`);
  if (value < earliest) return new Problem(`${value} is before 1970`);
  if (Date.parse(value) > now.getTime() + graceMs) return new Problem(`${value} is in the future`);
  return value;
}

const instantPattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A date (midnight UTC) or an ISO date and time (UTC unless it says its offset), not in the future. */
export function parseRegisteredAt(text: string, now: Date): Date | null | Problem {
  const value = text.trim();
  if (value === '') return null;
  const parts = instantPattern.exec(value);
  const date = parts?.[1];
  if (!parts || !date || !isCalendarDate(date)) return new Problem(`${quote(text)} is not a date (YYYY-MM-DD) or an ISO date and time (YYYY-MM-DDTHH:MM:SSZ)`);
  const offset = parts[4] ? normaliseOffset(parts[4]) : 'Z';
  const instant = new Date(`${date}T${parts[2] ?? '00:00'}${parts[3] ?? ':00'}${offset}`);
  if (Number.isNaN(instant.getTime())) return new Problem(`${quote(text)} is not a real time of day`);
  if (date < earliest) return new Problem(`${value} is before 1970`);
  if (instant.getTime() > now.getTime() + graceMs) return new Problem(`${value} is in the future`);
  return instant;
}

function normaliseOffset(offset: string): string {
  if (offset.toUpperCase() === 'Z') return 'Z';
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A value as it was typed, shortened so that one bad line cannot make a reason of many kilobytes. */
export function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}
