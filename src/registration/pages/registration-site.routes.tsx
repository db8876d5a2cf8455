import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { systemActor } from '../../access/principal.ts';
import { newToken, sha256 } from '../../access/secrets.ts';
import { manufactureDateFromSerial } from '../../catalog/manufacture-date.ts';
import { listModels } from '../../catalog/models.ts';
import { normaliseSerial, serialMatchesMask } from '../../catalog/serial-mask.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import { openSite, type Site } from '../../owner-site/site-request.tsx';
import { type BrandScope, inBrand } from '../../platform/database/tenancy.ts';
import { storeFile } from '../../platform/files/files.ts';
import { ApiError } from '../../platform/http/errors.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import type { Entitlement } from '../../warranty/entitlement.ts';
import { ownershipEntitlement } from '../../warranty/ownership-entitlement.ts';
import { queueRegistrationConfirmation } from '../confirmation.tsx';
import { registerOwnership } from '../register.ts';
import { type RegistrableModel, modelIdByGtin, registrableModel } from '../registrable-model.ts';
import { type FieldProblem, type OwnerField, checkRegistrationForm, latestToday, ownerFields } from '../registration-form.ts';
import { type RegistrationSettings, registrationSettingsOf } from '../settings.ts';
import { consentWordings } from '../wording.ts';
import { confirmReadsOfForm } from '../../identification/pages/confirm-reads.ts';
import { identifiedByOf } from '../../identification/pages/identified-by.ts';
import { answerWithPhotoRead } from '../../identification/pages/photo-registration.routes.tsx';
import { photoReadsCarried } from '../../identification/pages/label-round-trip.ts';
import { ChooseByLabel } from '../../identification/pages/identify-options.tsx';
import type { LabelReadView, PhotoReadsView } from '../../identification/pages/photo-read-view.ts';
import { ProductCare } from './product-care.tsx';
import { readMultipartForm } from './read-form.ts';
import { RegistrationFormPage } from './registration-form-page.tsx';

const slugParams = z.object({ slug: z.string() });
const startQuery = z.object({
  model: z.uuid().optional().catch(undefined),
  gtin: z.string().regex(/^[0-9]{14}$/).optional().catch(undefined),
  serial: z.string().max(100).optional().catch(undefined),
  lot: z.string().max(40).optional().catch(undefined),
  variant: z.string().max(40).optional().catch(undefined),
  production: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/).optional().catch(undefined),
  via: z.enum(['qr', 'barcode']).optional().catch(undefined),
  /** A label photo read on the page: the form opens for the product on the label, with what was read. */
  read: z.uuid().optional().catch(undefined),
  lang: z.string().optional(),
});
const confirmationTtlMs = 24 * 3_600_000;

