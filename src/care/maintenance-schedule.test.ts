import { describe, expect, it } from 'vitest';
import { addDaysTo, daysBetween, isCalendarDay } from '../platform/calendar.ts';
import { maintenanceSchedule } from './maintenance-schedule.ts';

const filter = { id: 't1', name: 'Replace the water filter', intervalDays: 180, instructions: '' };
const rinse = { id: 't2', name: 'Clean the spray arms', intervalDays: 30, instructions: '' };
const weekly = { id: 't3', name: 'Wipe the door seal', intervalDays: 7, instructions: '' };

describe('maintenance schedule', () => {
  it('counts a never-done task from the purchase date', () => {
    const schedule = maintenanceSchedule([filter], { purchaseDate: '2026-01-10', registeredOn: '2026-02-01', completions: [] }, '2026-03-01');
    expect(schedule.basis).toBe('purchase_date');
    expect(schedule.tasks[0]).toMatchObject({ dueOn: '2026-07-09', lastDoneOn: null, daysUntilDue: 130, status: 'ok' });
  });

  it('falls back to the registration date without a purchase date', () => {
    const schedule = maintenanceSchedule([rinse], { purchaseDate: null, registeredOn: '2026-02-01', completions: [] }, '2026-02-20');
    expect(schedule).toMatchObject({ startsOn: '2026-02-01', basis: 'registration_date' });
    expect(schedule.tasks[0]?.dueOn).toBe('2026-03-03');
  });

  it('counts from the latest logged completion, matched by name whatever its case', () => {
    const completions = [
      { taskName: 'replace the water filter ', doneOn: '2026-05-01' },
      { taskName: 'Replace the water filter', doneOn: '2026-03-15' },
      { taskName: 'Something else', doneOn: '2026-06-01' },
    ];
    const schedule = maintenanceSchedule([filter], { purchaseDate: '2026-01-10', registeredOn: '2026-01-12', completions }, '2026-06-01');
    expect(schedule.tasks[0]).toMatchObject({ lastDoneOn: '2026-05-01', dueOn: '2026-10-28' });
  });

  it('says overdue after the due date, due soon shortly before it (on the day too), ok otherwise', () => {
    const facts = { purchaseDate: '2026-01-01', registeredOn: '2026-01-01', completions: [] };
    const status = (today: string) => maintenanceSchedule([rinse], facts, today).tasks[0]?.status;
    // Due 2026-01-31; the window for a 30-day task is ceil(30 / 4) = 8 days.
    expect(status('2026-01-22')).toBe('ok');
    expect(status('2026-01-23')).toBe('due_soon');
    expect(status('2026-01-31')).toBe('due_soon');
    expect(status('2026-02-01')).toBe('overdue');
    expect(maintenanceSchedule([rinse], facts, '2026-02-05').tasks[0]?.daysUntilDue).toBe(-5);
  });

  it('keeps the due-soon window short for frequent tasks and at most two weeks for rare ones', () => {
    const facts = { purchaseDate: '2026-01-01', registeredOn: '2026-01-01', completions: [] };
    expect(maintenanceSchedule([weekly], facts, '2026-01-05').tasks[0]?.status).toBe('ok');
    expect(maintenanceSchedule([weekly], facts, '2026-01-06').tasks[0]?.status).toBe('due_soon');
    expect(maintenanceSchedule([filter], facts, '2026-06-15').tasks[0]?.status).toBe('ok');
    expect(maintenanceSchedule([filter], facts, '2026-06-16').tasks[0]?.status).toBe('due_soon');
  });

  it('lists the most urgent task first', () => {
    const schedule = maintenanceSchedule([filter, weekly, rinse], { purchaseDate: '2026-01-01', registeredOn: '2026-01-01', completions: [] }, '2026-01-02');
    expect(schedule.tasks.map((task) => task.id)).toEqual(['t3', 't2', 't1']);
  });

  it('crosses leap days and year ends exactly', () => {
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('2027-12-31', 1)).toBe('2028-01-01');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2027-2-3')).toBe(false);
  });
});
