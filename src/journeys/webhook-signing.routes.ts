import { requirePermission } from '../access/principal.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { rotateSigningSecret, showSigningSecret, signingSecretView } from './webhook-signing-secrets.ts';

const tags = ['webhooks'];
const rotatedView = signingSecretView
  .extend({ secret: signingSecretView.shape.secret.nullable().meta({ description: 'The new secret (null on an idempotent replay: read it with GET).' }) })
  .meta({ id: 'RotatedWebhookSigningSecret' });

/** The brand's webhook signing secret, for admins who set up the receiving systems. */
export const webhookSigningRoutes: RouteModule = (app, { db }) => {
  // The same people who hand out API keys hand out this secret.
  const admin = requirePermission('api_keys:manage');

  app.get('/api/v1/webhook-signing-secret', {
    preValidation: admin,
    schema: {
      tags,
      summary: 'The secret webhook calls are signed with (Standard Webhooks; made on first request)',
      description:
        'Every call of a journey webhook step carries `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the base64 after `whsec_`.',
      response: { 200: signingSecretView, ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => showSigningSecret(scope)));

  app.post('/api/v1/webhook-signing-secret/rotate', {
    preValidation: admin,
    schema: {
      tags,
      summary: 'Replace the signing secret; the previous one keeps signing beside it for 24 hours',
      description: 'During those hours each call carries two signatures, one per secret, so receivers verify while their configuration is changed over.',
      response: { 200: rotatedView, ...errorResponses },
    },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => ({ status: 200, body: await rotateSigningSecret(scope, actor) }), {
      // A replay must not hand out a secret that a later rotation may already have replaced.
      replayable: (body) => ({ ...body, secret: null }),
    }),
  );
};
