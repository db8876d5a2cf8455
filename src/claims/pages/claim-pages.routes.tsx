import { randomUUID } from 'node:crypto';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sitePath } from '../../owner-site/brand-site.ts';
import { formatDay } from '../../owner-site/format-day.ts';
import { type Site, openSite } from '../../owner-site/site-request.tsx';
import type { Db } from '../../platform/database/database.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import type { FieldProblem } from '../../registration/registration-form.ts';
import { checkClaimInput } from '../claim-input.ts';
import { claimsOfOwner } from '../claim-queries.ts';
import { ownerActor } from '../../access/principal.ts';
import { type ClaimTarget, claimTarget, fileClaim } from '../file-claim.ts';
import { problemLabelFor } from '../problem-categories.ts';
import { ClaimFormPage, type ClaimFormValues, emptyClaimForm } from './claim-form-page.tsx';
import { fileProblem, refusedUpload, uploadsOf } from './owner-claim-forms.ts';
import { fieldValue, readClaimForm } from './read-claim-form.ts';

const slugParams = z.object({ slug: z.string() });
const productParams = slugParams.extend({ id: z.string() });

/** The owner files a claim for one of their products, and sees all their claims. */
export const claimPageRoutes: RouteModule = (app, { db, config }) => {
  const schema = { hide: true } as const;
  const context = { publicUrl: config.publicUrl };

  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/products/:id/claim', { schema: { ...schema, params: productParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const target = await ownersProduct(db, opened, request.params.id);
      if (!target) return notYours(opened);
      return opened.send(opened.page.t('claims.form.title'), <ClaimFormPage site={opened} target={target} values={emptyClaimForm(target, randomUUID())} problems={{}} />);
    });

    site.post('/o/:slug/products/:id/claim', { schema: { ...schema, params: productParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      if (!request.isMultipart()) return reply.redirect(sitePath(opened.brand, `/products/${request.params.id}/claim`), 303);
      const owner = opened.owner;
      const form = await readClaimForm(request);
      if (!z.uuid().safeParse(request.params.id).success) return notYours(opened);
      const submissionId = z.uuid().safeParse(fieldValue(form, 'submission_id')).data ?? randomUUID();
      const values: ClaimFormValues = {
        problem: fieldValue(form, 'problem'),
        description: fieldValue(form, 'description'),
        video_url: fieldValue(form, 'video_url'),
        contact: form.fields.contact ?? [],
        phone: fieldValue(form, 'phone'),
        submission_id: submissionId,
      };
      const refuse = (target: ClaimTarget, problems: Record<string, FieldProblem>) =>
        opened.send(opened.page.t('claims.form.title'), <ClaimFormPage site={opened} target={target} values={values} problems={problems} />, 422);

      const outcome = await inBrand(db, opened.brand.id, async (scope) => {
        const target = await claimTarget(scope, request.params.id, owner.id);
        if (!target) return { kind: 'missing' } as const;
        const check = checkClaimInput(
          { problemCategory: values.problem, description: values.description, videoUrl: values.video_url, contactChannels: values.contact, contactPhone: values.phone },
          { problemCodes: target.problems.categories.map((category) => category.code), country: target.owner.country },
        );
        const photos = fileProblem(form, 'photos');
        if (!check.ok || photos) return { kind: 'problems', target, problems: { ...(check.ok ? {} : check.problems), ...(photos ? { photos } : {}) } } as const;
        const filed = await fileClaim(scope, ownerActor(owner), target, { details: check.claim, submissionId, photos: uploadsOf(form, 'photos') }, context);
        return { kind: 'filed', number: filed.claim.number } as const;
      }).catch(async (error: unknown) => {
        // A photo that is not what it claims to be, or too large: nothing was kept; the form says which.
        const photos = refusedUpload(error);
        if (!photos) throw error;
        const target = await ownersProduct(db, opened, request.params.id);
        return target ? ({ kind: 'problems', target, problems: { photos } } as const) : ({ kind: 'missing' } as const);
      });

      if (outcome.kind === 'missing') return notYours(opened);
      if (outcome.kind === 'problems') return refuse(outcome.target, outcome.problems);
      return reply.redirect(`${sitePath(opened.brand, `/claims/${outcome.number}`)}?done=filed`, 303);
    });

    site.get('/o/:slug/claims', { schema: { ...schema, params: slugParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const { t, language } = opened.page;
      const claims = await inBrand(db, opened.brand.id, (scope) => claimsOfOwner(scope, owner.id));
      return opened.send(t('claims.list.title'), (
        <>
          <h1>{t('claims.list.title')}</h1>
          {claims.length === 0 ? <p>{t('claims.list.none')}</p> : null}
          {claims.map((claim) => (
            <section key={claim.id} className="card" aria-labelledby={`c-${claim.id}`}>
              <h2 id={`c-${claim.id}`}><a href={sitePath(opened.brand, `/claims/${claim.number}`)}>{t('claims.detail.title', { number: claim.number })}</a></h2>
              <p>{claim.model_name}{claim.serial ? ` · ${t('products.serial', { serial: claim.serial })}` : ''}</p>
              <p><span className={claim.status === 'denied' ? 'badge off' : 'badge'}>{t(`claims.status.${claim.status}`)}</span> {problemLabelFor(t, { code: claim.problem_category, label: claim.problem_label })}</p>
              <p className="hint">{t('claims.list.filedOn', { date: formatDay(claim.created_at.toISOString().slice(0, 10), language) })}</p>
            </section>
          ))}
          <p>{t('claims.list.howToFile')} <a href={sitePath(opened.brand, '/products')}>{t('site.myProducts')}</a></p>
        </>
      ));
    });
  });
};

/** The signed-in owner's active product, with what a claim on it starts from; null when it is not theirs. */
async function ownersProduct(db: Db, site: Site, id: string): Promise<ClaimTarget | null> {
  const owner = site.owner;
  if (!owner || !z.uuid().safeParse(id).success) return null;
  return inBrand(db, site.brand.id, (scope) => claimTarget(scope, id, owner.id));
}

/** Someone else's product, a product no longer theirs, or no product at all: the same page, revealing nothing. */
export function notYours(site: Site): FastifyReply {
  const { t } = site.page;
  return site.send(t('notFound.title'), (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('claims.notYours')}</p>
      <p><a href={sitePath(site.brand, '/products')}>{t('site.myProducts')}</a></p>
    </>
  ), 404);
}
