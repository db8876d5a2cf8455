import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemActor } from '../../access/principal.ts';
import { sitePath } from '../../owner-site/brand-site.ts';
import { openSite, type Site } from '../../owner-site/site-request.tsx';
import type { Db } from '../../platform/database/database.ts';
import type { ConsentChannel } from '../tables.ts';
import { type BrandScope, inBrand } from '../../platform/database/tenancy.ts';
import { storeFile } from '../../platform/files/files.ts';
import { ApiError } from '../../platform/http/errors.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { formatDay } from '../../owner-site/format-day.ts';
import { ProductCare } from '../../registration/pages/product-care.tsx';
import { readMultipartForm } from '../../registration/pages/read-form.ts';
import { registrableModel } from '../../registration/registrable-model.ts';
import { registrationSettingsOf } from '../../registration/settings.ts';
import { reviewedOwnerships } from '../../reviews/reviews.ts';
import { type FieldProblem, type OwnerField, checkRegistrationForm } from '../../registration/registration-form.ts';
import { Field, type FieldState, ProblemSummary } from '../../registration/pages/form-fields.tsx';
import { consentWordings } from '../../registration/wording.ts';
import { type Entitlement, lastCoveredDay } from '../../warranty/entitlement.ts';
import { ownershipEntitlement, ownershipEntitlements } from '../../warranty/ownership-entitlement.ts';
import { type ConsentState, type ConsentWording, consentChannels, consentStateOf, recordConsent } from '../consents.ts';

const slugParams = z.object({ slug: z.string() });
const ownershipParams = slugParams.extend({ id: z.string() });

