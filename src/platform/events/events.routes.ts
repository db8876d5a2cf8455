import { z } from 'zod';
import { requirePermission } from '../../access/principal.ts';
import { keysetPage, pageOf, pageQuery } from '../http/pagination.ts';
import { readForCaller } from '../http/read.ts';
import { errorResponses } from '../http/responses.ts';
import type { RouteModule } from '../http/server.ts';

const eventView = z.object({
  id: z.uuid(),
  type: z.string(),
  subjectType: z.string(),
  subjectId: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
}).meta({ id: 'Event' });

export const eventRoutes: RouteModule = (app, { db }) => {
  app.get('/api/v1/events', {
    preValidation: requirePermission('events:read'),
    schema: {
      tags: ['events'],
      summary: "The brand's event outbox, newest first",
      description: 'Page through it to sync another system; each event id is stable, so a consumer can skip what it has seen.',
      querystring: z.object({ ...pageQuery, type: z.string().max(100).optional() }),
      response: { 200: pageOf(eventView), ...errorResponses },
    },
  }, async (request) => {
    return readForCaller(db, request, async (scope) => {
      const query = scope.db
        .selectFrom('events')
        .selectAll()
        .where('brand_id', '=', scope.brandId)
        .$if(request.query.type !== undefined, (q) => q.where('type', '=', request.query.type as string));
      return keysetPage(query, request.query, (row) => ({
        id: row.id,
        type: row.type,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        payload: row.payload as Record<string, unknown>,
        occurredAt: row.occurred_at.toISOString(),
      }));
    });
  });

  app.get('/api/v1/activity', {
    preValidation: requirePermission('events:read'),
    schema: {
      tags: ['events'],
      summary: 'Events per type per day over the last 30 days',
      response: { 200: z.object({ data: z.array(z.object({ day: z.string(), type: z.string(), count: z.number() })) }), ...errorResponses },
    },
  }, async (request) =>
    readForCaller(db, request, async (scope) => ({
      data: await scope.db
        .selectFrom('daily_event_counts')
        .select(['day', 'type', 'count'])
        .where('brand_id', '=', scope.brandId)
        .where('day', '>=', new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10))
        .orderBy('day')
        .orderBy('type')
        .execute(),
    })),
  );
};
