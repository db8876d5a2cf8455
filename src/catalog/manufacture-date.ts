import type { MaskToken } from './serial-mask.ts';
import { normaliseSerial, serialMatchesMask } from './serial-mask.ts';

/**
 * The date of manufacture a serial encodes through its mask's Y, M and W positions, as the first day
 * of the month or ISO week named (the finest the serial tells). Null when the mask encodes no year,
 * the serial does not match, or the digits name no real month or week.
 *
 * Two-digit years are 20YY: durable goods made in the 1900s are not being registered now.
 */
export function manufactureDateFromSerial(serial: string, tokens: readonly MaskToken[]): string | null {
  if (!serialMatchesMask(serial, tokens)) return null;
  const chars = [...normaliseSerial(serial)];
  const digitsOf = (kind: MaskToken['kind']) => tokens.flatMap((token, i) => (token.kind === kind ? [chars[i]] : [])).join('');
  const yearDigits = digitsOf('year');
  if (!yearDigits) return null;
  const year = yearDigits.length === 2 ? 2000 + Number(yearDigits) : Number(yearDigits);

  const monthDigits = digitsOf('month');
  if (monthDigits) {
    const month = Number(monthDigits);
    return month >= 1 && month <= 12 ? isoDate(new Date(Date.UTC(year, month - 1, 1))) : null;
  }
  const weekDigits = digitsOf('week');
  if (weekDigits) {
    const week = Number(weekDigits);
    return week >= 1 && week <= weeksInIsoYear(year) ? isoDate(mondayOfIsoWeek(year, week)) : null;
  }
  return `${String(year).padStart(4, '0')}-01-01`;
}

function mondayOfIsoWeek(year: number, week: number): Date {
  // ISO week 1 is the week holding 4 January.
  const january4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = new Date(january4);
  mondayOfWeek1.setUTCDate(january4.getUTCDate() - ((january4.getUTCDay() + 6) % 7));
  mondayOfWeek1.setUTCDate(mondayOfWeek1.getUTCDate() + (week - 1) * 7);
  return mondayOfWeek1;
}

function weeksInIsoYear(year: number): number {
  // A year has 53 ISO weeks when 28 December falls in week 53, i.e. when 1 January or 31 December is a Thursday.
  const thursday = (date: Date) => date.getUTCDay() === 4;
  return thursday(new Date(Date.UTC(year, 0, 1))) || thursday(new Date(Date.UTC(year, 11, 31))) ? 53 : 52;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
