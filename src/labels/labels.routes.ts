import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { getBrand } from '../brands/brands.ts';
import { getModel } from '../catalog/models.ts';
import { normaliseSerial } from '../catalog/serial-mask.ts';
import type { Db } from '../platform/database/database.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { digitalLinkUrl } from '../resolver/digital-link.ts';
import { printSheetPdf } from './print-sheet.ts';
import { qrPng, qrSizeLimits, qrSvg } from './qr-code.ts';
import { maxSerialsPerSheet, readSerialList, serialChecker } from './serial-list.ts';

const largestCsv = 2 * 1024 * 1024;

const serialQuery = z.string().trim().min(1).max(64).optional().meta({ description: "A serial number of this model: the code then leads to that one unit. Without it, to the model." });

export const labelRoutes: RouteModule = (app, { db, config }) => {
  const read = requirePermission('catalog:read');
  const tags = ['labels'];

  app.get('/api/v1/models/:id/qr.png', {
    preValidation: read,
    schema: {
      tags,
      summary: "A QR code of the model's GS1 Digital Link, as PNG",
      params: idParams,
      querystring: z.object({
        serial: serialQuery,
        size: z.coerce.number().int().min(qrSizeLimits.min).max(qrSizeLimits.max).default(qrSizeLimits.default).meta({ description: 'Width and height in pixels.' }),
      }),
      response: errorResponses,
    },
  }, async (request, reply) => {
    const label = await labelFor(db, request, config.publicUrl, request.params.id, request.query.serial);
    return download(reply, await qrPng(label.url, request.query.size), 'image/png', `${label.fileStem}-qr.png`);
  });

  app.get('/api/v1/models/:id/qr.svg', {
    preValidation: read,
    schema: { tags, summary: "A QR code of the model's GS1 Digital Link, as SVG for print", params: idParams, querystring: z.object({ serial: serialQuery }), response: errorResponses },
  }, async (request, reply) => {
    const label = await labelFor(db, request, config.publicUrl, request.params.id, request.query.serial);
    return download(reply, await qrSvg(label.url), 'image/svg+xml', `${label.fileStem}-qr.svg`);
  });

  app.post('/api/v1/models/:id/qr-sheet', {
    preValidation: read,
    schema: {
      tags,
      summary: 'A PDF sheet of QR code labels, one per serial number of an uploaded CSV (multipart/form-data, field "file")',
      description: `One serial number per line, header "serial" optional, at most ${maxSerialsPerSheet} serial numbers. If any line is not a serial number of the model, nothing is made and the answer lists each such line.`,
      params: idParams,
      querystring: z.object({ paper: z.enum(['a4', 'letter']).default('a4') }),
      consumes: ['multipart/form-data'],
      response: errorResponses,
    },
  }, async (request, reply) => {
    const csv = await uploadedCsv(request);
    const { brand, label, model } = await readForCaller(db, request, async (scope) => {
      const model = await getModel(scope, request.params.id);
      return { model, brand: await getBrand(scope), label: labelOf(model, config.publicUrl) };
    });
    const list = readSerialList(csv, model.serialRules);
    if (!list.ok) throw invalidField('file', list.reason);
    if (list.rejected.length > 0) {
      const total = list.serials.length + list.rejected.length;
      throw new ApiError(
        'validation_failed',
        `${list.rejected.length} of ${total} serial numbers in the file cannot be used (see details for each line); fix them and upload the file again.`,
        list.rejected.map((rejected) => ({ path: 'file', line: rejected.line, value: rejected.value, message: rejected.reason })),
      );
    }
    const entries = list.serials.map((serial) => ({ serial, url: digitalLinkUrl(config.publicUrl, label.gtin14, serial) }));
    const pdf = await printSheetPdf({ brandName: brand.name, modelName: `${model.name} (${model.sku})`, entries, paper: request.query.paper === 'letter' ? 'LETTER' : 'A4' });
    return download(reply, pdf, 'application/pdf', `${label.fileStem}-qr-sheet.pdf`);
  });
};

type ModelForLabel = { readonly name: string; readonly sku: string; readonly gtins: readonly string[] };

function labelOf(model: ModelForLabel, publicUrl: string) {
  const gtin14 = model.gtins[0];
  if (!gtin14) {
    throw new ApiError('conflict', `${model.name} has no GTIN yet, and a GS1 QR code is made from it: add the model's GTIN, then make its QR code.`, { field: 'gtins' });
  }
  return { gtin14, url: digitalLinkUrl(publicUrl, gtin14), fileStem: fileNamePart(model.sku) };
}

/** The model's label, for one serial number when given; the serial must be one of the model's. */
async function labelFor(db: Db, request: FastifyRequest, publicUrl: string, modelId: string, serial: string | undefined) {
  const model = await readForCaller(db, request, (scope) => getModel(scope, modelId));
  const label = labelOf(model, publicUrl);
  if (serial === undefined) return label;
  const normalised = normaliseSerial(serial);
  const problem = serialChecker(model.serialRules)(normalised);
  if (problem) throw new ApiError('validation_failed', `serial: ${problem}`, [{ path: 'querystring.serial', message: problem }]);
  return { ...label, url: digitalLinkUrl(publicUrl, label.gtin14, normalised), fileStem: `${label.fileStem}-${fileNamePart(normalised)}` };
}

async function uploadedCsv(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new ApiError('unsupported_media_type', 'Upload the CSV as multipart/form-data with the file in a field named "file".');
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw invalidField('file', 'Put the CSV in a form field named "file".');
  const csv = await part.toBuffer();
  if (csv.length > largestCsv) throw new ApiError('payload_too_large', `A CSV of serial numbers may be at most ${largestCsv / 1024 / 1024} MB.`);
  return csv;
}

function download(reply: FastifyReply, content: Buffer | string, contentType: string, fileName: string) {
  return reply
    .type(contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .send(content);
}

/** SKUs and serials may hold anything; a file name keeps letters, digits, '.', '_' and '-'. */
function fileNamePart(text: string): string {
  return text.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
}