/** The owner-facing registration pages: choose a product, fill in the form, see the confirmation. */
export const registrationSiteRoutes: RouteModule = (app, { db, config }) => {
  const hide = { hide: true } as const;

  app.get('/o/:slug/register', { schema: { ...hide, params: slugParams, querystring: startQuery } }, async (request, reply) => {
    const site = await openSite(db, request, reply);
    if (!site) return reply;
    const query = request.query;
    const respond = await inBrand(db, site.brand.id, async (scope) => {
      const modelId = query.model ?? (query.gtin ? await modelIdByGtin(scope, query.gtin) : null);
      if (!modelId) {
        const models = await listModels(scope, { limit: 100 });
        return () => site.send(site.page.t('register.chooseTitle'), <ChooseProduct site={site} models={models.data} />);
      }
      const model = await registrableModel(scope, site.brand, modelId).catch(() => null);
      if (!model) return () => site.send(site.page.t('notFound.title'), <NotFound site={site} />, 404);
      const serial = query.serial ? normaliseSerial(query.serial) : '';
      const values: Record<string, string> = {
        model_id: model.id,
        submission_id: randomUUID(),
        serial,
        lot: query.lot ?? '',
        variant: query.variant ?? '',
        production_date: query.production ?? '',
        identified_by: query.via ?? (query.read && serial ? 'photo' : 'typed'),
        photo_read_id: query.read ?? '',
        source: query.via === 'qr' ? 'qr' : 'web',
      };
      return formPage(site, await registrationSettingsOf(scope), model, values, {}, null, 200, photoReadsCarried(values, site.brand.slug));
    });
    return respond();
  });

  app.post('/o/:slug/register', { schema: { ...hide, params: slugParams } }, async (request, reply) => {
    const site = await openSite(db, request, reply);
    if (!site) return reply;
    if (!request.isMultipart()) return site.send(site.page.t('notFound.title'), <NotFound site={site} />, 415);
    const form = await readMultipartForm(request, ['label_photo']);
    // A label photo sent with the form (no script to read it in place) is read first, for the owner to check.
    if (form.otherFiles.label_photo) return answerWithPhotoRead(db, site, form, request.ip);
    const values = form.fields;
    const modelId = z.uuid().safeParse(values.model_id).data;
    const submissionId = z.uuid().safeParse(values.submission_id).data ?? randomUUID();

    // The transaction decides what to answer; the answer is sent once it has committed.
    const respond = await inBrand(db, site.brand.id, async (scope) => {
      const model = modelId ? await registrableModel(scope, site.brand, modelId).catch(() => null) : null;
      if (!model) return () => site.send(site.page.t('notFound.title'), <NotFound site={site} />, 404);
      const settings = await registrationSettingsOf(scope);
      const problems: Record<string, FieldProblem> = {};

      // A receipt is kept even when other fields need fixing, so the owner does not choose it again.
      let proof = await keptProof(scope, values.proof_file_id);
      if (form.file?.tooLarge) problems.proof = { key: 'errors.proof_too_large' };
      else if (form.file) {
        try {
          const stored = await storeFile(scope, systemActor, { purpose: 'proof', originalName: form.file.name, declaredType: 'application/octet-stream', content: form.file.content });
          proof = { id: stored.id, name: stored.originalName };
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          const detected = (error.details as { detected?: string } | null)?.detected ?? 'unknown';
          problems.proof = error.code === 'payload_too_large' ? { key: 'errors.proof_too_large' } : { key: 'errors.proof_type', values: { detected } };
        }
      }

      const manufacturedOn = manufacturedOnOf(model, values.production_date, values.serial);
      const askOwner = ownerFieldsToAsk(site, model);
      const check = checkRegistrationForm(values, { serialMasks: model.serialMasks, retailers: settings.retailers, countries: settings.countries, safety: model.safety, purchaseDetailsRequired: model.safety === null, askOwner, manufacturedOn, today: latestToday() });
      if (!check.ok || Object.keys(problems).length > 0) {
        return formPage(site, settings, model, values, { ...(check.ok ? {} : check.problems), ...problems }, proof, 422, photoReadsCarried(values, site.brand.slug));
      }
      const { details } = check;
      const owner = details.owner;
      const outcome = await registerOwnership(scope, {
        modelId: model.id,
        owner: site.owner ? { signedInOwnerId: site.owner.id, missing: owner } : { signedInOwnerId: null, details: { ...owner, email: owner.email as string, name: owner.name as string } },
        language: site.page.language,
        serial: details.serial,
        lot: values.lot || null,
        variant: values.variant || null,
        purchaseDate: details.purchaseDate,
        retailer: details.retailer,
        postalCode: owner.postalCode ?? site.owner?.postalCode ?? null,
        country: owner.country ?? site.owner?.country ?? null,
        manufacturedOn,
        safetyOnly: model.safety !== null,
        source: values.source === 'qr' ? 'qr' : 'web',
        identifiedBy: identifiedByOf(values),
        proofFileId: proof?.id ?? null,
        consents: details.consents,
        consentWordings: consentWordings(settings, site.page),
        evidence: { source: 'registration_page', ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        submissionId,
      });
      if (outcome.kind === 'conflict') {
        return () => site.send(site.page.t('conflict.title', { product: model.name }), <Conflict site={site} model={model} serial={details.serial ?? ''} />, 409);
      }
      await confirmReadsOfForm(scope, values, { ownershipId: outcome.ownershipId, modelId: model.id, serial: details.serial, purchaseDate: details.purchaseDate, retailer: details.retailer });
      if (outcome.kind === 'registered') {
        await queueRegistrationConfirmation(scope, site.brand, config.publicUrl, { ownershipId: outcome.ownershipId, owner: outcome.owner, productName: model.name, serial: details.serial });
      }
      const token = newToken();
      await scope.db.updateTable('ownerships').set({ confirmation_token_hash: sha256(token) }).where('id', '=', outcome.ownershipId).execute();
      const already = outcome.kind === 'already_registered' ? '&already=1' : '';
      return () => reply.redirect(`${sitePath(site.brand, `/registered/${outcome.ownershipId}`)}?t=${token}${already}`, 303);
    });
    return respond();
  });

  app.get('/o/:slug/registered/:id', {
    schema: { ...hide, params: slugParams.extend({ id: z.string() }), querystring: z.object({ t: z.string().optional(), already: z.string().optional(), lang: z.string().optional() }) },
  }, async (request, reply) => {
    const site = await openSite(db, request, reply);
    if (!site) return reply;
    const id = z.uuid().safeParse(request.params.id).data;
    const respond = await inBrand(db, site.brand.id, async (scope) => {
      const ownership = id
        ? await scope.db.selectFrom('ownerships as o').innerJoin('owners as w', 'w.id', 'o.owner_id')
            .select(['o.id', 'o.owner_id', 'o.model_id', 'o.purchase_date', 'o.registered_at', 'o.confirmation_token_hash', 'o.safety_only', 'w.email'])
            .where('o.id', '=', id).executeTakeFirst()
        : undefined;
      const token = request.query.t;
      const byToken = ownership?.confirmation_token_hash && token && sha256(token).equals(ownership.confirmation_token_hash) && Date.now() - ownership.registered_at.getTime() < confirmationTtlMs;
      if (!ownership || !(byToken || site.owner?.id === ownership.owner_id)) {
        return () => site.send(site.page.t('registered.linkExpired'), <LinkExpired site={site} />, 403);
      }
      const model = await registrableModel(scope, site.brand, ownership.model_id);
      const settings = await registrationSettingsOf(scope);
      const entitlement = (await ownershipEntitlement(scope, ownership.id)) as Entitlement;
      const title = site.page.t(request.query.already ? 'registered.titleAlready' : 'registered.title', { product: model.name });
      return () => site.send(title, (
        <>
          <h1>{title}</h1>
          <p role="status">{site.page.t('registered.emailSent', { email: ownership.email })}</p>
          <ProductCare page={site.page} model={model} entitlement={entitlement} settings={settings} safetyOnly={ownership.safety_only} />
          <a className="button secondary" href={sitePath(site.brand, '/register')}>{site.page.t('registered.registerAnother')}</a>
        </>
      ));
    });
    return respond();
  });
};

/** The sending of the form page, for after the transaction. */
export function formPage(site: Site, settings: RegistrationSettings, model: RegistrableModel, values: Record<string, string>, problems: Record<string, FieldProblem>, proofKept: { id: string; name: string } | null, status = 200, photo?: PhotoReadsView) {
  const serialFromCode = values.identified_by === 'qr' && Boolean(values.serial) && !problems.serial && model.serialMasks.some((mask) => serialMatchesMask(values.serial as string, mask.tokens));
  const title = Object.keys(problems).length > 0 ? `${site.page.t('register.errorsTitle', { count: Object.keys(problems).length })} · ${site.page.t('register.title', { product: model.name })}` : site.page.t('register.title', { product: model.name });
  const view = { model, settings, owner: site.owner, askOwner: ownerFieldsToAsk(site, model), values, problems, serialFromCode, manufacturedOn: manufacturedOnOf(model, values.production_date, values.serial), proofKept, ...(photo ? { photo } : {}) };
  return () => site.send(title, <RegistrationFormPage page={site.page} view={view} />, status);
}

/** Everything for someone new; for a signed-in owner only what this model's rules need and they lack. */
function ownerFieldsToAsk(site: Site, model: RegistrableModel): ReadonlySet<OwnerField> {
  const mailing: OwnerField[] = ['address', 'city', 'region', 'postal_code'];
  if (!site.owner) return new Set(ownerFields.filter((field) => model.safety || !['address', 'city', 'region'].includes(field)));
  const owner = site.owner;
  const missing = (field: OwnerField) => ({ address: owner.address, city: owner.city, region: owner.region, postal_code: owner.postalCode } as Record<string, string | null>)[field] === null;
  return new Set(model.safety ? mailing.filter(missing) : []);
}

function manufacturedOnOf(model: RegistrableModel, productionDate: string | undefined, serial: string | undefined): string | null {
  if (productionDate && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(productionDate)) return productionDate;
  if (!serial) return null;
  for (const mask of model.serialMasks) {
    const date = manufactureDateFromSerial(serial, mask.tokens);
    if (date) return date;
  }
  return null;
}

/** A receipt uploaded with an earlier try of this form, if it is still unclaimed and recent. */
export async function keptProof(scope: BrandScope, id: string | undefined) {
  if (!id || !z.uuid().safeParse(id).success) return null;
  const file = await scope.db.selectFrom('files').select(['id', 'original_name']).where('id', '=', id).where('purpose', '=', 'proof')
    .where('created_at', '>', new Date(Date.now() - 2 * 3_600_000))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('ownerships').select('id').where('proof_file_id', '=', id))))
    .executeTakeFirst();
  return file ? { id: file.id, name: file.original_name } : null;
}

