import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { ownerHitView, searchOwners } from '../agent/owner-search.ts';
import { getOwnerDetail, ownerDetailView } from './owner-directory.ts';

export const ownerRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('owners:read');
  const tags = ['owners'];

  app.get('/api/v1/owners', {
    preValidation: read,
    schema: {
      tags,
      summary: "The brand's owners, newest first, found by email, phone, serial, claim number or name",
      description: "The agent's one search box. Each hit says what it matched on; a serial or claim number names the product (and claim) to highlight.",
      querystring: z.object({
        ...pageQuery,
        q: z.string().max(200).optional().meta({
          description: 'An email (exact), a phone number (any common format; US unless it starts with +), a serial number, a claim number (C-10482, any case), or words of a name (each may be the start of a word).',
        }),
      }),
      response: { 200: pageOf(ownerHitView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => searchOwners(scope, request.query)));

  app.get('/api/v1/owners/:id', {
    preValidation: read,
    schema: {
      tags,
      summary: 'One owner with their products, consents (current and history) and registration conflicts',
      params: idParams,
      response: { 200: ownerDetailView, ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => getOwnerDetail(scope, request.params.id)));
};
