import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { requirePermission, type Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { uploadRules } from '../platform/files/files.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { type ClaimUpload, attachFiles } from './claim-attachments.ts';
import { addStaffMessage } from './claim-conversation.ts';
import { assignClaim, decideProof, requestProof, setRmaNumber } from './claim-handling.ts';
import { getClaimDetail } from './claim-queries.ts';
import { assertNotClosed, lockClaim } from './claim-records.ts';
import { assignBody, attachmentQuery, claimRefParams, messageBody, proofDecisionBody, proofRequestBody, rmaBody, transitionBody } from './claim-requests.ts';
import { transitionClaim } from './claim-transitions.ts';
import { claimDetailView } from './claim-views.ts';

const tags = ['claims'];
const maxFilesPerUpload = 5;

/** What agents and brand systems do on a claim; each answers with the claim as it now stands. */
export const claimActionRoutes: RouteModule = (app, { db, config }) => {
  const change = requirePermission('claims:write');
  const context = { publicUrl: config.publicUrl };
  const response = { 200: claimDetailView, ...errorResponses };
  const detail = (scope: BrandScope, id: string) => getClaimDetail(scope, id, new Date());

  app.post('/api/v1/claims/:ref/transitions', {
    preValidation: change,
    schema: {
      tags,
      summary: 'Move a claim to another status (409 when its lifecycle does not allow the move; nothing changes)',
      description: 'submitted → in_review | needs_info; in_review → approved | denied | needs_info; needs_info → in_review; approved → fulfilment; denied → closed; fulfilment → resolved; resolved → closed.',
      params: claimRefParams,
      body: transitionBody,
      response,
    },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => {
      const claim = await transitionClaim(scope, actor, request.params.ref, request.body, context);
      return { status: 200, body: await detail(scope, claim.id) };
    }),
  );

  app.post('/api/v1/claims/:ref/assignee', {
    preValidation: change,
    schema: { tags, summary: 'Give the claim to a staff member, or to nobody', params: claimRefParams, body: assignBody, response },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => {
      const claim = await assignClaim(scope, actor, request.params.ref, request.body.assigneeId);
      return { status: 200, body: await detail(scope, claim.id) };
    }),
  );

  app.post('/api/v1/claims/:ref/messages', {
    preValidation: change,
    schema: { tags, summary: 'Add an internal note, or a reply the owner sees and is sent', params: claimRefParams, body: messageBody, response: { 201: claimDetailView, ...errorResponses } },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => {
      const { claim } = await addStaffMessage(scope, actor, request.params.ref, request.body, context);
      return { status: 201, body: await detail(scope, claim.id) };
    }),
  );

  app.post('/api/v1/claims/:ref/attachments', {
    preValidation: change,
    schema: {
      tags,
      summary: `Attach files (multipart/form-data, up to ${maxFilesPerUpload} in fields named "file"): photos or PDFs`,
      description: `Each file is checked by its content: ${uploadRules.image.label} of at most ${uploadRules.image.maxBytes / 1024 / 1024} MB, or ${uploadRules.document.label} of at most ${uploadRules.document.maxBytes / 1024 / 1024} MB. If one fails, none is kept.`,
      params: claimRefParams,
      querystring: attachmentQuery,
      consumes: ['multipart/form-data'],
      response: { 201: claimDetailView, ...errorResponses },
    },
  }, async (request, reply) => {
    const uploads = await readUploads(request);
    return write(db, request, reply, async (scope, actor) => {
      const claim = await lockClaim(scope, request.params.ref);
      assertNotClosed(claim);
      await attachFiles(scope, actor, claim, uploads, { visibility: request.query.visibility, purpose: 'auto' });
      return { status: 201, body: await detail(scope, claim.id) };
    }, { fingerprintOf: { visibility: request.query.visibility, files: uploads.map((upload) => createHash('sha256').update(upload.content).digest('hex')) } });
  });

  app.put('/api/v1/claims/:ref/rma', {
    preValidation: change,
    schema: { tags, summary: 'Set (or clear) the return authorisation (RMA) number', params: claimRefParams, body: rmaBody, response },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => {
      const claim = await setRmaNumber(scope, actor, request.params.ref, request.body.rmaNumber);
      return { status: 200, body: await detail(scope, claim.id) };
    }),
  );

  app.post('/api/v1/claims/:ref/proof-request', {
    preValidation: change,
    schema: { tags, summary: 'Ask the owner for proof of purchase (a claim under review then waits for it: needs_info)', params: claimRefParams, body: proofRequestBody, response },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => {
      const claim = await requestProof(scope, actor, request.params.ref, request.body.note ?? null, context);
      return { status: 200, body: await detail(scope, claim.id) };
    }),
  );

  app.post('/api/v1/claims/:ref/proof-decision', {
    preValidation: change,
    schema: { tags, summary: "Verify or reject the owner's proof of purchase (it sets the product's proof status, which the warranty reads)", params: claimRefParams, body: proofDecisionBody, response },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => {
      const claim = await decideProof(scope, actor, request.params.ref, { verdict: request.body.verdict, reason: request.body.reason ?? null }, context);
      return { status: 200, body: await detail(scope, claim.id) };
    }),
  );
};

/** Reads every file of a multipart upload; a file past the largest allowed size is refused before it is all read. */
async function readUploads(request: FastifyRequest): Promise<ClaimUpload[]> {
  if (!request.isMultipart()) throw new ApiError('unsupported_media_type', 'Upload the files as multipart/form-data, each in a field named "file".');
  const uploads: ClaimUpload[] = [];
  const limits = { files: maxFilesPerUpload, fileSize: uploadRules.document.maxBytes };
  try {
    for await (const part of request.files({ limits })) {
      if (part.fieldname !== 'file') throw invalidField('file', 'Put each file in a form field named "file".');
      uploads.push({ originalName: part.filename, declaredType: part.mimetype, content: await part.toBuffer() });
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw invalidField('file', `Attach at most ${maxFilesPerUpload} files at a time.`);
    throw error;
  }
  if (uploads.length === 0) throw invalidField('file', 'Attach at least one file, in a form field named "file".');
  return uploads;
}
