// What each kind of event on an owner's timeline says, in a line an agent reads at a glance.
import { formatDay, humanize } from '../../format';
import { formatDuration, statusLabels } from '../claims/claimLabels';
import type { ClaimStatus } from '../claims/claimTypes';
import type { TimelineEntry, TimelineEvent } from './overviewTypes';

/** `ownershipId` → "Uno Kettle (SN123)", for the products the owner holds or held. */
export type ProductNames = (ownershipId: unknown) => string;

const text = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));
const status = (value: unknown): string => statusLabels[value as ClaimStatus] ?? humanize(text(value));

export function describeEvent(event: TimelineEvent, product: ProductNames): string {
  const p = event.payload;
  switch (event.type) {
    case 'ownership.registered':
      return `Registered ${product(p.ownershipId)}${p.transferredFromId ? ' (from an earlier owner)' : ''}`;
    case 'ownership.transferred':
      return `Passed ${product(p.ownershipId)} on${p.toOwnerId ? ' to a new owner' : ''}`;
    case 'ownership.retired':
      return `Retired ${product(p.ownershipId)}`;
    case 'registration.conflicted':
      return `Someone else tried to register ${product(p.existingOwnershipId)}`;
    case 'claim.submitted':
      return `Claim ${text(p.number)} filed for ${product(p.ownershipId)}${p.paidService ? ' (paid service)' : ''}`;
    case 'claim.status_changed':
      return `Claim ${text(p.number)}: ${status(p.from)} → ${status(p.to)}`;
    case 'consent.changed':
      return `${p.granted ? 'Opted in to' : 'Opted out of'} ${p.channel === 'sms' ? 'SMS' : 'email'}`;
    case 'call.logged':
      return `${humanize(text(p.direction))} call, ${formatDuration(Number(p.durationSeconds))}: ${humanize(text(p.outcome)).toLowerCase()}`;
    case 'maintenance.logged':
      return `${text(p.taskName)} done on ${formatDay(text(p.doneOn))} (${product(p.ownershipId)})`;
    case 'maintenance.due':
      return `${text(p.taskName)} due ${formatDay(text(p.dueOn))} (${product(p.ownershipId)})`;
    case 'warranty.expiring':
      return `Warranty of ${product(p.ownershipId)} ends ${formatDay(text(p.endsOn))}`;
    case 'care_plan.added':
      return `Care plan "${text(p.name)}" added to ${product(p.ownershipId)}, until ${formatDay(text(p.endsOn))}`;
    case 'message':
      return `${p.channel === 'sms' ? 'SMS' : 'Email'} ${p.subject ? `"${text(p.subject)}"` : humanize(text(p.template))}: ${text(p.status)}`;
    default:
      return humanize(event.type);
  }
}

/** A folded entry in one line: a run of status changes reads from its first status to its last. */
export function describeEntry(entry: TimelineEntry, product: ProductNames): string {
  const latest = entry.events[0] as TimelineEvent;
  const earliest = entry.events.at(-1) as TimelineEvent;
  if (entry.count > 1 && entry.type === 'claim.status_changed') {
    return `Claim ${text(latest.payload.number)}: ${status(earliest.payload.from)} → ${status(latest.payload.to)} (${entry.count} changes)`;
  }
  return entry.count > 1 ? `${describeEvent(latest, product)} (${entry.count} times)` : describeEvent(latest, product);
}
