import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { conditionSchema } from '../journeys/conditions.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { previewSegment, segmentDetail, segmentDetailView, segmentList, segmentMember, segmentMembers, segmentSummary } from './segment-views.ts';
import { checkSegmentCondition, createSegment, deleteSegment, requestRefresh, segmentBody, updateSegment } from './segments.ts';

const tags = ['segments'];
const sampleMember = segmentMember.omit({ enteredAt: true });

/** Segments for the console and brand systems: saved conditions over the brand's products, their members, and refreshes. */
export const segmentRoutes: RouteModule = (app, { db }) => {
  // Segments are a journeys tool: the same people may read and change them. Members are people, so
  // listing them also needs owners:read (analysts see the counts only).
  const read = requirePermission('journeys:read');
  const change = requirePermission('journeys:write');
  const readPeople = [read, requirePermission('owners:read')];

  app.get('/api/v1/segments', {
    preValidation: read,
    schema: { tags, summary: 'The brand\'s segments with their member counts', response: { 200: z.object({ data: z.array(segmentSummary) }), ...errorResponses } },
  }, async (request) => ({ data: await readForCaller(db, request, (scope) => segmentList(scope)) }));

  app.post('/api/v1/segments', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Create a segment; its members are computed by a refresh queued at once',
      description: 'A segment holds the brand\'s active products whose owner and product meet the condition, never one registered for safety notices only. Each product that enters writes a `segment.entered` event, which can trigger journeys.',
      body: segmentBody,
      response: { 201: segmentDetailView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    const id = await createSegment(scope, actor, request.body);
    return { status: 201, body: await segmentDetail(scope, id) };
  }));

  app.post('/api/v1/segments/preview', {
    preValidation: readPeople,
    schema: {
      tags,
      summary: 'Who a condition would select today, before saving it: the count and a sample of products',
      body: z.strictObject({ condition: conditionSchema, sample: z.int().min(0).max(50).default(10) }),
      response: { 200: z.object({ count: z.int(), sample: z.array(sampleMember) }), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, async (scope) => {
    checkSegmentCondition(request.body.condition);
    return previewSegment(scope, request.body.condition, request.body.sample);
  }));

  app.get('/api/v1/segments/:id', {
    preValidation: read,
    schema: { tags, summary: 'A segment, its figures and the journeys it triggers', params: idParams, response: { 200: segmentDetailView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => segmentDetail(scope, request.params.id)));

  app.put('/api/v1/segments/:id', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Change a segment',
      description: 'A changed condition queues a refresh: products that meet it enter (journeys it triggers hear of them), members that no longer do leave.',
      params: idParams,
      body: segmentBody,
      response: { 200: segmentDetailView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    await updateSegment(scope, actor, request.params.id, request.body);
    return { status: 200, body: await segmentDetail(scope, request.params.id) };
  }));

  app.delete('/api/v1/segments/:id', {
    preValidation: change,
    schema: { tags, summary: 'Delete a segment (refused while a journey is triggered by it)', params: idParams, response: { 204: z.null(), ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 204, body: (await deleteSegment(scope, actor, request.params.id), null) })));

  app.post('/api/v1/segments/:id/refresh', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Refresh the segment now (queued; segments also refresh every 15 minutes)',
      description: 'Answers 202 at once; the segment shows `refreshPending` until the refresh has run, then its new figures.',
      params: idParams,
      response: { 202: segmentDetailView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope) => {
    await requestRefresh(scope, request.params.id);
    return { status: 202, body: await segmentDetail(scope, request.params.id) };
  }));

  app.get('/api/v1/segments/:id/members', {
    preValidation: readPeople,
    schema: {
      tags,
      summary: 'The segment\'s products, those who entered last first, with the member count',
      params: idParams,
      querystring: z.object(pageQuery),
      response: { 200: pageOf(segmentMember).extend({ count: z.int() }), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => segmentMembers(scope, request.params.id, request.query)));
};
