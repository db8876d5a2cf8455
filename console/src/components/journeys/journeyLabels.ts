// Words and colours for journeys: statuses, step types, triggers and durations as people read them.
import type { JourneyDuration, JourneyRunStatus, JourneyStatus, JourneyStepType, JourneyTrigger } from '../../types';

export const statusLabels: Record<JourneyStatus, string> = { live: 'Live', off: 'Off', paused: 'Paused' };
export const statusColors: Record<JourneyStatus, string> = { live: 'green', off: 'gray', paused: 'yellow' };
export const statusHelp: Record<JourneyStatus, string> = {
  live: 'Owners enter and move on.',
  off: 'Nobody enters; owners inside finish.',
  paused: 'Nobody enters or moves until it is live again.',
};

export const runStatusLabels: Record<JourneyRunStatus, string> = { active: 'In the journey', completed: 'Completed', converted: 'Converted', exited: 'Exited' };
export const runStatusColors: Record<JourneyRunStatus, string> = { active: 'blue', completed: 'gray', converted: 'green', exited: 'orange' };

export const stepTypeLabels: Record<JourneyStepType, string> = {
  wait: 'Wait',
  wait_until: 'Wait until a time of day',
  wait_for_event: 'Wait for an event',
  branch: 'Branch on a condition',
  split: 'Random split',
  send: 'Send a message',
  update: 'Update the owner',
  webhook: 'Call a webhook',
  task: 'Task for an agent',
  exit: 'Exit',
};

/** Events the engine hears about today; product telemetry (`telemetry.<type>`) and others can be typed. */
export const knownEvents = [
  { value: 'ownership.registered', label: 'A product is registered' },
  { value: 'claim.status_changed', label: 'A claim changes status' },
  { value: 'warranty.expiring', label: 'A warranty is about to end' },
  { value: 'maintenance.due', label: 'A maintenance task falls due' },
  { value: 'care_plan.added', label: 'A care plan is bought' },
  { value: 'consent.changed', label: 'A consent changes' },
  { value: 'telemetry.', label: 'Product telemetry: telemetry.<type>, e.g. telemetry.filter_life' },
];

export const dateAttributeLabels = { purchase_date: 'purchase date', registered_at: 'registration date' } as const;

export const entryLabels = {
  per_ownership: 'Once per product',
  per_owner: 'Once per owner',
  per_event: 'Every time the event happens',
} as const;

export const segmentEntryLabels = {
  per_ownership: 'Once per product',
  per_owner: 'Once per owner',
  per_event: 'Every time a product enters',
} as const;

/** "ownership.registered", "purchase date + 30 days" or "Entering a segment". */
export function triggerSummary(trigger: JourneyTrigger): string {
  if (trigger.kind === 'event') return `On ${trigger.event}`;
  if (trigger.kind === 'segment') return 'Entering a segment';
  const days = trigger.offsetDays;
  const offset = days === 0 ? 'on the day' : `${days > 0 ? '+' : '−'} ${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
  return `${dateAttributeLabels[trigger.attribute]} ${offset}`;
}

/** `{ days: 3, hours: 2 }` → "3 days 2 hours". */
export function durationText(duration: JourneyDuration | undefined): string {
  const parts = (['days', 'hours', 'minutes', 'seconds'] as const)
    .filter((unit) => (duration?.[unit] ?? 0) > 0)
    .map((unit) => `${duration?.[unit]} ${(duration?.[unit] ?? 0) === 1 ? unit.slice(0, -1) : unit}`);
  return parts.length > 0 ? parts.join(' ') : 'no time';
}
