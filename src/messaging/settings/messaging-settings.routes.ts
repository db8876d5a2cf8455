import { requirePermission } from '../../access/principal.ts';
import { readForCaller } from '../../platform/http/read.ts';
import { errorResponses } from '../../platform/http/responses.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { write } from '../../platform/http/write.ts';
import { messagingSettingsBody, messagingSettingsOf, messagingSettingsView, saveMessagingSettings } from './messaging-settings.ts';

export const messagingSettingsRoutes: RouteModule = (app, { db }) => {
  const tags = ['messaging'];

  app.get('/api/v1/messaging-settings', {
    preValidation: requirePermission('messages:read'),
    schema: {
      tags,
      summary: "The brand's send-time rules: marketing frequency caps, email quiet hours, how long held marketing keeps, the SMS sender and programme",
      response: { 200: messagingSettingsView, ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => messagingSettingsOf(scope)));

  app.put('/api/v1/messaging-settings', {
    preValidation: requirePermission('messaging:manage'),
    schema: {
      tags,
      summary: 'Replace the send-time rules; a field left out goes back to its default',
      description: 'Applies to messages decided from now on, held ones included (each is decided again when its time comes).',
      body: messagingSettingsBody,
      response: { 200: messagingSettingsView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await saveMessagingSettings(scope, actor, request.body) })));
};
