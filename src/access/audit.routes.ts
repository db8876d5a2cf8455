import { z } from 'zod';
import { keysetPage, pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { requirePermission } from './principal.ts';

const auditEntryView = z.object({
  id: z.uuid(),
  at: z.string(),
  actorType: z.enum(['staff', 'api_key', 'system', 'owner']),
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.uuid().nullable(),
  changes: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
}).meta({ id: 'AuditEntry' });

export const auditRoutes: RouteModule = (app, { db }) => {
  app.get('/api/v1/audit-log', {
    preValidation: requirePermission('audit:read'),
    schema: {
      tags: ['access'],
      summary: 'Who changed what, newest first',
      querystring: z.object({
        ...pageQuery,
        subjectType: z.string().max(50).optional(),
        subjectId: z.uuid().optional(),
        actorType: z.enum(['staff', 'api_key', 'system', 'owner']).optional(),
      }),
      response: { 200: pageOf(auditEntryView), ...errorResponses },
    },
  }, async (request) => {
    const { subjectType, subjectId, actorType } = request.query;
    return readForCaller(db, request, async (scope) => {
      const query = scope.db
        .selectFrom('audit_log')
        .selectAll()
        .where('brand_id', '=', scope.brandId)
        .$if(subjectType !== undefined, (q) => q.where('subject_type', '=', subjectType as string))
        .$if(subjectId !== undefined, (q) => q.where('subject_id', '=', subjectId as string))
        .$if(actorType !== undefined, (q) => q.where('actor_type', '=', actorType as 'staff'));
      return keysetPage(query, request.query, (row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actorType: row.actor_type,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        changes: row.changes as Record<string, unknown>,
        requestId: row.request_id,
      }));
    });
  });
};
