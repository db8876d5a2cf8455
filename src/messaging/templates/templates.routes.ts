import { z } from 'zod';
import { requirePermission } from '../../access/principal.ts';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { readForCaller } from '../../platform/http/read.ts';
import { errorResponses } from '../../platform/http/responses.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { write } from '../../platform/http/write.ts';
import { previewTemplateFor } from './render-for.ts';
import {
  createTemplateBody,
  previewTemplateBody,
  renderedPreviewView,
  templateChannels,
  templateKeyParams,
  templateSummaryView,
  templateVariableView,
  templateView,
  updateTemplateBody,
} from './template-schema.ts';
import { templateVariables } from './template-variables.ts';
import { assertContentsRender, createTemplate, deleteTemplate, getTemplate, listTemplates, requireTemplate, updateTemplate } from './templates.ts';

/** The owner's most recently registered product still theirs: what a preview is about when none is named. */
async function latestOwnership(scope: BrandScope, ownerId: string): Promise<string | null> {
  const row = await scope.db
    .selectFrom('ownerships')
    .select('id')
    .where('brand_id', '=', scope.brandId)
    .where('owner_id', '=', ownerId)
    .where('status', '=', 'active')
    .orderBy('registered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Message templates: per channel, one content per language, personalised with Liquid. */
export const templateRoutes: RouteModule = (app, { db, config }) => {
  const read = requirePermission('messages:read');
  const manage = requirePermission('templates:manage');
  const tags = ['templates'];

  app.get('/api/v1/templates', {
    preValidation: read,
    schema: {
      tags,
      summary: "The brand's message templates, newest first",
      querystring: z.object({ ...pageQuery, channel: z.enum(templateChannels).optional() }),
      response: { 200: pageOf(templateSummaryView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listTemplates(scope, request.query)));

  app.get('/api/v1/template-variables', {
    preValidation: read,
    schema: {
      tags,
      summary: 'Every variable a template may use, with an example value',
      description: 'Write them as `{{ owner.firstName }}`. Liquid tags (if, unless, case, for, assign) and filters (upcase, default, date, long_date, …) work; include, render and layout do not. Anything under `extra.` is what the journey step gives.',
      response: { 200: z.object({ data: z.array(templateVariableView) }), ...errorResponses },
    },
  }, async () => ({ data: [...templateVariables] }));

  app.post('/api/v1/templates', {
    preValidation: manage,
    schema: {
      tags,
      summary: 'Write a template (each content is checked: broken Liquid or an unknown variable is a 400 naming the field and line)',
      body: createTemplateBody,
      response: { 201: templateView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 201, body: await createTemplate(scope, actor, request.body) })));

  app.get('/api/v1/templates/:key', {
    preValidation: read,
    schema: { tags, summary: 'One template with its contents', params: templateKeyParams, response: { 200: templateView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => getTemplate(scope, request.params.key)));

  app.patch('/api/v1/templates/:key', {
    preValidation: manage,
    schema: {
      tags,
      summary: "Change a template's name, class, default language or contents (per language; null removes one)",
      params: templateKeyParams,
      body: updateTemplateBody,
      response: { 200: templateView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 200, body: await updateTemplate(scope, actor, request.params.key, request.body) })));

  app.delete('/api/v1/templates/:key', {
    preValidation: manage,
    schema: {
      tags,
      summary: 'Remove a template (messages already sent keep their text)',
      description: 'A template that a journey\'s current version sends, or an older version with owners still inside, is refused with 409 `template_in_use`; `details.journeys` names them and their versions.',
      params: templateKeyParams,
      response: { 204: z.null(), ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => ({ status: 204, body: (await deleteTemplate(scope, actor, request.params.key), null) })));

  app.post('/api/v1/templates/:key/preview', {
    preValidation: [manage, requirePermission('owners:read')],
    schema: {
      tags,
      summary: 'Render a template for a real owner (and product) without sending anything or tracking links',
      params: templateKeyParams,
      body: previewTemplateBody,
      response: { 200: renderedPreviewView, ...errorResponses },
    },
  }, async (request) =>
    readForCaller(db, request, async (scope) => {
      const { ownerId, language, extra, content } = request.body;
      const template = await requireTemplate(scope, request.params.key);
      if (content) await assertContentsRender(template.channel, { draft: content }, () => 'body.content');
      const ownershipId = request.body.ownershipId === undefined ? await latestOwnership(scope, ownerId) : request.body.ownershipId;
      const rendered = await previewTemplateFor(
        scope,
        { templateKey: template.key, channel: template.channel, ownerId, ownershipId, extra, publicUrl: config.publicUrl },
        { language, content },
      );
      return { ...rendered, ownershipId };
    }));
};
