// How claim statuses, actors and durations read in the console.
import type { ClaimActor, ClaimStatus } from './claimTypes';

export const statusLabels: Record<ClaimStatus, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  needs_info: 'Needs info',
  approved: 'Approved',
  denied: 'Denied',
  fulfilment: 'Fulfilment',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const statusColors: Record<ClaimStatus, string> = {
  submitted: 'blue',
  in_review: 'indigo',
  needs_info: 'yellow',
  approved: 'teal',
  denied: 'red',
  fulfilment: 'cyan',
  resolved: 'green',
  closed: 'gray',
};

/** What the button that moves a claim to a status says. */
export const moveLabels: Record<ClaimStatus, string> = {
  submitted: 'Submit',
  in_review: 'Start review',
  needs_info: 'Ask the owner for information',
  approved: 'Approve',
  denied: 'Deny',
  fulfilment: 'Start fulfilment',
  resolved: 'Mark resolved',
  closed: 'Close',
};

export function actorLabel(actor: ClaimActor): string {
  if (actor.type === 'owner') return `${actor.label} (owner)`;
  if (actor.type === 'api_key') return `${actor.label}`;
  return actor.label;
}

/** 93784 → "1d 2h", 2700 → "45m": the two largest units, enough to compare claims at a glance. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const units: [string, number][] = [['d', 86_400], ['h', 3600], ['m', 60]];
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0 || (unit === 'm' && parts.length === 0)) parts.push(`${amount}${unit}`);
    rest -= amount * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** An amount in minor units with its currency: 12999 USD → "$129.99". */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}
