import { requirePermission } from '../access/principal.ts';
import { pageOf } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { agentTaskQuery, agentTaskView, completeAgentTask, listAgentTasks } from './agent-tasks.ts';

/** The tasks journeys' task steps give agents ("call this owner"), to work through and mark done. */
export const agentTaskRoutes: RouteModule = (app, { db }) => {
  const tags = ['owners'];

  app.get('/api/v1/agent-tasks', {
    preValidation: requirePermission('owners:read'),
    schema: {
      tags,
      summary: 'Tasks journeys gave agents, newest first: open ones, or done ones',
      querystring: agentTaskQuery,
      response: { 200: pageOf(agentTaskView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listAgentTasks(scope, request.query)));

  app.post('/api/v1/agent-tasks/:id/done', {
    preValidation: requirePermission('owners:write'),
    schema: {
      tags,
      summary: 'Mark a task done (409 when someone already did)',
      params: idParams,
      response: { 200: agentTaskView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await completeAgentTask(scope, actor, request.params.id) })));
};
