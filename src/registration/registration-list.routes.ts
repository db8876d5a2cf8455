import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { listRegistrationConflicts, listRegistrations, registrationConflictView, registrationListEntry, registrationSources } from './registration-list.ts';

const day = z.iso.date('Give a date as YYYY-MM-DD.');

export const registrationListRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('owners:read');
  const tags = ['registration'];

  app.get('/api/v1/registrations', {
    preValidation: read,
    schema: {
      tags,
      summary: 'Registered products (ownerships), most recently registered first',
      querystring: z.object({
        ...pageQuery,
        model: z.uuid().optional().meta({ description: 'Only this model.' }),
        source: z.enum(registrationSources).optional(),
        retailer: z.string().max(100).optional().meta({ description: 'Exactly this retailer name.' }),
        from: day.optional().meta({ description: 'Registered on or after this day (UTC).' }),
        to: day.optional().meta({ description: 'Registered on or before this day (UTC).' }),
      }).refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'The end date is before the start date.', path: ['to'] }),
      response: { 200: pageOf(registrationListEntry), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listRegistrations(scope, request.query)));

  app.get('/api/v1/registration-conflicts', {
    preValidation: read,
    schema: {
      tags,
      summary: 'Attempts to register a unit another owner holds, newest first',
      querystring: z.object(pageQuery),
      response: { 200: pageOf(registrationConflictView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listRegistrationConflicts(scope, request.query)));
};
