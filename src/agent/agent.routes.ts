import { z } from 'zod';
import { can } from '../access/permissions.ts';
import { requirePermission, requirePrincipal } from '../access/principal.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { callLogView, listCalls, logCall, logCallBody } from './call-logs.ts';
import { handlingPeriod } from './handling-period.ts';
import { handlingTimes, handlingTimesQuery, handlingTimesView } from './handling-times.ts';
import { ownerOverview } from './owner-overview.ts';
import { ownerOverviewView } from './owner-overview-view.ts';

/** The support agent's desk: the 360° view of an owner, calls with owners, and handling times. */
export const agentRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('owners:read');
  const change = requirePermission('owners:write');
  const tags = ['owners'];

  app.get('/api/v1/owners/:id/overview', {
    preValidation: read,
    schema: {
      tags,
      summary: "The agent's 360° view of one owner",
      description: 'The owner, consents and preferred channel; every product with stage, warranty today, maintenance due and proof of purchase; claims; latest calls; and a timeline with repeated edits folded. Claims (and claim events) need claims:read, messages in the timeline messages:read.',
      params: idParams,
      response: { 200: ownerOverviewView, ...errorResponses },
    },
  }, async (request) => {
    const { role } = requirePrincipal(request);
    const access = { claims: can(role, 'claims:read'), messages: can(role, 'messages:read') };
    return readForCaller(db, request, (scope) => ownerOverview(scope, request.params.id, access));
  });

  app.get('/api/v1/owners/:id/calls', {
    preValidation: read,
    schema: {
      tags,
      summary: 'Calls logged with an owner, latest first',
      params: idParams,
      querystring: z.object(pageQuery),
      response: { 200: pageOf(callLogView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listCalls(scope, request.params.id, request.query)));

  app.post('/api/v1/owners/:id/calls', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Log a call with an owner (publishes call.logged)',
      params: idParams,
      body: logCallBody,
      response: { 201: callLogView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 201, body: await logCall(scope, actor, request.params.id, request.body) })));

  app.get('/api/v1/agent/handling-times', {
    preValidation: requirePermission('claims:read'),
    schema: {
      tags: ['claims'],
      summary: 'Average handling time: first-response and resolution times of claims, and calls, over a period',
      querystring: handlingTimesQuery,
      response: { 200: handlingTimesView, ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => handlingTimes(scope, handlingPeriod(request.query))));
};