/** "My products" for a signed-in owner: every product with its warranty, documents and receipt; details and consents. */
export const myProductsRoutes: RouteModule = (app, { db }) => {
  const schema = { hide: true } as const;

  void app.register(async (plugin) => {
    await plugin.register(fastifyFormbody);
    const site = plugin.withTypeProvider<ZodTypeProvider>();

    site.get('/o/:slug/products', { schema: { ...schema, params: slugParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const { t, language } = opened.page;
      const { products, formerProducts, entitlements, reviewed } = await inBrand(db, opened.brand.id, async (scope) => {
        const all = await ownedProducts(scope, owner.id);
        const current = all.filter((product) => product.status === 'active');
        const ids = current.map((product) => product.id);
        return { products: current, formerProducts: all.filter((product) => product.status !== 'active'), entitlements: await ownershipEntitlements(scope, ids), reviewed: await reviewedOwnerships(scope, ids) };
      });
      return opened.send(t('products.title'), (
        <>
          <h1>{t('products.hello', { name: owner.name })}</h1>
          {products.length === 0 ? <p>{t('products.none')}</p> : null}
          {products.map((product) => {
            const entitlement = entitlements.get(product.id);
            const until = entitlement?.parts.until ?? entitlement?.labour.until ?? null;
            return (
              <section key={product.id} className="card" aria-labelledby={`p-${product.id}`}>
                <h2 id={`p-${product.id}`}>{product.modelName}</h2>
                {product.serial ? <p>{t('products.serial', { serial: product.serial })}</p> : null}
                <p><span className={entitlement?.covered ? 'badge' : 'badge off'}>
                  {entitlement?.covered ? t('products.covered', { date: formatDay(lastCoveredDay(entitlement) as string, language) }) : until ? t('products.expired', { date: formatDay(until, language) }) : t('products.notCovered')}
                </span></p>
                <p>{t(`products.proof${product.proofStatus[0]?.toUpperCase()}${product.proofStatus.slice(1)}`)}</p>
                <p><a href={sitePath(opened.brand, `/products/${product.id}`)}>{t('products.details')}</a> · <a href={sitePath(opened.brand, `/products/${product.id}/claim`)}>{t('products.reportProblem')}</a> · <a href={sitePath(opened.brand, `/products/${product.id}/review`)}>{t(reviewed.has(product.id) ? 'reviews.editLink' : 'reviews.writeLink')}</a></p>
              </section>
            );
          })}
          {formerProducts.length > 0 ? (
            <section className="card" aria-labelledby="former">
              <h2 id="former">{t('products.former')}</h2>
              <ul className="plain">
                {formerProducts.map((product) => <li key={product.id}>{product.modelName}{product.serial ? ` (${product.serial})` : ''}: {t(`products.ended_${product.status}`, { date: formatDay(product.endedOn ?? product.registeredOn, language) })}</li>)}
              </ul>
            </section>
          ) : null}
          <p><a href={sitePath(opened.brand, '/claims')}>{t('products.claims')}</a></p>
          <a className="button secondary" href={sitePath(opened.brand, '/register')}>{t('registered.registerAnother')}</a>
          <p><a href={sitePath(opened.brand, '/account')}>{t('products.account')}</a> · <a href={sitePath(opened.brand, '/contact-preferences')}>{t('products.contactPreferences')}</a></p>
        </>
      ));
    });

    site.get('/o/:slug/products/:id', { schema: { ...schema, params: ownershipParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      return productPage(db, opened, request.params.id, null, reply);
    });

    site.post('/o/:slug/products/:id/proof', { schema: { ...schema, params: ownershipParams } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner || !request.isMultipart()) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const form = await readMultipartForm(request);
      const problem = await inBrand(db, opened.brand.id, async (scope) => {
        if (!form.file) return 'errors.proof_type';
        if (form.file.tooLarge) return 'errors.proof_too_large';
        try {
          const stored = await storeFile(scope, systemActor, { purpose: 'proof', originalName: form.file.name, declaredType: 'application/octet-stream', content: form.file.content });
          await scope.db.updateTable('ownerships').set({ proof_file_id: stored.id, proof_status: 'submitted', updated_at: new Date() })
            .where('id', '=', request.params.id).where('owner_id', '=', owner.id).execute();
          return null;
        } catch (error) {
          if (error instanceof ApiError) return error.code === 'payload_too_large' ? 'errors.proof_too_large' : 'errors.proof_type';
          throw error;
        }
      });
      if (problem) return productPage(db, opened, request.params.id, problem, reply);
      return reply.redirect(sitePath(opened.brand, `/products/${request.params.id}`), 303);
    });

    site.get('/o/:slug/account', { schema: { ...schema, params: slugParams, querystring: z.object({ saved: z.string().optional(), lang: z.string().optional() }) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const values = { name: owner.name, phone: owner.phone ?? '', postal_code: owner.postalCode ?? '' };
      return opened.send(opened.page.t('account.title'), await accountForm(db, opened, values, {}, request.query.saved !== undefined));
    });

    site.post('/o/:slug/account', { schema: { ...schema, params: slugParams, body: z.record(z.string(), z.string()).default({}) } }, async (request, reply) => {
      const opened = await openSite(db, request, reply);
      if (!opened) return reply;
      if (!opened.owner) return reply.redirect(sitePath(opened.brand, '/sign-in'), 303);
      const owner = opened.owner;
      const check = checkRegistrationForm(request.body, { ...noProductRules, countries: [owner.country ?? 'US'], askOwner: editableDetails });
      if (!check.ok) return opened.send(opened.page.t('account.title'), await accountForm(db, opened, request.body, check.problems, false), 422);
      const details = check.details.owner;
      await inBrand(db, opened.brand.id, async (scope) => {
        await scope.db
          .updateTable('owners')
          .set({ name: details.name as string, phone: details.phone ?? null, postal_code: details.postalCode ?? null, language: opened.page.language, updated_at: new Date() })
          .where('id', '=', owner.id)
          .execute();
        if (owner.safetyOnly) return;
        const settings = await registrationSettingsOf(scope);
        const current = await consentStateOf(scope, owner.id);
        const wordings = consentWordings(settings, opened.page);
        for (const channel of consentChannels) {
          const wording = wordings[channel];
          const wanted = request.body[`consent_${channel}`] === 'on';
          // Only a change is recorded: an untouched, never-given consent stays "never asked".
          if (wanted || current[channel] === true) {
            await recordConsent(scope, owner.id, channel, wanted, wording, { source: 'owner_page', ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, current);
          }
        }
      });
      return reply.redirect(`${sitePath(opened.brand, '/account')}?saved=1`, 303);
    });
  });
};

async function ownedProducts(scope: BrandScope, ownerId: string) {
  const rows = await scope.db
    .selectFrom('ownerships as o')
    .innerJoin('models as m', 'm.id', 'o.model_id')
    .select(['o.id', 'o.serial', 'o.status', 'o.registered_at', 'o.ended_at', 'o.proof_status', 'm.name'])
    .where('o.owner_id', '=', ownerId)
    .orderBy('o.registered_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    serial: row.serial,
    status: row.status,
    modelName: row.name,
    registeredOn: row.registered_at.toISOString().slice(0, 10),
    endedOn: row.ended_at?.toISOString().slice(0, 10) ?? null,
    proofStatus: row.proof_status,
  }));
}

async function productPage(db: Db, site: Site, id: string, problem: string | null, reply: FastifyReply) {
  const { t, language } = site.page;
  const owner = site.owner as { id: string };
  const found = await inBrand(db, site.brand.id, async (scope) => {
    const ownership = z.uuid().safeParse(id).success
      ? await scope.db.selectFrom('ownerships').selectAll().where('id', '=', id).where('owner_id', '=', owner.id).where('status', '=', 'active').executeTakeFirst()
      : undefined;
    if (!ownership) return null;
    return {
      ownership,
      model: await registrableModel(scope, site.brand, ownership.model_id),
      settings: await registrationSettingsOf(scope),
      entitlement: (await ownershipEntitlement(scope, ownership.id)) as Entitlement,
    };
  });
  if (!found) return reply.redirect(sitePath(site.brand, '/products'), 303);
  const { ownership, model, settings, entitlement } = found;
  return site.send(model.name, (
    <>
      <h1>{model.name}</h1>
      {ownership.serial ? <p>{t('products.serial', { serial: ownership.serial })}</p> : null}
      <p>{t('products.registeredOn', { date: formatDay(ownership.registered_at.toISOString().slice(0, 10), language) })}</p>
      <p><a className="button" href={sitePath(site.brand, `/products/${ownership.id}/claim`)}>{t('products.reportProblem')}</a></p>
      <ProductCare page={site.page} model={model} entitlement={entitlement} settings={settings} safetyOnly={ownership.safety_only} />
      <p><a href={sitePath(site.brand, `/products/${ownership.id}/help`)}>{t('products.help')}</a> · <a href={sitePath(site.brand, '/service-centres')}>{t('products.serviceCentres')}</a></p>
      <form method="post" action={sitePath(site.brand, `/products/${ownership.id}/proof`)} encType="multipart/form-data" className="card">
        <h2>{t(`products.proof${ownership.proof_status[0]?.toUpperCase()}${ownership.proof_status.slice(1)}`)}</h2>
        <label htmlFor="proof">{t('products.proofUpload')}</label>
        <span className="hint" id="proof-hint">{t('register.proofHint')}</span>
        {problem ? <span className="error" id="proof-error" role="alert">{t(problem, { detected: 'unknown' })}</span> : null}
        <input id="proof" name="proof" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" aria-describedby={problem ? 'proof-hint proof-error' : 'proof-hint'} />
        <button type="submit">{t('products.proofSave')}</button>
      </form>
      <p><a href={sitePath(site.brand, `/products/${ownership.id}/end`)}>{t('products.noLongerHave')}</a></p>
    </>
  ), problem ? 422 : 200);
}

// What an owner may change about themselves; the email is their identity and is changed by the brand.
const editableDetails: ReadonlySet<OwnerField> = new Set(['name', 'phone', 'postal_code']);
const noProductRules = { serialMasks: [], retailers: [], safety: null, purchaseDetailsRequired: false, manufacturedOn: null, today: '9999-12-31' } as const;

async function accountForm(db: Db, site: Site, values: Record<string, string>, problems: Record<string, FieldProblem>, saved: boolean) {
  const owner = site.owner as NonNullable<Site['owner']>;
  const { consents, settings } = await inBrand(db, site.brand.id, async (scope) => ({ consents: await consentStateOf(scope, owner.id), settings: await registrationSettingsOf(scope) }));
  // The boxes show the very words a consent given here is recorded with.
  const wordings = consentWordings(settings, site.page);
  return <Account site={site} state={{ values, problems, t: site.page.t }} consents={consents} wordings={wordings} saved={saved} />;
}

function Account({ site, state, consents, wordings, saved }: { site: Site; state: FieldState; consents: ConsentState; wordings: Record<ConsentChannel, ConsentWording>; saved: boolean }) {
  const { t } = site.page;
  const owner = site.owner as NonNullable<Site['owner']>;
  return (
    <>
      <h1>{t('account.title')}</h1>
      {saved ? <p role="status" className="badge">{t('account.saved')}</p> : null}
      <ProblemSummary state={state} labels={{ name: t('register.name'), phone: t('register.phone'), postal_code: t('register.postalCode') }} />
      <form method="post" action={sitePath(site.brand, '/account')} className="card" noValidate>
        <p>{t('register.email')}: {owner.email}</p>
        <Field state={state} name="name" label={t('register.name')} required autoComplete="name" />
        <Field state={state} name="phone" type="tel" label={t('register.phone')} hint={t('register.phoneHint')} autoComplete="tel" inputMode="tel" />
        <Field state={state} name="postal_code" label={t('register.postalCode')} required autoComplete="postal-code" />
        <fieldset style={{ border: 0, padding: 0, margin: '1rem 0 0' }}>
          <legend><strong>{t('account.consents')}</strong></legend>
          {owner.safetyOnly ? <p>{t('account.safetyOnlyNote')}</p> : consentChannels.map((channel) => (
            <label key={channel} className="check" htmlFor={`consent_${channel}`}>
              <input type="checkbox" id={`consent_${channel}`} name={`consent_${channel}`} defaultChecked={consents[channel] === true} />
              <span>{wordings[channel].text}</span>
            </label>
          ))}
          <p className="hint">{t('account.serviceNote')}</p>
        </fieldset>
        <button type="submit">{t('account.save')}</button>
      </form>
    </>
  );
}
