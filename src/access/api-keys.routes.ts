import { z } from 'zod';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { apiKeyView, createApiKey, createApiKeyBody, createdApiKeyView, listApiKeys, revokeApiKey } from './api-keys.ts';
import { requirePermission } from './principal.ts';

export const apiKeyRoutes: RouteModule = (app, { db }) => {
  const guard = requirePermission('api_keys:manage');

  app.get('/api/v1/api-keys', {
    preValidation: guard,
    schema: { tags: ['access'], summary: "The brand's API keys (never the keys themselves)", querystring: z.object(pageQuery), response: { 200: pageOf(apiKeyView), ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => listApiKeys(scope, request.query)));

  app.post('/api/v1/api-keys', {
    preValidation: guard,
    schema: { tags: ['access'], summary: 'Make an API key; the response shows it once', body: createApiKeyBody, response: { 201: createdApiKeyView, ...errorResponses } },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => ({ status: 201, body: await createApiKey(scope, actor, request.body) }), {
      replayable: (body) => ({ ...body, key: null }),
    }),
  );

  app.delete('/api/v1/api-keys/:id', {
    preValidation: guard,
    schema: { tags: ['access'], summary: 'Revoke an API key: it stops working at once', params: idParams, response: { 200: apiKeyView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await revokeApiKey(scope, actor, request.params.id) })));
};
