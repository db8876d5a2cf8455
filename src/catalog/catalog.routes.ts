import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { checkGtin } from './gtin.ts';
import { createModelBody, createResourceBody, modelView, resourceView, updateModelBody, updateResourceBody } from './model-schema.ts';
import { createModel, deleteModel, getModel, listModels, updateModel } from './models.ts';
import { createResource, deleteResource, listResources, updateResource } from './resources.ts';

export const catalogRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('catalog:read');
  const change = requirePermission('catalog:write');
  const tags = ['catalog'];

  app.get('/api/v1/models', {
    preValidation: read,
    schema: {
      tags,
      summary: "The brand's product models, newest first",
      querystring: z.object({
        ...pageQuery,
        category: z.string().max(100).optional(),
        gtin: z.string().max(20).optional().transform(normaliseGtinFilter),
        q: z.string().max(100).optional().meta({ description: 'Part of the name or SKU.' }),
      }),
      response: { 200: pageOf(modelView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listModels(scope, request.query)));

  app.post('/api/v1/models', {
    preValidation: change,
    schema: { tags, summary: 'Add a model with its GTINs, serial rules, warranty terms and maintenance schedule', body: createModelBody, response: { 201: modelView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 201, body: await createModel(scope, actor, request.body) })));

  app.get('/api/v1/models/:id', {
    preValidation: read,
    schema: { tags, summary: 'One model', params: idParams, response: { 200: modelView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => getModel(scope, request.params.id)));

  app.patch('/api/v1/models/:id', {
    preValidation: change,
    schema: { tags, summary: 'Change a model; a list sent replaces the list', params: idParams, body: updateModelBody, response: { 200: modelView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await updateModel(scope, actor, request.params.id, request.body) })));

  app.delete('/api/v1/models/:id', {
    preValidation: change,
    schema: { tags, summary: 'Remove a model and its resources', params: idParams, response: { 204: z.null(), ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 204, body: (await deleteModel(scope, actor, request.params.id), null) })));

  app.get('/api/v1/models/:id/resources', {
    preValidation: read,
    schema: { tags, summary: "A model's manuals, guides, videos, FAQs and troubleshooting articles", params: idParams, response: { 200: z.object({ data: z.array(resourceView) }), ...errorResponses } },
  }, async (request) => ({ data: await readForCaller(db, request, (scope) => listResources(scope, request.params.id)) }));

  app.post('/api/v1/models/:id/resources', {
    preValidation: change,
    schema: { tags, summary: 'Add a resource to a model', params: idParams, body: createResourceBody, response: { 201: resourceView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 201, body: await createResource(scope, actor, request.params.id, request.body) })));

  app.patch('/api/v1/resources/:id', {
    preValidation: change,
    schema: { tags, summary: 'Change a resource', params: idParams, body: updateResourceBody, response: { 200: resourceView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await updateResource(scope, actor, request.params.id, request.body) })));

  app.delete('/api/v1/resources/:id', {
    preValidation: change,
    schema: { tags, summary: 'Remove a resource', params: idParams, response: { 204: z.null(), ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 204, body: (await deleteResource(scope, actor, request.params.id), null) })));
};

/** A GTIN filter matches however the GTIN is written (8 to 14 digits); an invalid one simply matches nothing. */
function normaliseGtinFilter(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const check = checkGtin(value);
  return check.valid ? check.gtin14 : value;
}
