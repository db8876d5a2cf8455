import { z } from 'zod';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { requirePermission } from './principal.ts';
import { createStaff, createStaffBody, listStaff, staffView, updateStaff, updateStaffBody } from './staff.ts';

export const staffRoutes: RouteModule = (app, { db }) => {
  app.get('/api/v1/staff', {
    preValidation: requirePermission('staff:read'),
    schema: { tags: ['access'], summary: "The brand's staff users", querystring: z.object(pageQuery), response: { 200: pageOf(staffView), ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => listStaff(scope, request.query)));

  app.post('/api/v1/staff', {
    preValidation: requirePermission('staff:manage'),
    schema: { tags: ['access'], summary: 'Add a staff user with a role', body: createStaffBody, response: { 201: staffView, ...errorResponses } },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => ({ status: 201, body: await createStaff(scope, actor, request.body) }), {
      fingerprintOf: { ...request.body, password: null }, // never keep a password, even hashed into a fingerprint
    }),
  );

  app.patch('/api/v1/staff/:id', {
    preValidation: requirePermission('staff:manage'),
    schema: { tags: ['access'], summary: "Change a staff user's name, role, password, or disable them", params: idParams, body: updateStaffBody, response: { 200: staffView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await updateStaff(scope, actor, request.params.id, request.body) })));
};
