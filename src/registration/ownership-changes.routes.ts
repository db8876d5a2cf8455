import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { retireOwnership, transferOwnership, transferToClaimant } from './ownership-changes.ts';

const ownershipParams = z.object({ id: z.uuid() });
const transferred = z.object({
  fromOwnershipId: z.uuid().meta({ description: 'The ownership that ended (status transferred): the earlier owner keeps it as history.' }),
  ownershipId: z.uuid().meta({ description: 'The new owner’s ownership of the unit.' }),
  ownerId: z.uuid(),
}).meta({ id: 'Transfer' });

const transferBody = z.strictObject({
  owner: z.strictObject({
    email: z.email('Give the new owner’s email address.'),
    name: z.string().trim().min(1, 'Give the new owner’s name.').max(200),
    country: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US.').optional(),
    language: z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code such as en.').default('en'),
  }),
  transferredOn: z.iso.date('Give a date as YYYY-MM-DD.').optional().meta({ description: 'When the new owner got it. The warranty still counts from the first purchase.' }),
});

/** Transfers and retirements of ownerships, for agents and brand systems. */
export const ownershipChangeRoutes: RouteModule = (app, { db }) => {
  const change = requirePermission('owners:write');
  const tags = ['registrations'];

  app.post('/api/v1/ownerships/:id/transfer', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Pass a product on to a new owner',
      description: 'Ends the current ownership (the earlier owner keeps it as history and loses access) and registers the unit to the new owner, found or added by email. No consent is recorded for the new owner. Idempotent with an Idempotency-Key; a second transfer of an ownership that already ended is refused with 409.',
      params: ownershipParams,
      body: transferBody,
      response: { 201: transferred, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    const { owner, transferredOn } = request.body;
    const result = await transferOwnership(scope, actor, {
      ownershipId: request.params.id,
      to: { details: { email: owner.email, name: owner.name, country: owner.country ?? null }, language: owner.language },
      transferredOn: transferredOn ?? null,
      source: actor.type === 'staff' ? 'console' : 'api',
    });
    return { status: 201, body: result };
  }));

  app.post('/api/v1/ownerships/:id/retire', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Retire a product that was disposed of',
      params: ownershipParams,
      response: { 200: z.object({ ownershipId: z.uuid(), status: z.literal('retired') }), ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    await retireOwnership(scope, actor, request.params.id);
    return { status: 200, body: { ownershipId: request.params.id, status: 'retired' as const } };
  }));

  app.post('/api/v1/registration-conflicts/:id/transfer', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Settle a registration conflict by transferring the unit to the claimant',
      params: ownershipParams,
      response: { 201: transferred, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 201, body: await transferToClaimant(scope, actor, request.params.id) })));
};
