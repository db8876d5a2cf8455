import { z } from 'zod';
import { requirePermission, requirePrincipal } from '../access/principal.ts';
import { ApiError } from '../platform/http/errors.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { withinRateLimit } from '../platform/http/rate-limit.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { recordTelemetry } from './record-telemetry.ts';
import { telemetryOf } from './telemetry-history.ts';
import {
  type TelemetryBatchResult,
  type TelemetryResult,
  telemetryBatchEnvelope,
  telemetryBatchView,
  telemetryBody,
  telemetryEventView,
  telemetryLimits,
  telemetryResultView,
  telemetryType,
} from './telemetry-schema.ts';

const eventsPerMinute = { bucket: 'telemetry_events', limit: telemetryLimits.eventsPerMinute, windowSeconds: 60 };

type ItemErrorCode = 'validation_failed' | 'telemetry_unit_unknown' | 'serial_ambiguous';

/** The events a request carries: a batch's list, or the one event it is. */
function eventsOf(body: unknown): { events: readonly unknown[]; batch: boolean } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('validation_failed', 'Send one event as a JSON object, or several as { "events": [ ... ] }.', [{ path: 'body', message: 'Expected an object.' }]);
  }
  if (!('events' in body)) return { events: [body], batch: false };
  const envelope = telemetryBatchEnvelope.safeParse(body);
  if (!envelope.success) {
    const details = envelope.error.issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message }));
    throw new ApiError('validation_failed', `${details[0]?.path.replace(/^body\./, '')}: ${details[0]?.message}`, details);
  }
  return { events: envelope.data.events, batch: true };
}

/** Connected products report usage and faults ("phone home"); agents read them per product. */
export const telemetryRoutes: RouteModule = (app, { db }) => {
  app.post('/api/v1/telemetry/events', {
    preValidation: requirePermission('telemetry:write'),
    // Each event of a batch is checked in the handler, so one bad event is refused alone; the
    // schema below documents the shape.
    validatorCompiler: () => (value) => ({ value }),
    schema: {
      tags: ['telemetry'],
      summary: 'Report product events: one, or a batch of up to 500 (each stored or refused on its own)',
      description:
        `An event names the unit by serial (and GTIN when the serial alone may belong to more than one model) and is stored against its registered ownership, then published as \`telemetry.<type>\` for journeys. ` +
        `Send eventId to make retries safe. A single event answers 201 (stored), 200 (duplicate), 404 telemetry_unit_unknown or 409 serial_ambiguous; a batch answers 200 with a result per event. ` +
        `Limits: ${telemetryLimits.batch} events per request, ${telemetryLimits.dataBytes} bytes of data per event, ${telemetryLimits.eventsPerMinute} events per minute per API key (429 rate_limited with Retry-After).`,
      body: telemetryBody,
      response: { 200: z.union([telemetryResultView, telemetryBatchView]), 201: telemetryResultView, ...errorResponses },
    },
  }, async (request, reply) => {
    const { events, batch } = eventsOf(request.body);
    const principal = requirePrincipal(request);
    if (!(await withinRateLimit(db, eventsPerMinute, principal.id, events.length))) {
      const retryAfter = 60 - (Math.floor(Date.now() / 1000) % 60);
      void reply.header('retry-after', String(retryAfter));
      throw new ApiError('rate_limited', `This API key sent more than ${telemetryLimits.eventsPerMinute} events this minute; send the rest in ${retryAfter} seconds.`);
    }
    return write<TelemetryResult | TelemetryBatchResult>(db, request, reply, async (scope) => {
      const results = await recordTelemetry(scope, events);
      if (batch) {
        const count = (status: string) => results.filter((result) => result.status === status).length;
        return { status: 200, body: { stored: count('stored'), duplicates: count('duplicate'), rejected: count('rejected'), results } };
      }
      const result = results[0] as (typeof results)[number];
      if (result.error) {
        const code = result.error.code as ItemErrorCode;
        throw new ApiError(code, result.error.message, code === 'validation_failed' ? [{ path: 'body', message: result.error.message }] : null);
      }
      return { status: result.status === 'stored' ? 201 : 200, body: result };
    });
  });

  app.get('/api/v1/ownerships/:id/telemetry', {
    preValidation: requirePermission('owners:read'),
    schema: {
      tags: ['telemetry'],
      summary: "A registered product's events, newest received first",
      params: idParams,
      querystring: z.object({ ...pageQuery, type: telemetryType.optional() }),
      response: { 200: pageOf(telemetryEventView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => telemetryOf(scope, request.params.id, request.query)));
};
