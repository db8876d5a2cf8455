import { TZDate } from '@date-fns/tz';

/**
 * The first moment after `after` when the clock in `timeZone` shows `time` (HH:MM). On the night the
 * clocks go forward a time that does not exist that day (02:30) is taken as the hour after it (03:30);
 * on the night they go back, a time that happens twice is its first occurrence.
 */
export function nextLocalTime(after: Date, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const local = new TZDate(after.getTime(), timeZone);
  for (let day = 0; day <= 2; day++) {
    const candidate = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + day, hours, minutes, timeZone);
    if (candidate.getTime() > after.getTime()) return new Date(candidate.getTime());
  }
  throw new Error(`No ${time} in ${timeZone} within two days of ${after.toISOString()}`);
}
