import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { ApiError } from '../platform/http/errors.ts';
import { readForCaller } from '../platform/http/read.ts';
import { pageQuery } from '../platform/http/pagination.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { journeyDefinitionSchema } from './definition.ts';
import { journeyEffects } from './journey-effects.ts';
import { createJourney, publishJourneyVersion, setJourneyStatus } from './journeys.ts';
import { adoptPlaybookJourney, playbook } from './playbook.ts';
import { previewJourney } from './preview.ts';
import { journeyCounts } from './step-counts.ts';
import { journeyDetail, journeyList, journeyRuns, requireJourney } from './journey-views.ts';
import { webhookSigningRoutes } from './webhook-signing.routes.ts';

const tags = ['journeys'];
const idParams = z.object({ id: z.uuid() });
const journeyBody = z.strictObject({ name: z.string().trim().min(1, 'Give the journey a name.').max(120), definition: journeyDefinitionSchema });

/** Journeys for the console and brand systems: define them as JSON, publish versions, switch them on, preview and watch them. */
export const journeyRoutes: RouteModule = (app, context) => {
  const { db, config } = context;
  const effects = journeyEffects(config.publicUrl);
  const read = requirePermission('journeys:read');
  const change = requirePermission('journeys:write');
  // Who is in a journey, and a preview for a named owner, show people: analysts see numbers only.
  const readPeople = [read, requirePermission('owners:read')];

  app.get('/api/v1/journeys', {
    preValidation: read,
    schema: { tags, summary: 'The brand\'s journeys with their status, trigger and totals' },
  }, async (request) => readForCaller(db, request, (scope) => journeyList(scope)));

  app.post('/api/v1/journeys', {
    preValidation: change,
    schema: { tags, summary: 'Create a journey (switched off) with its first version', body: journeyBody, response: errorResponses },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    const { journey } = await createJourney(scope, actor, request.body);
    return { status: 201, body: await journeyDetail(scope, journey.id) };
  }));

  app.get('/api/v1/journeys/:id', {
    preValidation: read,
    schema: { tags, summary: 'A journey: its current definition, versions and live counts per step', params: idParams },
  }, async (request) => readForCaller(db, request, (scope) => journeyDetail(scope, request.params.id)));

  app.put('/api/v1/journeys/:id', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Publish an edited journey as its next version',
      description: 'Owners already inside finish on the version they entered; new entrants take this one.',
      params: idParams,
      body: journeyBody,
      response: errorResponses,
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    await publishJourneyVersion(scope, actor, request.params.id, request.body);
    return { status: 200, body: await journeyDetail(scope, request.params.id) };
  }));

  app.post('/api/v1/journeys/:id/status', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Switch a journey live, off (nobody enters; those inside finish) or paused (nobody enters or moves)',
      params: idParams,
      body: z.strictObject({ status: z.enum(['live', 'off', 'paused']) }),
      response: errorResponses,
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    await setJourneyStatus(scope, actor, request.params.id, request.body.status);
    return { status: 200, body: await journeyDetail(scope, request.params.id) };
  }));

  app.post('/api/v1/journeys/:id/preview', {
    preValidation: readPeople,
    schema: {
      tags,
      summary: 'Run the journey for one owner on paper: each step\'s decision, nothing queued or sent',
      description: 'Previews the current version, or `definition` when given (an edit not yet published).',
      params: idParams,
      body: z.strictObject({ ownerId: z.uuid(), ownershipId: z.uuid().nullable().default(null), definition: journeyDefinitionSchema.optional(), event: z.record(z.string(), z.unknown()).optional() }),
    },
  }, async (request) => readForCaller(db, request, async (scope) => {
    const detail = await journeyDetail(scope, request.params.id);
    const owner = await scope.db.selectFrom('owners').select('id').where('id', '=', request.body.ownerId).executeTakeFirst();
    if (!owner) throw new ApiError('not_found', 'There is no owner with this id in your brand; pick one from Owners.');
    if (request.body.ownershipId) {
      const ownership = await scope.db.selectFrom('ownerships').select('owner_id').where('id', '=', request.body.ownershipId).executeTakeFirst();
      if (ownership?.owner_id !== owner.id) throw new ApiError('not_found', 'That product is not one of this owner\'s; pick one of theirs or none.');
    }
    const steps = await previewJourney(scope, effects, request.body.definition ?? detail.definition, {
      ownerId: owner.id,
      ownershipId: request.body.ownershipId,
      triggerPayload: request.body.event ? { data: request.body.event } : {},
    });
    return { steps };
  }));

  app.get('/api/v1/journeys/:id/counts', {
    preValidation: read,
    schema: { tags, summary: 'Live counts: entered, waiting, sent, held, converted and exited per step', params: idParams },
  }, async (request) => readForCaller(db, request, async (scope) => {
    await requireJourney(scope, request.params.id);
    return journeyCounts(scope, request.params.id);
  }));

  app.get('/api/v1/journeys/:id/runs', {
    preValidation: readPeople,
    schema: {
      tags,
      summary: 'Owners in the journey, latest entry first, by status or step, a page at a time',
      description: 'Send the `nextCursor` of a page (with the same status and step) as `cursor` for the next; it is null on the last page.',
      params: idParams,
      querystring: z.object({ status: z.enum(['active', 'completed', 'converted', 'exited']).optional(), step: z.string().max(40).optional(), ...pageQuery }),
    },
  }, async (request) => readForCaller(db, request, async (scope) => {
    await requireJourney(scope, request.params.id);
    return journeyRuns(scope, request.params.id, request.query);
  }));

  app.get('/api/v1/journey-playbook', {
    preValidation: read,
    schema: { tags, summary: 'The ready journeys a brand can adopt, and whether it has' },
  }, async (request) => readForCaller(db, request, async (scope) => {
    const adopted = await scope.db.selectFrom('journeys').select(['playbook_key', 'id']).where('playbook_key', 'is not', null).execute();
    return playbook.map((entry) => ({ key: entry.key, name: entry.name, summary: entry.summary, journeyId: adopted.find((row) => row.playbook_key === entry.key)?.id ?? null }));
  }));

  app.post('/api/v1/journey-playbook/:key/adopt', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Adopt a playbook journey: it and its templates are created, switched off, to edit and switch on',
      params: z.object({ key: z.string().max(60) }),
      response: errorResponses,
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    const journeyId = await adoptPlaybookJourney(scope, actor, request.params.key);
    return { status: 201, body: await journeyDetail(scope, journeyId) };
  }));

  // Webhook steps sign their calls with the brand's secret; admins read and rotate it here.
  webhookSigningRoutes(app, context);
};
