/**
 * A GS1 date (YYMMDD, as in AI 11 production date and AI 17 expiry) as an ISO date 'YYYY-MM-DD',
 * or null when it is not a real date. Day 00 means the last day of the month, as the GS1 General
 * Specifications allow for these AIs.
 */
export function parseGs1Date(yymmdd: string, today: Date): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const year = gs1Year(Number(yymmdd.slice(0, 2)), today.getUTCFullYear());
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const actualDay = day === 0 ? lastDay : day;
  if (actualDay > lastDay) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(actualDay)}`;
}

/**
 * The century rule of the GS1 General Specifications (section 7.12): a two-digit year 51 to 99 years
 * ahead of this year is in the last century, one 50 to 99 years behind is in the next, else this one.
 */
export function gs1Year(twoDigitYear: number, currentYear: number): number {
  const century = Math.floor(currentYear / 100) * 100;
  const difference = twoDigitYear - (currentYear % 100);
  if (difference >= 51) return century - 100 + twoDigitYear;
  if (difference <= -50) return century + 100 + twoDigitYear;
  return century + twoDigitYear;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
