import { z } from 'zod';
import { requirePermission, requirePrincipal, type Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { pageOf } from '../platform/http/pagination.ts';
import { readForCaller } from '../platform/http/read.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import { entitlementSchema, entitlementView } from '../warranty/entitlement-view.ts';
import { assignableStaff } from './claim-handling.ts';
import { type ClaimCheck, apiFieldOf, apiMessages, checkClaimInput } from './claim-input.ts';
import { getClaimDetail, listClaims } from './claim-queries.ts';
import { assigneeView, claimRefParams, createClaimBody, listClaimsQuery, type CreateClaimBody } from './claim-requests.ts';
import { claimDetailView, claimSummaryView } from './claim-views.ts';
import { type ClaimTarget, claimTarget, fileClaim } from './file-claim.ts';
import { productCategoryProblemsView } from './problem-categories.ts';

const tags = ['claims'];

const claimDraftView = z.object({
  ownership: z.object({ id: z.uuid(), serial: z.string().nullable(), purchaseDate: z.string().nullable() }),
  owner: z.object({ id: z.uuid(), name: z.string(), email: z.string(), phone: z.string().nullable() }),
  model: z.object({ id: z.uuid(), name: z.string(), category: z.string() }),
  coverage: entitlementSchema.nullable(),
  problemCategories: productCategoryProblemsView,
}).meta({ id: 'ClaimDraft' });

/** Warranty and service claims for brand systems and the console: find, read and file them. */
export const claimRoutes: RouteModule = (app, { db, config }) => {
  const read = requirePermission('claims:read');
  const change = requirePermission('claims:write');
  const context = { publicUrl: config.publicUrl };

  app.get('/api/v1/claims', {
    preValidation: read,
    schema: { tags, summary: 'Claims, newest first, by status, assignee, owner or product', querystring: listClaimsQuery, response: { 200: pageOf(claimSummaryView), ...errorResponses } },
  }, async (request) => {
    const { assignee, ...filter } = request.query;
    const principal = requirePrincipal(request);
    if (assignee === 'me' && principal.kind !== 'staff') throw new ApiError('validation_failed', '"me" means the signed-in staff user; an API key has none. Give a staff user id.');
    return readForCaller(db, request, (scope) => listClaims(scope, { ...filter, assignee: assignee === 'me' ? principal.id : assignee }, new Date()));
  });

  app.get('/api/v1/claims/assignees', {
    preValidation: read,
    schema: { tags, summary: 'Staff who can be given claims: enabled admins and agents', response: { 200: z.object({ data: z.array(assigneeView) }), ...errorResponses } },
  }, async (request) => ({ data: await readForCaller(db, request, assignableStaff) }));

  app.get('/api/v1/claims/draft', {
    preValidation: read,
    schema: {
      tags,
      summary: 'What a new claim for a product starts from: owner, product, coverage today and the problems to choose from',
      querystring: z.object({ ownershipId: z.uuid() }),
      response: { 200: claimDraftView, ...errorResponses },
    },
  }, async (request) => readForCaller(db, request, async (scope) => draftOf(await requireTarget(scope, request.query.ownershipId))));

  app.get('/api/v1/claims/:ref', {
    preValidation: read,
    schema: { tags, summary: 'One claim by id or number, with its coverage, timeline, messages and files', params: claimRefParams, response: { 200: claimDetailView, ...errorResponses } },
  }, async (request) => readForCaller(db, request, (scope) => getClaimDetail(scope, request.params.ref, new Date())));

  app.post('/api/v1/claims', {
    preValidation: change,
    schema: {
      tags,
      summary: 'File a claim for an owner; out of warranty it becomes a paid service request. 200 when submissionId filed it already.',
      body: createClaimBody,
      response: { 201: claimDetailView, 200: claimDetailView, ...errorResponses },
    },
  }, (request, reply) =>
    write(db, request, reply, async (scope, actor) => {
      const target = await requireTarget(scope, request.body.ownershipId, request.body.ownerId);
      const { claim, created } = await fileClaim(scope, actor, target, { details: checkedOrThrow(request.body, target), kind: request.body.kind, submissionId: request.body.submissionId ?? null, photos: [] }, context);
      return { status: created ? 201 : 200, body: await getClaimDetail(scope, claim.id, new Date()) };
    }),
  );
};

async function requireTarget(scope: BrandScope, ownershipId: string, ownerId?: string): Promise<ClaimTarget> {
  const target = await claimTarget(scope, ownershipId, ownerId);
  if (!target) throw new ApiError('not_found', ownerId ? 'This owner has no active product with this id.' : 'There is no active product (ownership) with this id in your brand.');
  return target;
}

function checkedOrThrow(body: CreateClaimBody, target: ClaimTarget) {
  const check: ClaimCheck = checkClaimInput(
    { ...body, contactPhone: body.contactPhone ?? target.owner.phone },
    { problemCodes: target.problems.categories.map((category) => category.code), country: target.owner.country },
  );
  if (check.ok) return check.claim;
  const details = Object.entries(check.problems).map(([field, problem]) => ({
    path: `body.${apiFieldOf[field as keyof typeof apiFieldOf]}`,
    message: apiMessages[problem.key] ?? problem.key,
  }));
  throw new ApiError('validation_failed', details.map((detail) => `${detail.path.slice(5)}: ${detail.message}`).join(' '), details);
}

function draftOf(target: ClaimTarget): z.output<typeof claimDraftView> {
  return {
    ownership: target.ownership,
    owner: { id: target.owner.id, name: target.owner.name, email: target.owner.email, phone: target.owner.phone },
    model: target.model,
    coverage: target.entitlement ? entitlementView(target.entitlement) : null,
    problemCategories: target.problems,
  };
}