export function ChooseProduct({ site, models, read = null }: { site: Site; models: readonly { id: string; name: string; sku: string }[]; read?: LabelReadView | null }) {
  const { t } = site.page;
  return (
    <>
      <h1>{t('register.chooseTitle')}</h1>
      <p>{t('register.chooseIntro')}</p>
      <form method="get" action={sitePath(site.brand, '/register')} className="card">
        <label htmlFor="model">{t('register.model')}</label>
        <select id="model" name="model" required>
          {models.map((model) => <option key={model.id} value={model.id}>{`${model.name} (${model.sku})`}</option>)}
        </select>
        <button type="submit">{t('register.continue')}</button>
      </form>
      <ChooseByLabel page={site.page} read={read} />
    </>
  );
}

function Conflict({ site, model, serial }: { site: Site; model: RegistrableModel; serial: string }) {
  const { t } = site.page;
  return (
    <div className="card">
      <h1>{t('conflict.title', { product: model.name })}</h1>
      <p>{t('conflict.body', { serial })}</p>
      <p>{t('conflict.again')}</p>
      <a className="button secondary" href={`${sitePath(site.brand, '/register')}?model=${model.id}`}>{t('register.continue')}</a>
    </div>
  );
}

function LinkExpired({ site }: { site: Site }) {
  return (
    <div className="card">
      <h1>{site.page.t('registered.linkExpired')}</h1>
      <a className="button" href={sitePath(site.brand, '/sign-in')}>{site.page.t('site.signIn')}</a>
    </div>
  );
}

export function NotFound({ site }: { site: Site }) {
  const { t } = site.page;
  return (
    <div className="card">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <a className="button" href={sitePath(site.brand, '/register')}>{t('notFound.home')}</a>
    </div>
  );
}
