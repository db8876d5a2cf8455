import { Readable, Transform, pipeline } from 'node:stream';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, requirePermission, requirePrincipal } from '../../access/principal.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import { ApiError, invalidField } from '../../platform/http/errors.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { readForCaller } from '../../platform/http/read.ts';
import { errorResponses, idParams } from '../../platform/http/responses.ts';
import type { App, AppContext, RouteModule } from '../../platform/http/server.ts';
import { getImportRecord, importView, listImports, listRejections, rejectionView, toImportView } from './imports.ts';
import { rejectionsCsv } from './rejections-csv.ts';
import { importRegistrations } from './run.ts';

/** The registration import routes, for uploads of at most 500 MB. */
export const registrationImportRoutes: RouteModule = (app, context) => registrationImportRoutesUpTo(500 * 1024 * 1024)(app, context);

/** The same routes with another upload limit (tests use a small one). */
export function registrationImportRoutesUpTo(maxFileBytes: number): RouteModule {
  return (app, context) => routes(app, context, maxFileBytes);
}

function routes(app: App, { db }: AppContext, maxFileBytes: number): void {
  const maxFileMb = Math.round((maxFileBytes / 1024 / 1024) * 100) / 100;
  const allowed = requirePermission('registrations:import');
  const tags = ['registration'];

  app.post('/api/v1/registration-imports', {
    preValidation: allowed,
    schema: {
      tags,
      summary: 'Import historical registrations from a CSV file (multipart/form-data, field "file")',
      description:
        'Columns (first line, any order and case): email, name (required); gtin or sku (one required); serial (required when the ' +
        'model has serial rules); phone, purchase_date (YYYY-MM-DD), retailer, postal_code, country (ISO alpha-2), registered_at ' +
        '(ISO date or date-time; default now), email_consent, sms_consent (yes/no), language (en, es). With consent columns, send a ' +
        `"consentWording" field (before the file) with the words owners agreed to. Files up to ${maxFileMb} MB stream in and are ` +
        'imported as they arrive; the answer comes once the whole file is in, and meanwhile GET /api/v1/registration-imports shows ' +
        'the import with its progress. Every rejected line is listed with its reason; the good lines are imported regardless. ' +
        'Importing the same file again imports nothing twice.',
      consumes: ['multipart/form-data'],
      response: { 202: importView, ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const part = await uploadedFile(request, maxFileBytes);
    let importId: string | null = null;
    try {
      const view = await importRegistrations(db, principal.brandId, {
        csv: failingWhenCut(part, maxFileMb),
        fileName: part.filename || 'upload.csv',
        consentWording: fieldValue(part.fields.consentWording),
        actor: actorOf(request),
        onStarted: (started) => void (importId = started.id),
        describeFailure: (error) => (error instanceof FileTooLarge ? `the file is larger than ${maxFileMb} MB` : 'the upload stopped before the end of the file'),
      });
      return await reply.code(202).send(view);
    } catch (error) {
      if (!(error instanceof FileTooLarge)) throw error;
      // If the import had begun, it stays, failed, saying how far it got: point the caller at it.
      const shown = importId ? ` Import ${importId} shows how far it got.` : '';
      throw new ApiError('payload_too_large', `${error.message}${shown}`, { importId });
    }
  });

  app.get('/api/v1/registration-imports', {
    preValidation: allowed,
    schema: { tags, summary: 'Registration imports, newest first', querystring: z.object(pageQuery), response: { 200: pageOf(importView), ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => listImports(scope, request.query)));

  app.get('/api/v1/registration-imports/:id', {
    preValidation: allowed,
    schema: { tags, summary: "An import's progress and counts", params: idParams, response: { 200: importView, ...errorResponses } },
  }, async (request) => toImportView(await readForCaller(db, request, (scope) => getImportRecord(scope, request.params.id))));

  app.get('/api/v1/registration-imports/:id/rejections', {
    preValidation: allowed,
    schema: {
      tags,
      summary: 'The lines an import rejected and why, in file order',
      params: idParams,
      querystring: z.object(pageQuery),
      response: { 200: pageOf(rejectionView), ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, (scope) => listRejections(scope, request.params.id, request.query)));

  app.get('/api/v1/registration-imports/:id/rejections.csv', {
    preValidation: allowed,
    schema: {
      tags,
      summary: 'The rejected lines as CSV, each with its reason: fix them and upload the file again',
      params: idParams,
      produces: ['text/csv'],
    },
  }, async (request, reply) => {
    const brandId = requirePrincipal(request).brandId;
    const record = await inBrand(db, brandId, (scope) => getImportRecord(scope, request.params.id));
    const stem = record.file_name.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'import';
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${stem}-rejected.csv"`)
      .header('cache-control', 'private, no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(Readable.from(rejectionsCsv(db, brandId, record.id, record.header)));
  });
}

/** The upload, streamed: never held whole in memory. Form fields must come before the file. */
async function uploadedFile(request: FastifyRequest, maxFileBytes: number): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new ApiError('unsupported_media_type', 'Upload the CSV as multipart/form-data with the file in a field named "file".');
  const part = await request.file({ limits: { fileSize: maxFileBytes, files: 1, fields: 5, fieldSize: 16 * 1024 } });
  if (!part || part.fieldname !== 'file') throw invalidField('file', 'Put the CSV file in a form field named "file" (after any other fields).');
  return part;
}

/**
 * The upload's content, failing instead of ending when it was cut at the size limit: cut mid-line,
 * its last line could still read as a good one, with a value cut short.
 */
function failingWhenCut(part: MultipartFile, maxFileMb: number): Readable {
  const guard = new Transform({
    transform: (chunk, _encoding, done) => done(null, chunk),
    flush: (done) => done(part.file.truncated ? new FileTooLarge(maxFileMb) : null),
  });
  return pipeline(part.file, guard, () => {});
}

class FileTooLarge extends Error {
  constructor(readonly maxFileMb: number) {
    super(`The file is larger than ${maxFileMb} MB: split it into smaller files.`);
  }
}

function fieldValue(field: Multipart | Multipart[] | undefined): string | null {
  const first = Array.isArray(field) ? field[0] : field;
  return first?.type === 'field' && typeof first.value === 'string' ? first.value : null;
}
