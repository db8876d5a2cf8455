import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sitePath } from '../../owner-site/brand-site.ts';
import { type Site, openSite } from '../../owner-site/site-request.tsx';
import type { Db } from '../../platform/database/database.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import { getFile, sendStoredFile } from '../../platform/files/files.ts';
import { ApiError } from '../../platform/http/errors.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import type { FieldProblem } from '../../registration/registration-form.ts';
import { addOwnerReply, maxMessageLength } from '../claim-conversation.ts';
import { submitProofFromClaim } from '../claim-handling.ts';
import { claimTimeline } from '../claim-queries.ts';
import { ownerActor } from '../../access/principal.ts';
import { type ClaimRow, findOwnersClaim } from '../claim-records.ts';
import { type ClaimContext } from '../claim-transitions.ts';
import { ClaimDetailPage, type ClaimPageNotice } from './claim-detail-page.tsx';
import { notYours } from './claim-pages.routes.tsx';
import { fileProblem, refusedUpload, uploadsOf } from './owner-claim-forms.ts';
import { type ClaimForm, fieldValue, readClaimForm } from './read-claim-form.ts';

const claimParams = z.object({ slug: z.string(), number: z.string() });
const fileParams = claimParams.extend({ fileId: z.string() });

/** One claim for its owner: status, history and conversation; their replies, photos and receipt. */
export const claimDetailRoutes: RouteModule = (app, { db, config }) => {
  const schema = { hide: true } as const;
  const context: ClaimContext = { publicUrl: config.publicUrl };

  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/claims/:number', { schema: { ...schema, params: claimParams, querystring: z.object({ done: z.enum(['filed', 'replied']).optional(), lang: z.string().optional() }) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      return claimPage(db, opened, request.params.number, { done: request.query.done ?? null, values: { body: '' }, problems: {} });
    });

    site.post('/o/:slug/claims/:number/reply', { schema: { ...schema, params: claimParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const form: ClaimForm = request.isMultipart() ? await readClaimForm(request) : { fields: {}, files: [], tooManyFiles: false };
      const body = fieldValue(form, 'body');
      const photos = uploadsOf(form, 'photos');
      const problems: Record<string, FieldProblem> = {};
      if (!body.trim() && photos.length === 0) problems.body = { key: 'claims.errors.reply_required' };
      if (body.trim().length > maxMessageLength) problems.body = { key: 'claims.errors.description_too_long', values: { max: String(maxMessageLength) } };
      const photoProblem = fileProblem(form, 'photos');
      if (photoProblem) problems.photos = photoProblem;
      const again = (found: Record<string, FieldProblem>) => claimPage(db, opened, request.params.number, { done: null, values: { body }, problems: found }, 422);
      if (Object.keys(problems).length > 0) return again(problems);

      const outcome = await inBrand(db, opened.brand.id, async (scope) => {
        const claim = await findOwnersClaim(scope, owner.id, request.params.number);
        if (!claim) return null;
        return addOwnerReply(scope, ownerActor(owner), claim, { body, photos }, context);
      }).catch(pageProblem);
      if (outcome && 'refused' in outcome) return again(outcome.refused.key === 'claims.errors.closed' ? { body: outcome.refused } : { photos: outcome.refused });
      return afterChange(opened, outcome, reply);
    });

    site.post('/o/:slug/claims/:number/proof', { schema: { ...schema, params: claimParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const form: ClaimForm = request.isMultipart() ? await readClaimForm(request) : { fields: {}, files: [], tooManyFiles: false };
      const [proof] = uploadsOf(form, 'proof');
      const problem = fileProblem(form, 'proof') ?? (proof ? null : { key: 'claims.errors.proof_required' });
      const again = (found: FieldProblem) => claimPage(db, opened, request.params.number, { done: null, values: { body: '' }, problems: { proof: found } }, 422);
      if (problem || !proof) return again(problem ?? { key: 'claims.errors.proof_required' });

      const outcome = await inBrand(db, opened.brand.id, async (scope) => {
        const claim = await findOwnersClaim(scope, owner.id, request.params.number);
        if (!claim) return null;
        return submitProofFromClaim(scope, ownerActor(owner), claim, proof, context);
      }).catch(pageProblem);
      if (outcome && 'refused' in outcome) return again(outcome.refused);
      return afterChange(opened, outcome, reply);
    });

    site.get('/o/:slug/claims/:number/files/:fileId', { schema: { ...schema, params: fileParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const { fileId } = request.params;
      const file = await inBrand(db, opened.brand.id, async (scope) => {
        const claim = await findOwnersClaim(scope, owner.id, request.params.number);
        if (!claim || !z.uuid().safeParse(fileId).success) return null;
        const attached = await scope.db.selectFrom('claim_attachments').select('id').where('claim_id', '=', claim.id).where('file_id', '=', fileId).where('visibility', '=', 'owner').executeTakeFirst();
        return attached ? getFile(scope, fileId, true) : null;
      });
      if (!file?.content) return notYours(opened);
      return sendStoredFile(reply, { contentType: file.view.contentType, originalName: file.view.originalName, content: file.content }, 'private, max-age=3600');
    });
  });
};

async function claimPage(db: Db, site: Site, number: string, notice: ClaimPageNotice, status = 200) {
  const owner = site.owner as NonNullable<Site['owner']>;
  const found = await inBrand(db, site.brand.id, async (scope) => {
    const claim = await findOwnersClaim(scope, owner.id, number);
    if (!claim) return null;
    const model = await scope.db.selectFrom('models').select('name').where('id', '=', claim.model_id).executeTakeFirstOrThrow();
    return { claim, productName: model.name, timeline: await claimTimeline(scope, claim.id, 'owner') };
  });
  if (!found) return notYours(site);
  return site.send(site.page.t('claims.detail.title', { number: found.claim.number }), <ClaimDetailPage site={site} claim={found.claim} productName={found.productName} timeline={found.timeline} notice={notice} />, status);
}

/** A refused upload, or a claim closed meanwhile, becomes the page's problem to show; anything else is a failure. */
function pageProblem(error: unknown): { refused: FieldProblem } {
  if (error instanceof ApiError && error.code === 'claim_closed') return { refused: { key: 'claims.errors.closed' } };
  const refused = refusedUpload(error);
  if (!refused) throw error;
  return { refused };
}

function afterChange(site: Site, claim: ClaimRow | null, reply: FastifyReply) {
  if (!claim) return notYours(site);
  return reply.redirect(`${sitePath(site.brand, `/claims/${claim.number}`)}?done=replied`, 303);
}
