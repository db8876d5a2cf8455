import { createHash } from 'node:crypto';
import { z } from 'zod';
import { requirePermission } from '../../access/principal.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { readForCaller } from '../http/read.ts';
import { errorResponses, idParams } from '../http/responses.ts';
import type { RouteModule } from '../http/server.ts';
import { write } from '../http/write.ts';
import { filePurposes, fileView, getFile, sendStoredFile, storeFile, uploadRules } from './files.ts';

export const fileRoutes: RouteModule = (app, { db }) => {
  app.post('/api/v1/files', {
    preValidation: requirePermission('catalog:write'),
    schema: {
      tags: ['files'],
      summary: 'Upload an image, logo or PDF (multipart/form-data, field "file")',
      description: Object.entries(uploadRules).map(([purpose, rule]) => `${purpose}: ${rule.label}, at most ${rule.maxBytes / 1024 / 1024} MB`).join('; '),
      querystring: z.object({ purpose: z.enum(filePurposes) }),
      consumes: ['multipart/form-data'],
      response: { 201: fileView, ...errorResponses },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new ApiError('unsupported_media_type', 'Upload the file as multipart/form-data with the file in a field named "file".');
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw invalidField('file', 'Put the file in a form field named "file".');
    const content = await part.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE past the largest limit
    const upload = { purpose: request.query.purpose, originalName: part.filename, declaredType: part.mimetype, content };
    return write(db, request, reply, async (scope, actor) => ({ status: 201, body: await storeFile(scope, actor, upload) }), {
      fingerprintOf: { purpose: upload.purpose, name: upload.originalName, sha256: createHash('sha256').update(content).digest('hex') },
    });
  });

  app.get('/api/v1/files/:id', {
    preValidation: requirePermission('catalog:read'),
    schema: { tags: ['files'], summary: "A file's details", params: idParams, response: { 200: fileView, ...errorResponses } },
  }, async (request) => (await readForCaller(db, request, (scope) => getFile(scope, request.params.id, false))).view);

  app.get('/api/v1/files/:id/content', {
    preValidation: requirePermission('catalog:read'),
    schema: { tags: ['files'], summary: "A file's content", params: idParams },
  }, async (request, reply) => {
    const { view, content } = await readForCaller(db, request, (scope) => getFile(scope, request.params.id, true));
    return sendStoredFile(reply, { contentType: view.contentType, originalName: view.originalName, content: content as Buffer }, 'private, max-age=3600');
  });
};
