import { addDaysTo, daysBetween } from '../platform/calendar.ts';

export interface MaintenanceTask {
  readonly id: string;
  readonly name: string;
  readonly intervalDays: number;
  readonly instructions: string;
}

export interface MaintenanceFacts {
  readonly purchaseDate: string | null;
  /** The day the ownership was registered ('YYYY-MM-DD'): the start when no purchase date is known. */
  readonly registeredOn: string;
  /** Every logged completion of the ownership's tasks, in any order. */
  readonly completions: readonly { readonly taskName: string; readonly doneOn: string }[];
}

export type MaintenanceStatus = 'overdue' | 'due_soon' | 'ok';

export interface ScheduledTask extends MaintenanceTask {
  readonly lastDoneOn: string | null;
  readonly dueOn: string;
  /** Negative when overdue, 0 on the day it falls due. */
  readonly daysUntilDue: number;
  readonly status: MaintenanceStatus;
}

export interface MaintenanceSchedule {
  /** The day a never-done task counts from, and why that day. */
  readonly startsOn: string;
  readonly basis: 'purchase_date' | 'registration_date';
  /** Most urgent first. */
  readonly tasks: readonly ScheduledTask[];
}

/**
 * Completions count towards a task by its name, case aside: a model's schedule is stored anew when it
 * is edited, so names, not ids, are what stays the same between edits.
 */
export function taskKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * When each maintenance task of an ownership is next due: one interval after it was last done, or,
 * never done, one interval after the purchase (the registration when the purchase date is unknown).
 * A task is due soon within a quarter of its interval, at most two weeks, before its due date.
 */
export function maintenanceSchedule(tasks: readonly MaintenanceTask[], facts: MaintenanceFacts, today: string): MaintenanceSchedule {
  const startsOn = facts.purchaseDate ?? facts.registeredOn;
  const lastDone = new Map<string, string>();
  for (const completion of facts.completions) {
    const key = taskKey(completion.taskName);
    const known = lastDone.get(key);
    if (!known || completion.doneOn > known) lastDone.set(key, completion.doneOn);
  }
  const scheduled = tasks.map((task): ScheduledTask => {
    const lastDoneOn = lastDone.get(taskKey(task.name)) ?? null;
    const dueOn = addDaysTo(lastDoneOn ?? startsOn, task.intervalDays);
    const daysUntilDue = daysBetween(today, dueOn);
    return { ...task, lastDoneOn, dueOn, daysUntilDue, status: statusOf(daysUntilDue, task.intervalDays) };
  });
  scheduled.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.name.localeCompare(b.name));
  return { startsOn, basis: facts.purchaseDate ? 'purchase_date' : 'registration_date', tasks: scheduled };
}

function statusOf(daysUntilDue: number, intervalDays: number): MaintenanceStatus {
  if (daysUntilDue < 0) return 'overdue';
  return daysUntilDue <= Math.min(14, Math.ceil(intervalDays / 4)) ? 'due_soon' : 'ok';
}
