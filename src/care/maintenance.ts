import type { Actor } from '../access/principal.ts';
import { recordAudit } from '../access/audit.ts';
import type { LifecycleStage } from '../catalog/model-schema.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError } from '../platform/http/errors.ts';
import { isCalendarDay } from '../platform/calendar.ts';
import { type MaintenanceSchedule, maintenanceSchedule } from './maintenance-schedule.ts';
import type { MaintenanceLoggedBy } from './tables.ts';

export interface OwnershipFacts {
  readonly id: string;
  readonly ownerId: string;
  readonly modelId: string;
  readonly stage: LifecycleStage;
  readonly status: 'active' | 'transferred' | 'retired';
  readonly purchaseDate: string | null;
  readonly registeredOn: string;
}

export interface MaintenanceLogEntry {
  readonly id: string;
  readonly taskId: string | null;
  readonly taskName: string;
  readonly doneOn: string;
  readonly loggedBy: MaintenanceLoggedBy;
  readonly actorLabel: string | null;
  readonly note: string;
  readonly createdAt: string;
}

export interface OwnershipMaintenance {
  readonly ownership: OwnershipFacts;
  readonly schedule: MaintenanceSchedule;
  /** Newest first. */
  readonly history: readonly MaintenanceLogEntry[];
}

/** The ownership's facts self-service needs, or null when the brand has no such ownership. */
export async function ownershipFacts(scope: BrandScope, ownershipId: string): Promise<OwnershipFacts | null> {
  const row = await scope.db
    .selectFrom('ownerships')
    .select(['id', 'owner_id', 'model_id', 'stage', 'status', 'purchase_date', 'registered_at'])
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', ownershipId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    ownerId: row.owner_id,
    modelId: row.model_id,
    stage: row.stage,
    status: row.status,
    purchaseDate: row.purchase_date,
    registeredOn: row.registered_at.toISOString().slice(0, 10),
  };
}

/** An ownership's maintenance schedule as of `today`, with what was logged. */
export async function maintenanceOf(scope: BrandScope, ownership: OwnershipFacts, today: string): Promise<OwnershipMaintenance> {
  const tasks = await scope.db
    .selectFrom('maintenance_tasks')
    .select(['id', 'name', 'interval_days', 'instructions'])
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', ownership.modelId)
    .orderBy('position')
    .execute();
  const logs = await scope.db
    .selectFrom('maintenance_logs')
    .selectAll()
    .where('brand_id', '=', scope.brandId)
    .where('ownership_id', '=', ownership.id)
    .orderBy('done_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const schedule = maintenanceSchedule(
    tasks.map((task) => ({ id: task.id, name: task.name, intervalDays: task.interval_days, instructions: task.instructions })),
    { purchaseDate: ownership.purchaseDate, registeredOn: ownership.registeredOn, completions: logs.map((log) => ({ taskName: log.task_name, doneOn: log.done_on })) },
    today,
  );
  const history = logs.map((log) => ({
    id: log.id,
    taskId: log.task_id,
    taskName: log.task_name,
    doneOn: log.done_on,
    loggedBy: log.logged_by,
    actorLabel: log.actor_label,
    note: log.note,
    createdAt: log.created_at.toISOString(),
  }));
  return { ownership, schedule, history };
}

/** The brand's ownership with its maintenance, for staff and brand systems (404 when there is none). */
export async function ownershipMaintenance(scope: BrandScope, ownershipId: string, today: string): Promise<OwnershipMaintenance> {
  const ownership = await ownershipFacts(scope, ownershipId);
  if (!ownership) throw new ApiError('not_found', 'There is no ownership with this id in your brand.');
  return maintenanceOf(scope, ownership, today);
}

export interface Completion {
  readonly taskId: string;
  readonly doneOn: string;
  readonly note: string;
  readonly loggedBy: MaintenanceLoggedBy;
}

export type CompletionProblem = 'task_gone' | 'date' | 'future' | 'before_purchase';

/** A completion the rules refuse: a 400 for the API, a message next to the field on the owner page. */
export class CompletionRefused extends ApiError {
  readonly problem: CompletionProblem;

  constructor(problem: CompletionProblem, field: 'taskId' | 'doneOn', message: string) {
    super('validation_failed', `${field}: ${message}`, [{ path: `body.${field}`, message }]);
    this.problem = problem;
  }
}

/** What is wrong with the day a task was done, if anything: not a date, in the future, before the purchase. */
export function completionDateProblem(doneOn: string, today: string, purchaseDate: string | null): CompletionRefused | null {
  if (!isCalendarDay(doneOn)) return new CompletionRefused('date', 'doneOn', 'Give a date as YYYY-MM-DD.');
  if (doneOn > today) return new CompletionRefused('future', 'doneOn', 'The date cannot be in the future.');
  if (purchaseDate && doneOn < purchaseDate) return new CompletionRefused('before_purchase', 'doneOn', `The date cannot be before the purchase (${purchaseDate}).`);
  return null;
}

/**
 * Records that a task of the ownership's model was done. The day may not be in the future nor before
 * the purchase; an ownership no longer active (transferred, retired) keeps its history as it was.
 */
export async function logCompletion(scope: BrandScope, actor: Actor, ownership: OwnershipFacts, completion: Completion, today: string): Promise<MaintenanceLogEntry> {
  if (ownership.status !== 'active') throw new ApiError('conflict', `This ownership is ${ownership.status}; its maintenance history can no longer change.`);
  const task = await scope.db
    .selectFrom('maintenance_tasks')
    .select(['id', 'name'])
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', ownership.modelId)
    .where('id', '=', completion.taskId)
    .executeTakeFirst();
  if (!task) throw new CompletionRefused('task_gone', 'taskId', "Not a maintenance task of this product's model; the schedule may have changed, so load it again.");
  const dateProblem = completionDateProblem(completion.doneOn, today, ownership.purchaseDate);
  if (dateProblem) throw dateProblem;

  const row = await scope.db
    .insertInto('maintenance_logs')
    .values({
      brand_id: scope.brandId,
      ownership_id: ownership.id,
      task_id: task.id,
      task_name: task.name,
      done_on: completion.doneOn,
      logged_by: completion.loggedBy,
      actor_label: completion.loggedBy === 'staff' ? actor.label : null,
      note: completion.note,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (completion.loggedBy === 'staff') {
    await recordAudit(scope, actor, { action: 'maintenance.logged', subjectType: 'ownership', subjectId: ownership.id, changes: { task: task.name, doneOn: completion.doneOn } });
  }
  await publishEvent(scope, {
    type: 'maintenance.logged',
    subjectType: 'ownership',
    subjectId: ownership.id,
    payload: { ownershipId: ownership.id, ownerId: ownership.ownerId, modelId: ownership.modelId, taskId: task.id, taskName: task.name, doneOn: completion.doneOn, loggedBy: completion.loggedBy },
  });
  return {
    id: row.id,
    taskId: row.task_id,
    taskName: row.task_name,
    doneOn: row.done_on,
    loggedBy: row.logged_by,
    actorLabel: row.actor_label,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}
