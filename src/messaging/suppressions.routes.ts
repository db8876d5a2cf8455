import { z } from 'zod';
import { recordAudit } from '../access/audit.ts';
import { requirePermission } from '../access/principal.ts';
import { pageOf, pageQuery } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { listSuppressions, recordDeliveryFailure, suppressionBody, suppressionView } from './suppression-intake.ts';

export const suppressionRoutes: RouteModule = (app, { db }) => {
  const tags = ['messaging'];

  app.get('/api/v1/suppressions', {
    preValidation: requirePermission('messages:read'),
    schema: {
      tags,
      summary: 'Addresses that get nothing but safety notices: opt-outs, bounces and complaints, newest first',
      querystring: z.object({ ...pageQuery, recipient: z.string().max(254).optional().meta({ description: 'One email address or E.164 number (any case).' }) }),
      response: { 200: pageOf(suppressionView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listSuppressions(scope, request.query)));

  app.post('/api/v1/suppressions', {
    preValidation: requirePermission('messaging:manage'),
    schema: {
      tags,
      summary: "Report a bounce or complaint (or an opt-out made elsewhere) from the email or SMS provider's webhook",
      description:
        'Suppresses the address on the channel for every message but safety notices. A bounce or complaint replaces an owner\'s own opt-out and cannot be lifted by the owner. ' +
        'With messageId, that message is also marked undelivered with the reason. Repeating a report changes nothing more.',
      body: suppressionBody,
      response: { 201: suppressionView, ...errorResponses },
    },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => {
      const suppression = await recordDeliveryFailure(scope, request.body);
      await recordAudit(scope, actor, { action: 'suppression.recorded', subjectType: 'suppression', subjectId: suppression.id, changes: { channel: request.body.channel, reason: request.body.reason, messageId: request.body.messageId ?? null } });
      return { status: 201, body: suppression };
    }),
  );
};
