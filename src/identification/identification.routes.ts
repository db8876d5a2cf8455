import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { brandSiteBySlug } from '../owner-site/brand-site.ts';
import { negotiateLanguage, translatorFor } from '../owner-site/i18n.ts';
import type { BrandId } from '../platform/database/tenancy.ts';
import { ApiError, type ErrorCode, errorBody } from '../platform/http/errors.ts';
import { withinRateLimit } from '../platform/http/rate-limit.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses, idParams } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { type IdentifyProblem, type Identified, identifyLabel, identifyReceipt } from './identify-photo.ts';
import { imageLimits } from './images/prepare-image.ts';
import { closeOcrPool, configureOcrPool } from './ocr-pool.ts';
import { accuracyBuckets, photoReadAccuracy, photoReadAccuracyView } from './photo-read-accuracy.ts';
import { photoReadView, photoReadsOf } from './photo-reads.ts';

/** Photos an address may send for reading: OCR is the costliest thing a public page can ask for. */
export const photoReadRequests = { bucket: 'photo_reads', limit: 30, windowSeconds: 600 } as const;

const problemReplies: Readonly<Record<IdentifyProblem | 'no_photo' | 'too_many', { status: number; code: ErrorCode }>> = {
  no_photo: { status: 400, code: 'validation_failed' },
  not_an_image: { status: 415, code: 'unsupported_media_type' },
  too_large: { status: 413, code: 'payload_too_large' },
  too_small: { status: 422, code: 'photo_unreadable' },
  no_label: { status: 422, code: 'photo_unreadable' },
  unreadable: { status: 422, code: 'photo_unreadable' },
  busy: { status: 503, code: 'unavailable' },
  too_many: { status: 429, code: 'too_many_attempts' },
};

/** Where the owner's page shows the part of a photo that was read (served by the registration pages). */
export function photoReadCropPath(slug: string, photoReadId: string): string {
  return `/o/${slug}/photo-reads/${photoReadId}/crop`;
}

/**
 * JSON endpoints behind the registration page's photo buttons (public, like the page itself, and
 * rate-limited), and the brand's view of how well photos are read.
 */
