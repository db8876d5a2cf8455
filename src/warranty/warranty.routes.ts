import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { ApiError } from '../platform/http/errors.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { addCarePlan, cancelCarePlan, carePlanBody, carePlanView, listCarePlans } from './care-plans.ts';
import type { Entitlement } from './entitlement.ts';
import { entitlementSchema, entitlementView } from './entitlement-view.ts';
import { todayUtc } from '../platform/calendar.ts';
import { ownershipEntitlement } from './ownership-entitlement.ts';
import { setWarrantyFacts, warrantyFactsBody } from './warranty-facts.ts';

const settingsView = z.object({ expiryNoticeDays: z.number().int() }).meta({ id: 'WarrantySettings' });

/** Entitlement, care plans and the dates coverage counts from, for agents and brand systems. */
export const warrantyRoutes: RouteModule = (app, { db }) => {
  const read = requirePermission('owners:read');
  const change = requirePermission('owners:write');
  const tags = ['warranty'];

  app.get('/api/v1/ownerships/:id/entitlement', {
    preValidation: read,
    schema: { tags, summary: 'What the ownership’s warranty covers today, until when, and why', params: idParams, response: { 200: entitlementSchema, ...errorResponses } },
  }, async (request) => {
    const entitlement = await readForCaller(db, request, (scope) => ownershipEntitlement(scope, request.params.id));
    if (!entitlement) throw new ApiError('not_found', 'There is no ownership with this id.');
    return entitlementView(entitlement);
  });

  app.patch('/api/v1/ownerships/:id/warranty-facts', {
    preValidation: change,
    schema: { tags, summary: 'Correct the purchase or delivery date coverage counts from', params: idParams, body: warrantyFactsBody, response: { 200: entitlementSchema, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    await setWarrantyFacts(scope, actor, request.params.id, request.body, todayUtc());
    return { status: 200, body: entitlementView((await ownershipEntitlement(scope, request.params.id)) as Entitlement) };
  }));

  app.get('/api/v1/ownerships/:id/care-plans', {
    preValidation: read,
    schema: { tags, summary: 'Care plans (extended coverage) of an ownership, cancelled ones included', params: idParams, response: { 200: z.object({ data: z.array(carePlanView) }), ...errorResponses } },
  }, async (request) => ({ data: await readForCaller(db, request, (scope) => listCarePlans(scope, request.params.id)) }));

  app.post('/api/v1/ownerships/:id/care-plans', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Add a care plan (extended coverage) to an ownership',
      description: 'Publishes `care_plan.added`. A plan with a reference already used for this ownership answers 200 with that plan; used for another ownership, 409.',
      params: idParams,
      body: carePlanBody,
      response: { 200: carePlanView, 201: carePlanView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    const { plan, created } = await addCarePlan(scope, actor, request.params.id, request.body);
    return { status: created ? 201 : 200, body: plan };
  }));

  app.post('/api/v1/care-plans/:id/cancel', {
    preValidation: change,
    schema: { tags, summary: 'Cancel a care plan; it stays on record and covers nothing', params: idParams, response: { 200: carePlanView, ...errorResponses } },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await cancelCarePlan(scope, actor, request.params.id) })));

  app.get('/api/v1/warranty-settings', {
    preValidation: read,
    schema: { tags, summary: 'How many days before coverage ends warranty.expiring is published', response: { 200: settingsView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, async (scope) => {
    const row = await scope.db.selectFrom('warranty_settings').select('expiry_notice_days').where('brand_id', '=', scope.brandId).executeTakeFirst();
    return { expiryNoticeDays: row?.expiry_notice_days ?? 30 };
  }));

  app.put('/api/v1/warranty-settings', {
    preValidation: requirePermission('brand:manage'),
    schema: {
      tags,
      summary: 'Set how many days before coverage ends warranty.expiring is published',
      body: z.strictObject({ expiryNoticeDays: z.number().int('Give whole days.').min(1, 'At least 1 day.').max(365, 'At most 365 days.') }),
      response: { 200: settingsView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope) => {
    const days = request.body.expiryNoticeDays;
    await scope.db.insertInto('warranty_settings').values({ brand_id: scope.brandId, expiry_notice_days: days })
      .onConflict((conflict) => conflict.column('brand_id').doUpdateSet({ expiry_notice_days: days, updated_at: new Date() })).execute();
    return { status: 200, body: { expiryNoticeDays: days } };
  }));
};
