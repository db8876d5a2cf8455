import { requirePermission } from '../access/principal.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { registrationSettingsBody, registrationSettingsOf, registrationSettingsView, saveRegistrationSettings } from './settings.ts';

export const registrationSettingsRoutes: RouteModule = (app, { db }) => {
  const tags = ['registration'];

  app.get('/api/v1/registration-settings', {
    preValidation: requirePermission('owners:read'),
    schema: {
      tags,
      summary: 'What the registration page offers and asks: retailers, countries, support contacts, wording overrides',
      response: { 200: registrationSettingsView, ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => registrationSettingsOf(scope)));

  app.put('/api/v1/registration-settings', {
    preValidation: requirePermission('registration_settings:manage'),
    schema: {
      tags,
      summary: 'Replace the registration settings; a field left out goes back to its default',
      body: registrationSettingsBody,
      response: { 200: registrationSettingsView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await saveRegistrationSettings(scope, actor, request.body) })));
};
