import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { listResources } from '../catalog/resources.ts';
import { readForCaller } from '../platform/http/read.ts';
import { ApiError } from '../platform/http/errors.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { todayUtc } from '../platform/calendar.ts';
import { logCompletion, maintenanceOf, ownershipFacts, ownershipMaintenance } from './maintenance.ts';
import { logMaintenanceBody, loggedMaintenanceView, maintenanceView, ownershipMaintenanceView, resourceSearchView } from './maintenance-schema.ts';
import { searchResources } from './search/resource-search.ts';

/** Maintenance of an ownership for agents and brand systems, and search over a model's help. */
export const selfServiceRoutes: RouteModule = (app, { db }) => {
  app.get('/api/v1/ownerships/:id/maintenance', {
    preValidation: requirePermission('owners:read'),
    schema: {
      tags: ['owners'],
      summary: "An ownership's maintenance schedule: each task's next due date and status, and what was logged",
      params: idParams,
      response: { 200: ownershipMaintenanceView, ...errorResponses },
    },
  }, async (request) => maintenanceView(await readForCaller(db, request, (scope) => ownershipMaintenance(scope, request.params.id, todayUtc()))));

  app.post('/api/v1/ownerships/:id/maintenance', {
    preValidation: requirePermission('owners:write'),
    schema: {
      tags: ['owners'],
      summary: 'Log that a maintenance task was done (its next due date moves on from that day)',
      params: idParams,
      body: logMaintenanceBody,
      response: { 201: loggedMaintenanceView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    const today = todayUtc();
    const ownership = await ownershipFacts(scope, request.params.id);
    if (!ownership) throw new ApiError('not_found', 'There is no ownership with this id in your brand.');
    const { taskId, doneOn = today, note } = request.body;
    const logged = await logCompletion(scope, actor, ownership, { taskId, doneOn, note, loggedBy: 'staff' }, today);
    return { status: 201, body: { logged, maintenance: maintenanceView(await maintenanceOf(scope, ownership, today)) } };
  }));

  app.get('/api/v1/models/:id/resources/search', {
    preValidation: requirePermission('catalog:read'),
    schema: {
      tags: ['catalog'],
      summary: "Full-text search over a model's manuals, guides, FAQs and troubleshooting (typos, word forms and synonyms allowed)",
      params: idParams,
      querystring: z.object({
        q: z.string().trim().min(1, 'Type what to search for.').max(200),
        language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Use a language code such as en or es-MX.').default('en'),
        limit: z.coerce.number().int().min(1).max(50).default(10),
      }),
      response: { 200: resourceSearchView, ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, async (scope) => {
    const resources = new Map((await listResources(scope, request.params.id)).map((resource) => [resource.id, resource]));
    const hits = await searchResources(scope, request.params.id, request.query.q, request.query.language, request.query.limit);
    const data = [];
    for (const hit of hits) {
      const resource = resources.get(hit.id);
      if (resource) data.push({ resource, score: hit.score, excerpt: hit.excerpt });
    }
    return { data };
  }));
};
