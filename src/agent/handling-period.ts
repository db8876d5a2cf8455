import { ApiError } from '../platform/http/errors.ts';

const defaultPeriodDays = 30;
const dayMs = 86_400_000;

/** The period asked for ('YYYY-MM-DD', both days inclusive), by default the 30 days up to today (UTC). */
export function handlingPeriod(query: { from?: string | undefined; to?: string | undefined }, now = new Date()): { from: string; to: string } {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (defaultPeriodDays - 1) * dayMs).toISOString().slice(0, 10);
  if (from > to) {
    const message = 'The period must start on or before its last day.';
    throw new ApiError('validation_failed', `from: ${message}`, [{ path: 'query.from', message }]);
  }
  return { from, to };
}
