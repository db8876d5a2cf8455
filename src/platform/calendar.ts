// Calendar days as 'YYYY-MM-DD' strings, counted in UTC so that no time zone or daylight-saving
// change can move a due date.

const dayMs = 86_400_000;

function toUtcMs(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year as number, (month as number) - 1, date as number);
}

/** The day `days` days after `day` (before it when negative). */
export function addDaysTo(day: string, days: number): string {
  return new Date(toUtcMs(day) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / dayMs);
}

/** Today's date in UTC. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** True for a real calendar day written 'YYYY-MM-DD' (not 2025-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(toUtcMs(value)).toISOString().slice(0, 10) === value;
}
