import { TZDate } from '@date-fns/tz';

/** Local minutes after midnight, `from` included, `to` excluded (1440 is the end of the day). */
export interface DailyWindow {
  readonly from: number;
  readonly to: number;
}

/** When messages may go, per weekday of the recipient's clock: index 0 is Sunday, as `Date#getDay`. */
export type WeeklyHours = readonly (readonly DailyWindow[])[];

/** The same window every day. */
export function everyDay(from: number, to: number): WeeklyHours {
  return Array.from({ length: 7 }, () => [{ from, to }]);
}

/** Minutes after midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/**
 * The hours outside a quiet period such as 21:00–08:00 (which runs over midnight) or 12:00–14:00.
 * Null quiet hours: any time.
 */
export function hoursOutside(quiet: { readonly start: string; readonly end: string } | null): WeeklyHours {
  if (!quiet) return everyDay(0, 1440);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return everyDay(0, 1440);
  const day: DailyWindow[] = start > end ? [{ from: end, to: start }] : [{ from: 0, to: start }, { from: end, to: 1440 }].filter((w) => w.to > w.from);
  return Array.from({ length: 7 }, () => day);
}

/** The first instant at or after `after` inside `hours` on the clock of `timeZone`, or null if there is none in a week. */
function nextInZone(after: Date, timeZone: string, hours: WeeklyHours): Date | null {
  const local = new TZDate(after.getTime(), timeZone);
  for (let day = 0; day <= 7; day++) {
    const [year, month, date] = [local.getFullYear(), local.getMonth(), local.getDate() + day];
    const weekday = new TZDate(year, month, date, 12, 0, timeZone).getDay();
    for (const window of hours[weekday] ?? []) {
      // TZDate takes an hour that does not exist (clocks going forward) as the one after it, so a window
      // that starts in the gap opens when the clocks resume.
      const start = new TZDate(year, month, date, 0, window.from, timeZone).getTime();
      const end = new TZDate(year, month, date, 0, window.to, timeZone).getTime();
      if (end > after.getTime() && end > start) return new Date(Math.max(start, after.getTime()));
    }
  }
  return null;
}

/**
 * The first instant at or after `after` when it is within `hours` in every one of `timeZones` (an owner
 * whose zone is not certain, such as in a state split between two, is reached only when it is a proper
 * hour in each). Null when the zones' hours never meet within a week.
 */
export function nextAllowedInstant(after: Date, timeZones: readonly string[], hours: WeeklyHours): Date | null {
  let candidate = after;
  // Each pass moves to the next opening of a zone still closed; hours that meet settle in a few passes.
  for (let pass = 0; pass < 32; pass++) {
    let moved = false;
    for (const zone of timeZones) {
      const next = nextInZone(candidate, zone, hours);
      if (!next) return null;
      if (next.getTime() > candidate.getTime()) {
        candidate = next;
        moved = true;
      }
    }
    if (!moved) return candidate;
  }
  return null;
}
