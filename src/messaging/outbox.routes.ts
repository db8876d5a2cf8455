import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { getOutboxMessage, listOutbox, outboxMessageDetailView, outboxMessageView } from './outbox.ts';
import { type MessageStatus, messageStatuses } from './tables.ts';

export const outboxRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('messages:read');
  const tags = ['messaging'];

  app.get('/api/v1/messages', {
    preValidation: read,
    schema: {
      tags,
      summary: 'Every email and SMS sent or queued for owners (the outbox), newest first',
      querystring: z.object({
        ...pageQuery,
        ownerId: z.uuid().optional().meta({ description: 'Only messages to this owner.' }),
        status: z.enum(messageStatuses as [MessageStatus, ...MessageStatus[]]).optional().meta({ description: 'Only messages in this status, e.g. held.' }),
      }),
      response: { 200: pageOf(outboxMessageView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listOutbox(scope, request.query)));

  app.get('/api/v1/messages/:id', {
    preValidation: read,
    schema: { tags, summary: 'One message with its text and HTML bodies and its status history', params: idParams, response: { 200: outboxMessageDetailView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => getOutboxMessage(scope, request.params.id)));
};
