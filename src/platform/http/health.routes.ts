import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from './server.ts';

export const healthRoutes: RouteModule = (app, { db, isMigrated }) => {
  app.get('/healthz', {
    schema: { tags: ['health'], summary: 'The process is alive', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    schema: {
      tags: ['health'],
      summary: 'The database answers and the schema is up to date',
      response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('not_ready'), reason: z.string() }) },
    },
  }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
    } catch {
      return reply.code(503).send({ status: 'not_ready', reason: 'The database does not answer.' });
    }
    if (!(await isMigrated())) return reply.code(503).send({ status: 'not_ready', reason: 'Database migrations are pending.' });
    return { status: 'ready' as const };
  });
};
