import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { ApiError } from '../platform/http/errors.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import type { Point } from './centres/nearest.ts';
import { locatePostalCode, postalCountries } from './centres/postal-location.ts';
import { createServiceCentreBody, serviceCentreView, updateServiceCentreBody } from './service-centre-schema.ts';
import { createServiceCentre, deleteServiceCentre, getServiceCentre, listServiceCentres, nearestServiceCentres, updateServiceCentre } from './service-centres.ts';

const nearestQuery = z.object({
  postalCode: z.string().trim().max(20).optional(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US or CA.').default('US'),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
}).refine((q) => q.postalCode || (q.latitude !== undefined && q.longitude !== undefined), { message: 'Give a postalCode (with its country), or latitude and longitude.', path: ['postalCode'] });

/** A point from the query: its coordinates, else its postal code placed on the map. */
function pointOf(query: z.output<typeof nearestQuery>): Point {
  if (query.latitude !== undefined && query.longitude !== undefined) return { latitude: query.latitude, longitude: query.longitude };
  const located = locatePostalCode(query.postalCode ?? '', query.country);
  if (located.found) return located.point;
  const message = located.reason === 'country_not_covered'
    ? `Postal codes can be placed only in ${postalCountries.join(' and ')}; give latitude and longitude instead.`
    : `The postal code ${query.postalCode} is not one OpenOX knows in ${query.country}.`;
  throw new ApiError('validation_failed', message, [{ path: 'query.postalCode', message }]);
}

/** A brand's repair and service locations. */
export const serviceCentreRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('catalog:read');
  const change = requirePermission('catalog:write');
  const tags = ['service centres'];

  app.get('/api/v1/service-centres', {
    preValidation: read,
    schema: {
      tags,
      summary: "The brand's service centres, newest first",
      querystring: z.object({ ...pageQuery, active: z.enum(['true', 'false']).transform((value) => value === 'true').optional() }),
      response: { 200: pageOf(serviceCentreView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listServiceCentres(scope, request.query)));

  app.get('/api/v1/service-centres/nearest', {
    preValidation: read,
    schema: {
      tags,
      summary: 'The active service centres nearest to a postal code (US, Canada) or a point, nearest first',
      querystring: nearestQuery,
      response: { 200: z.object({ data: z.array(z.object({ centre: serviceCentreView, distanceKm: z.number() })) }), ...errorResponses },
    },
  }, async (request) => {
    const from = pointOf(request.query);
    const nearest = await readForCaller(db, request, (scope) => nearestServiceCentres(scope, from, request.query.limit));
    return { data: nearest.map(({ centre, km }) => ({ centre, distanceKm: Math.round(km * 10) / 10 })) };
  });

  app.post('/api/v1/service-centres', {
    preValidation: change,
    schema: { tags, summary: 'Add a service centre (placed on the map from its postal code unless coordinates are given)', body: createServiceCentreBody, response: { 201: serviceCentreView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 201, body: await createServiceCentre(scope, actor, request.body) })));

  app.get('/api/v1/service-centres/:id', {
    preValidation: read,
    schema: { tags, summary: 'One service centre', params: idParams, response: { 200: serviceCentreView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => getServiceCentre(scope, request.params.id)));

  app.patch('/api/v1/service-centres/:id', {
    preValidation: change,
    schema: { tags, summary: 'Change a service centre; `active: false` hides it from owners', params: idParams, body: updateServiceCentreBody, response: { 200: serviceCentreView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await updateServiceCentre(scope, actor, request.params.id, request.body) })));

  app.delete('/api/v1/service-centres/:id', {
    preValidation: change,
    schema: { tags, summary: 'Remove a service centre', params: idParams, response: { 204: z.null(), ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 204, body: (await deleteServiceCentre(scope, actor, request.params.id), null) })));
};