export const identificationRoutes: RouteModule = (app, { db, config }) => {
  if (config.ocrWorkers) configureOcrPool({ workers: config.ocrWorkers });
  app.addHook('onClose', async () => closeOcrPool());
  const slugParams = z.object({ slug: z.string() });
  const hidden = { hide: true, params: slugParams, querystring: z.object({ lang: z.string().optional() }) } as const;

  app.post('/o/:slug/identify/label', { schema: hidden }, (request, reply) =>
    identifyFromUpload(request, reply, async (brand, photo) => {
      const outcome = await identifyLabel(db, brand.id, photo);
      return withUrls(outcome, brand.slug);
    }),
  );

  app.post('/o/:slug/identify/receipt', { schema: hidden }, (request, reply) =>
    identifyFromUpload(request, reply, async (brand, photo) => {
      const outcome = await identifyReceipt(db, brand.id, photo);
      // The stored receipt (upright, metadata stripped) can be the ownership's proof of purchase.
      return withUrls(outcome, brand.slug, outcome.ok ? { proofFileId: outcome.fileId } : {});
    }),
  );

  async function identifyFromUpload(
    request: FastifyRequest,
    reply: FastifyReply,
    identify: (brand: { id: BrandId; slug: string }, photo: Buffer) => Promise<{ problem: IdentifyProblem } | { body: Record<string, unknown> }>,
  ) {
    const { slug } = request.params as { slug: string };
    const language = negotiateLanguage((request.query as { lang?: string }).lang, request.cookies.openox_lang, request.headers['accept-language']);
    const refuse = (problem: keyof typeof problemReplies) => {
      const { status, code } = problemReplies[problem];
      if (problem === 'busy') reply.header('retry-after', '5');
      if (problem === 'too_many') reply.header('retry-after', String(photoReadRequests.windowSeconds));
      const messageKey = `identify.problem_${problem}`;
      return reply.code(status).send(errorBody(code, translatorFor(language)(messageKey), { problem, messageKey }));
    };
    reply.header('cache-control', 'private, no-store');
    const brand = await brandSiteBySlug(db, slug);
    if (!brand) return reply.code(404).send(errorBody('not_found', `There is no brand site at /o/${slug}.`));
    if (!request.isMultipart()) return refuse('no_photo');
    if (!(await withinRateLimit(db, photoReadRequests, request.ip))) return refuse('too_many');
    const photo = await photoOf(request);
    if (photo === 'too_large') return refuse('too_large');
    if (!photo) return refuse('no_photo');
    const answer = await identify(brand, photo);
    if ('problem' in answer) return refuse(answer.problem);
    return reply.send(answer.body);
  }

  app.get('/api/v1/photo-reads/accuracy', {
    preValidation: requirePermission('owners:read'),
    schema: {
      tags: ['identification'],
      summary: 'How well owners’ photos of labels or receipts were read over time',
      description: 'Per bucket: photos read, owners asked to confirm, reads that ended in a registration, and how often owners corrected a proposed value.',
      querystring: z.object({
        from: z.iso.date().optional().describe('First day (UTC); default 12 weeks before `to`'),
        to: z.iso.date().optional().describe('Last day (UTC); default today'),
        bucket: z.enum(accuracyBuckets).default('week'),
        kind: z.enum(['label', 'receipt']).default('label'),
      }),
      response: { 200: photoReadAccuracyView, ...errorResponses },
    },
  }, async (request) => {
    const to = request.query.to ?? new Date().toISOString().slice(0, 10);
    const from = request.query.from ?? new Date(Date.parse(to) - 83 * 86_400_000).toISOString().slice(0, 10);
    if (from > to) throw new ApiError('validation_failed', '`from` must not be after `to`.', [{ path: 'querystring.from', message: 'Choose a day on or before `to`.' }]);
    if (Date.parse(to) - Date.parse(from) > 731 * 86_400_000) {
      throw new ApiError('validation_failed', 'Ask for at most two years at a time.', [{ path: 'querystring.from', message: 'At most two years before `to`.' }]);
    }
    return readForCaller(db, request, (scope) => photoReadAccuracy(scope, { from, to, bucket: request.query.bucket, kind: request.query.kind }));
  });

  app.get('/api/v1/ownerships/:id/photo-reads', {
    preValidation: requirePermission('owners:read'),
    schema: {
      tags: ['identification'],
      summary: 'What was read off the photos of a registration, and what the owner confirmed',
      params: idParams,
      response: { 200: z.object({ data: z.array(photoReadView) }), ...errorResponses },
    },
  }, async (request) => ({ data: await readForCaller(db, request, (scope) => photoReadsOf(scope, request.params.id)) }));
};

function withUrls<R>(outcome: Identified<R>, slug: string, extra: Record<string, unknown> = {}): { problem: IdentifyProblem } | { body: Record<string, unknown> } {
  if (!outcome.ok) return { problem: outcome.problem };
  return { body: { photoReadId: outcome.photoReadId, read: outcome.read, cropUrl: photoReadCropPath(slug, outcome.photoReadId), ...extra } };
}

/** The photo in the form's `photo` field: its bytes, 'too_large' past the limit, or null when none was sent. */
async function photoOf(request: FastifyRequest): Promise<Buffer | 'too_large' | null> {
  // throwFileSizeLimit is honoured per request by @fastify/multipart but missing from its types.
  const options = { throwFileSizeLimit: false, limits: { files: 1, fields: 10, fileSize: imageLimits.maxBytes } } as Parameters<typeof request.parts>[0];
  let photo: Buffer | 'too_large' | null = null;
  for await (const part of request.parts(options)) {
    if (part.type !== 'file') continue;
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    if (part.fieldname !== 'photo') continue;
    if (part.file.truncated) photo = 'too_large';
    else if (chunks.length > 0) photo = Buffer.concat(chunks);
  }
  return photo;
}
