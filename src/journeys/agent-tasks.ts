import { z } from 'zod';
import { recordAudit } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage, pageQuery } from '../platform/http/pagination.ts';

export const agentTaskStatuses = ['open', 'done'] as const;
export type AgentTaskStatus = (typeof agentTaskStatuses)[number];

export const agentTaskQuery = z.object({
  ...pageQuery,
  status: z.enum(agentTaskStatuses).default('open').meta({ description: 'Open tasks (the default) or done ones.' }),
});

export const agentTaskView = z.object({
  id: z.uuid(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  product: z.object({ ownershipId: z.uuid(), modelName: z.string(), serial: z.string().nullable() }).nullable(),
  title: z.string(),
  details: z.string().nullable(),
  status: z.enum(agentTaskStatuses),
  journey: z.object({ id: z.uuid(), name: z.string(), stepId: z.string().nullable() }).nullable()
    .meta({ description: 'The journey whose task step asked for this; null once its run is gone.' }),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
}).meta({ id: 'AgentTask' });
export type AgentTaskView = z.output<typeof agentTaskView>;

function tasksWithContext(scope: BrandScope) {
  return scope.db
    .selectFrom('agent_tasks as t')
    .innerJoin('owners as o', 'o.id', 't.owner_id')
    .leftJoin('ownerships as os', 'os.id', 't.ownership_id')
    .leftJoin('models as m', 'm.id', 'os.model_id')
    .leftJoin('journey_runs as r', 'r.id', 't.run_id')
    .leftJoin('journeys as j', 'j.id', 'r.journey_id')
    .select([
      't.id', 't.owner_id', 'o.name as owner_name', 't.ownership_id', 'm.name as model_name', 'os.serial',
      't.title', 't.details', 't.status', 'j.id as journey_id', 'j.name as journey_name', 't.step_id',
      't.created_at', 't.done_at', 't.done_by',
    ]);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof tasksWithContext>['executeTakeFirstOrThrow']>>;

function toView(row: TaskRow): AgentTaskView {
  return {
    id: row.id,
    owner: { id: row.owner_id, name: row.owner_name },
    product: row.ownership_id && row.model_name ? { ownershipId: row.ownership_id, modelName: row.model_name, serial: row.serial ?? null } : null,
    title: row.title,
    details: row.details,
    status: row.status,
    journey: row.journey_id && row.journey_name ? { id: row.journey_id, name: row.journey_name, stepId: row.step_id } : null,
    createdAt: row.created_at.toISOString(),
    doneAt: row.done_at?.toISOString() ?? null,
    doneBy: row.done_by,
  };
}

/** The tasks journeys gave agents, newest first, open or done. */
export function listAgentTasks(scope: BrandScope, query: { readonly status: AgentTaskStatus; readonly limit: number; readonly cursor?: string | undefined }) {
  const tasks = tasksWithContext(scope).where('t.brand_id', '=', scope.brandId).where('t.status', '=', query.status);
  return keysetPage(tasks, query, toView, 't.id');
}

/** Marks an open task done by the caller. A task someone else finished first is a conflict naming them, so two agents learn they overlapped. */
export async function completeAgentTask(scope: BrandScope, actor: Actor, taskId: string, now = new Date()): Promise<AgentTaskView> {
  const task = await scope.db.selectFrom('agent_tasks').select(['status', 'done_by', 'done_at']).where('id', '=', taskId).forUpdate().executeTakeFirst();
  if (!task) throw new ApiError('not_found', 'There is no agent task with this id in your brand.');
  if (task.status === 'done') {
    throw new ApiError('conflict', `This task was already done by ${task.done_by ?? 'someone'}${task.done_at ? ` at ${task.done_at.toISOString()}` : ''}; nothing more to do.`);
  }
  await scope.db.updateTable('agent_tasks').set({ status: 'done', done_at: now, done_by: actor.label }).where('id', '=', taskId).execute();
  await recordAudit(scope, actor, { action: 'agent_task.done', subjectType: 'agent_task', subjectId: taskId });
  return toView(await tasksWithContext(scope).where('t.id', '=', taskId).executeTakeFirstOrThrow());
}
