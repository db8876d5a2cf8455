import { requirePermission } from '../access/principal.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { brandView, getBrand, updateBranding, updateBrandBody } from './brands.ts';

export const brandRoutes: RouteModule = (app, { db }) => {
  app.get('/api/v1/brand', {
    schema: { tags: ['brand'], summary: "The caller's brand and its branding", response: { 200: brandView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, getBrand));

  app.patch('/api/v1/brand', {
    preValidation: requirePermission('brand:manage'),
    schema: { tags: ['brand'], summary: 'Change the brand name, logo and colours', body: updateBrandBody, response: { 200: brandView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await updateBranding(scope, actor, request.body) })));
};
