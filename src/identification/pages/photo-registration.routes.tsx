import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { listModels } from '../../catalog/models.ts';
import { openSite, type Site } from '../../owner-site/site-request.tsx';
import type { Db } from '../../platform/database/database.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { RouteModule } from '../../platform/http/server.ts';
import { type SubmittedForm, readMultipartForm } from '../../registration/pages/read-form.ts';
import { ChooseProduct, NotFound, formPage, keptProof } from '../../registration/pages/registration-site.routes.tsx';
import { registrableModel } from '../../registration/registrable-model.ts';
import { registrationSettingsOf } from '../../registration/settings.ts';
import { withinRateLimit } from '../../platform/http/rate-limit.ts';
import { photoReadRequests } from '../identification.routes.ts';
import { cropImage } from '../images/prepare-image.ts';
import { photoReadImage } from '../photo-reads.ts';
import { type LabelRoundTrip, carriedLabelView, pickedSerial, readLabelForForm } from './label-round-trip.ts';
import type { LabelReadView, PhotoReadsView } from './photo-read-view.ts';
import { readReceiptForForm } from './receipt-round-trip.ts';

const slugParams = z.object({ slug: z.string() });
/** How long the crop of a read stays viewable: as long as a registration form is reasonably open. */
const cropViewableMs = 2 * 3_600_000;

/**
 * The registration form's photo buttons without a script: the whole form is posted here with the photo,
 * the server reads it, and the form comes back with what was read filled in for the owner to check,
 * everything they had typed kept. With a script the page reads photos in place instead (the JSON
 * endpoints under /identify), and never comes here.
 */
export const photoRegistrationRoutes: RouteModule = (app, { db }) => {
  app.post('/o/:slug/register/photo', { schema: { hide: true, params: slugParams } }, async (request, reply) => {
    const site = await openSite(db, request, reply);
    if (!site) return reply;
    if (!request.isMultipart()) return site.send(site.page.t('notFound.title'), <NotFound site={site} />, 415);
    return answerWithPhotoRead(db, site, await readMultipartForm(request, ['label_photo']), request.ip);
  });

  app.get('/o/:slug/photo-reads/:id/crop', { schema: { hide: true, params: slugParams.extend({ id: z.string() }) } }, async (request, reply) => {
    const site = await openSite(db, request, reply);
    if (!site) return reply;
    const id = z.uuid().safeParse(request.params.id).data;
    const image = id ? await inBrand(db, site.brand.id, (scope) => photoReadImage(scope, id, { since: new Date(Date.now() - cropViewableMs) })) : null;
    if (!image) return reply.code(404).type('text/plain; charset=utf-8').send('This photo is no longer available.');
    const crop = image.crop ? await cropImage(image.stored, image.crop) : image.stored;
    return reply.type('image/jpeg').header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(crop);
  });
};

/**
 * Answers a registration form sent with a photo to read, or with a choice among what was read: the
 * form again, filled in. POST /register hands a form here when the owner sent a label photo with it.
 */
export async function answerWithPhotoRead(db: Db, site: Site, form: SubmittedForm, ip: string): Promise<FastifyReply> {
  const values = form.fields;
  const slug = site.brand.slug;
  const picking = Boolean(values.pick_serial || values.pick_model);
  // Reading costs OCR time: the same allowance per address as the page's script has.
  const allowed = picking || (await withinRateLimit(db, photoReadRequests, ip));
  const receiptAsked = allowed && values.read === 'receipt';

  let label: LabelRoundTrip | null = null;
  if (values.pick_serial) label = pickedSerial(values, values.pick_serial.slice(0, 100), slug);
  else if (values.pick_model && z.uuid().safeParse(values.pick_model).success) {
    label = { values: { ...values, model_id: values.pick_model }, modelId: values.pick_model, view: { ...(carriedLabelView(values, slug) ?? emptyLabel), serial: null } };
  } else if (!allowed) label = { values: { ...values }, modelId: z.uuid().safeParse(values.model_id).data ?? null, view: { ...emptyLabel, problem: 'too_many' } };
  else if (!receiptAsked) label = await readLabelForForm(db, site.brand, values, form.otherFiles.label_photo ?? null);
  const fields = { ...(label?.values ?? values) };
  for (const name of ['read', 'pick_serial', 'pick_model']) delete fields[name];
  const modelId = label ? label.modelId : z.uuid().safeParse(values.model_id).data ?? null;

  const respond = await inBrand(db, site.brand.id, async (scope) => {
    const model = modelId ? await registrableModel(scope, site.brand, modelId).catch(() => null) : null;
    if (!model) {
      const models = await listModels(scope, { limit: 100 });
      const read = label?.view ?? null;
      return () => site.send(site.page.t('register.chooseTitle'), <ChooseProduct site={site} models={models.data} read={read} />, read?.problem ? 422 : 200);
    }
    const settings = await registrationSettingsOf(scope);
    const kept = await keptProof(scope, values.proof_file_id);
    return { model, settings, kept };
  });
  if (typeof respond === 'function') return respond();
  const { model, settings, kept } = respond;

  let proof = kept;
  const problems: Record<string, { key: string; values?: Record<string, string> }> = {};
  const photo: { label: LabelReadView | null; receipt: PhotoReadsView['receipt'] } = { label: label?.view ?? carriedLabelView(fields, slug), receipt: null };
  // A receipt sent along is kept as the proof, as the form itself would; read only when that was asked.
  if (receiptAsked || form.file) {
    const receipt = await readReceiptForForm(db, site.brand.id, fields, form.file, { retailers: settings.retailers, language: site.page.language, keptProof: kept, read: receiptAsked });
    Object.assign(fields, receipt.values);
    proof = receipt.proof;
    if (receipt.proofProblem) problems.proof = receipt.proofProblem;
    if (receiptAsked) photo.receipt = receipt.view;
  }
  if (proof) fields.proof_file_id = proof.id;
  const failed = photo.label?.problem ?? photo.receipt?.problem;
  const status = failed === 'too_many' ? 429 : failed || Object.keys(problems).length > 0 ? 422 : 200;
  return formPage(site, settings, model, fields, problems, proof, status, photo)();
}

const emptyLabel: LabelReadView = { readId: null, problem: null, model: null, serial: null, manufacturedOn: null, serialChoices: [], modelChoices: [], cropUrl: null, switchedModel: false };
