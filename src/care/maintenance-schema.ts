import { z } from 'zod';
import { resourceView } from '../catalog/model-schema.ts';
import type { OwnershipMaintenance } from './maintenance.ts';

export const logMaintenanceBody = z.strictObject({
  taskId: z.uuid('Give the id of one of the model\'s maintenance tasks.'),
  doneOn: z.iso.date('Give a date as YYYY-MM-DD.').optional().meta({ description: 'The day it was done; today (UTC) when left out.' }),
  note: z.string().trim().max(1000).default(''),
});

const logEntryView = z.object({
  id: z.uuid(),
  taskId: z.uuid().nullable().meta({ description: 'Null once the task was removed from the model\'s schedule.' }),
  taskName: z.string(),
  doneOn: z.string(),
  loggedBy: z.enum(['owner', 'staff']),
  actorLabel: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
});

export const ownershipMaintenanceView = z.object({
  ownershipId: z.uuid(),
  startsOn: z.string().meta({ description: 'The day a never-done task counts from.' }),
  basis: z.enum(['purchase_date', 'registration_date']),
  tasks: z.array(z.object({
    taskId: z.uuid(),
    name: z.string(),
    intervalDays: z.number(),
    instructions: z.string(),
    lastDoneOn: z.string().nullable(),
    dueOn: z.string(),
    daysUntilDue: z.number().meta({ description: 'Negative when overdue.' }),
    status: z.enum(['overdue', 'due_soon', 'ok']),
  })).meta({ description: 'Most urgent first.' }),
  history: z.array(logEntryView).meta({ description: 'Every logged completion, newest first.' }),
}).meta({ id: 'OwnershipMaintenance' });

export const loggedMaintenanceView = z.object({ logged: logEntryView, maintenance: ownershipMaintenanceView });

export function maintenanceView(maintenance: OwnershipMaintenance): z.output<typeof ownershipMaintenanceView> {
  return {
    ownershipId: maintenance.ownership.id,
    startsOn: maintenance.schedule.startsOn,
    basis: maintenance.schedule.basis,
    tasks: maintenance.schedule.tasks.map(({ id, ...task }) => ({ taskId: id, ...task })),
    history: [...maintenance.history],
  };
}

export const resourceSearchView = z.object({
  data: z.array(z.object({ resource: resourceView, score: z.number(), excerpt: z.string() })),
});
