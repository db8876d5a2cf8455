import { requirePermission } from '../access/principal.ts';
import { pageOf } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { createRecallBody, listRecallsQuery, recallView } from './recall-schema.ts';
import { closeRecall, createRecall, getRecall, listRecalls } from './recalls.ts';

/** Safety recalls of the brand's models: announced here, shown to owners by scans and owner pages. */
export const recallRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('catalog:read');
  const change = requirePermission('catalog:write');
  const tags = ['recalls'];

  app.get('/api/v1/recalls', {
    preValidation: read,
    schema: { tags, summary: "The brand's recalls, newest first", querystring: listRecallsQuery, response: { 200: pageOf(recallView), ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => listRecalls(scope, request.query)));

  app.post('/api/v1/recalls', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Announce a recall of a model: every unit, named serials, or units made between two dates',
      body: createRecallBody,
      response: { 201: recallView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 201, body: await createRecall(scope, actor, request.body) })));

  app.get('/api/v1/recalls/:id', {
    preValidation: read,
    schema: { tags, summary: 'One recall, with the serials it names', params: idParams, response: { 200: recallView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => getRecall(scope, request.params.id)));

  app.post('/api/v1/recalls/:id/close', {
    preValidation: change,
    schema: { tags, summary: 'Close a recall once its remedy is done; owners no longer see it', params: idParams, response: { 200: recallView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await closeRecall(scope, actor, request.params.id) })));
};
