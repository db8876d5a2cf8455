import { ocrTrust } from './ocr-text.ts';
import type { ReceiptLine, ReceiptValue } from './receipt-text.ts';

/** Whether "03/04/2026" is the 3rd of April (day first) or March 4th (month first). */
export type DateOrder = 'day_first' | 'month_first';

const monthNames: Readonly<Record<string, number>> = {
  JAN: 1, ENE: 1, FEB: 2, MAR: 3, APR: 4, ABR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, AGO: 8, SEP: 9, SET: 9, OCT: 10, NOV: 11, DEC: 12, DIC: 12,
};
const month = `(${Object.keys(monthNames).join('|')})[A-Z]*\\.?`;
const patterns: readonly { readonly regex: RegExp; readonly read: (m: RegExpMatchArray) => { y: string; m: number; d: number; ambiguous: boolean } }[] = [
  // 2026-03-15, 2026/03/15, 2026.03.15
  { regex: /(?<![0-9])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![0-9])/g, read: (m) => ({ y: m[1] as string, m: Number(m[2]), d: Number(m[3]), ambiguous: false }) },
  // 15 MAR 2026, 15-MAR-26, 15 de marzo de 2026
  { regex: new RegExp(`(?<![0-9])(\\d{1,2})[\\s-]*(?:DE\\s+)?${month}[\\s,-]*(?:DE\\s+)?(\\d{4}|\\d{2})(?![0-9])`, 'g'), read: (m) => ({ y: m[3] as string, m: monthNames[m[2] as string] as number, d: Number(m[1]), ambiguous: false }) },
  // MAR 15 2026, March 15th, 2026
  { regex: new RegExp(`(?<![A-Z])${month}[\\s-]*(\\d{1,2})(?:ST|ND|RD|TH)?[\\s,-]+(\\d{4})(?![0-9])`, 'g'), read: (m) => ({ y: m[3] as string, m: monthNames[m[1] as string] as number, d: Number(m[2]), ambiguous: false }) },
  // 03/15/2026, 15.03.2026, 3-15-26: the order is settled by a part over 12, or else by the hints
  { regex: /(?<![0-9])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![0-9])/g, read: (m) => ({ y: m[4] as string, m: Number(m[1]), d: Number(m[3]), ambiguous: true }) },
];

const dateCaption = /\b(DATE|FECHA|DATUM|DATA|SALE|PURCHASED|TRANS(ACTION)?)\b/;
// Dates on a receipt that are not the day of purchase.
const otherDates = /\b(RETURN|RETURNS|EXP|EXPIRES|EXPIRY|VALID|UNTIL|DUE|DEVOLUCION|VENCE|VENCIMIENTO|BEST|MEMBER|SINCE|BIRTH)\b/;

/**
 * The date of purchase on a receipt, 'YYYY-MM-DD': ISO, numeric in either order, or with a month name
 * (English or Spanish). Never after `today`, nor before 1990. A "Return by" date is passed over, and a
 * "Date:" caption preferred; an order that only the hints settle is less sure.
 */
export function purchaseDateOn(lines: readonly ReceiptLine[], today: string, order: { readonly preferred: DateOrder; readonly sure: boolean }): ReceiptValue<string> | null {
  const found: ReceiptValue<string>[] = [];
  for (const line of lines) {
    for (const pattern of patterns) {
      for (const match of line.text.matchAll(pattern.regex)) {
        const parts = pattern.read(match);
        const year = parts.y.length === 2 ? 2000 + Number(parts.y) : Number(parts.y);
        const unambiguous = !parts.ambiguous || parts.m > 12 || parts.d > 12 || parts.m === parts.d;
        const dayFirst = parts.ambiguous && (parts.m > 12 || (!unambiguous && order.preferred === 'day_first'));
        const [m, d] = dayFirst ? [parts.d, parts.m] : [parts.m, parts.d];
        const iso = isoDate(year, m, d);
        if (!iso || iso > today || iso < '1990-01-01') continue;
        let quality = unambiguous ? 0.92 : order.sure ? 0.82 : 0.65;
        if (dateCaption.test(line.text)) quality += 0.05;
        if (otherDates.test(line.text)) quality -= 0.4;
        found.push({ value: iso, confidence: Math.max(0, Math.min(0.97, quality * (0.6 + 0.4 * ocrTrust(line.confidence)))), line });
      }
    }
  }
  found.sort((a, b) => b.confidence - a.confidence);
  const [best, ...rest] = found;
  if (!best) return null;
  // Two different dates of purchase in a receipt's head: the owner says which.
  const rival = rest.find((other) => other.value !== best.value && other.confidence > best.confidence - 0.1);
  return rival ? { ...best, confidence: best.confidence * 0.7 } : best;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}
