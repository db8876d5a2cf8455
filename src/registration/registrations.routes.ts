import { z } from 'zod';
import { requirePermission } from '../access/principal.ts';
import { manufactureDateFromSerial } from '../catalog/manufacture-date.ts';
import { checkGtin } from '../catalog/gtin.ts';
import { brandSiteById } from '../owner-site/brand-site.ts';
import { translatorFor } from '../owner-site/i18n.ts';
import { consentChannels } from '../owners/consents.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError, errorBody } from '../platform/http/errors.ts';
import { errorResponses } from '../platform/http/responses.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { write } from '../platform/http/write.ts';
import type { Entitlement } from '../warranty/entitlement.ts';
import { entitlementSchema, entitlementView } from '../warranty/entitlement-view.ts';
import { ownershipEntitlement } from '../warranty/ownership-entitlement.ts';
import { queueRegistrationConfirmation } from './confirmation.tsx';
import { registerOwnership } from './register.ts';
import { modelIdByGtin, registrableModel } from './registrable-model.ts';
import { checkRegistrationForm, latestToday, ownerFields } from './registration-form.ts';
import { registrationSettingsOf } from './settings.ts';

const isoDate = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'Use YYYY-MM-DD.');
const registrationBody = z.strictObject({
  gtin: z.string().optional().meta({ description: 'The product GTIN (8 to 14 digits). Give this or modelId.' }),
  modelId: z.uuid().optional(),
  serial: z.string().max(100).optional(),
  lot: z.string().max(40).optional(),
  variant: z.string().max(40).optional(),
  productionDate: isoDate.optional().meta({ description: 'Date of manufacture, when known (e.g. from a GS1 AI 11).' }),
  purchaseDate: isoDate.optional(),
  retailer: z.string().max(100).optional(),
  owner: z.strictObject({
    email: z.string().max(254),
    name: z.string().max(200),
    phone: z.string().max(40).optional(),
    address: z.string().max(200).optional(),
    city: z.string().max(100).optional(),
    region: z.string().max(100).optional(),
    postalCode: z.string().max(20).optional(),
    country: z.string().length(2).optional(),
    language: z.enum(['en', 'es']).default('en'),
  }),
  consents: z.array(z.strictObject({
    channel: z.enum(['email', 'sms']),
    granted: z.boolean(),
    wording: z.string().min(1).max(2000).meta({ description: 'The exact words the person agreed to; kept as evidence, versioned by their hash.' }),
  })).max(2).default([]),
  identifiedBy: z.enum(['qr', 'barcode', 'photo', 'typed']).default('typed'),
  sendConfirmation: z.boolean().default(true).meta({ description: 'Email the owner the confirmation with a link to their products.' }),
}).refine((body) => body.gtin || body.modelId, { message: 'Give the product as gtin or modelId.', path: ['gtin'] });

const registrationView = z.object({
  outcome: z.enum(['registered', 'already_registered']),
  ownershipId: z.uuid(),
  ownerId: z.uuid(),
  modelId: z.uuid(),
  serial: z.string().nullable(),
  manufacturedOn: z.string().nullable(),
  safetyOnly: z.boolean(),
  entitlement: entitlementSchema,
}).meta({ id: 'Registration' });

// API field names for the form's, so a problem points at the JSON the caller sent.
const apiPaths: Record<string, string> = {
  name: 'owner.name', email: 'owner.email', phone: 'owner.phone', address: 'owner.address', city: 'owner.city', region: 'owner.region',
  postal_code: 'owner.postalCode', country: 'owner.country', serial: 'serial', purchase_date: 'purchaseDate', retailer: 'retailer',
  retailer_other: 'retailer', consent_sms: 'consents',
};

/** Registration by brand systems, retail point of sale and call centres; same rules as the owner's page. */
export const registrationRoutes: RouteModule = (app, { db, config }) => {
  app.post('/api/v1/registrations', {
    preValidation: requirePermission('owners:write'),
    schema: {
      tags: ['registrations'],
      summary: 'Register a product to its owner',
      description: 'Idempotent with an Idempotency-Key. The same owner registering the same unit again answers 200 `already_registered`; a unit held by another owner answers 409 `registration_conflict` and records the claim.',
      body: registrationBody,
      response: { 200: registrationView, 201: registrationView, ...errorResponses },
    },
  }, (request, reply) => write(db, request, reply, async (scope, actor) => {
    const body = request.body;
    const brand = await brandSiteById(scope.db, scope.brandId);
    if (!brand) throw new ApiError('not_found');
    const modelId = body.modelId ?? (await modelByGtin(scope, body.gtin as string));
    const model = await registrableModel(scope, brand, modelId, { withResources: false });
    const settings = await registrationSettingsOf(scope);
    const consentOf = (channel: 'email' | 'sms') => body.consents.find((consent) => consent.channel === channel);
    const retailerListed = body.retailer !== undefined && settings.retailers.includes(body.retailer);
    const fields = {
      name: body.owner.name, email: body.owner.email, phone: body.owner.phone, address: body.owner.address, city: body.owner.city, region: body.owner.region,
      postal_code: body.owner.postalCode, country: body.owner.country, serial: body.serial, purchase_date: body.purchaseDate,
      retailer: retailerListed ? body.retailer : 'other', retailer_other: retailerListed ? '' : (body.retailer ?? ''),
      consent_email: consentOf('email')?.granted ? 'on' : '', consent_sms: consentOf('sms')?.granted ? 'on' : '',
    };
    const manufacturedOn = body.productionDate ?? model.serialMasks.map((mask) => (body.serial ? manufactureDateFromSerial(body.serial, mask.tokens) : null)).find(Boolean) ?? null;
    const askOwner = new Set(ownerFields.filter((field) => model.safety || !['address', 'city', 'region'].includes(field)));
    // Brand systems register owners from anywhere they sell; the page's country list does not bind them.
    const countries = body.owner.country ? [body.owner.country.toUpperCase()] : settings.countries;
    const check = checkRegistrationForm(fields, { serialMasks: model.serialMasks, retailers: settings.retailers, countries, safety: model.safety, purchaseDetailsRequired: false, askOwner, manufacturedOn, today: latestToday() });
    if (!check.ok) {
      const t = translatorFor('en');
      const details = Object.entries(check.problems).map(([field, problem]) => ({ path: `body.${apiPaths[field] ?? field}`, message: t(problem.key, problem.values) }));
      throw new ApiError('validation_failed', details.map((detail) => detail.message).join(' '), details);
    }
    const { details } = check;
    const wordings = Object.fromEntries(consentChannels.map((channel) => [channel, { text: consentOf(channel)?.wording ?? '(not asked)', language: body.owner.language }])) as Record<'email' | 'sms', { text: string; language: string }>;
    const outcome = await registerOwnership(scope, {
      modelId: model.id,
      owner: { signedInOwnerId: null, details: { ...details.owner, email: details.owner.email as string, name: details.owner.name as string } },
      language: body.owner.language,
      serial: details.serial,
      lot: body.lot ?? null,
      variant: body.variant ?? null,
      purchaseDate: details.purchaseDate,
      retailer: details.retailer,
      postalCode: details.owner.postalCode ?? null,
      country: details.owner.country ?? null,
      manufacturedOn,
      safetyOnly: model.safety !== null,
      source: actor.type === 'staff' ? 'console' : 'api',
      identifiedBy: body.identifiedBy,
      proofFileId: null,
      // Only consents the caller reports asking are recorded; an unreported channel stays as it was.
      consents: { email: consentOf('email')?.granted ?? false, sms: consentOf('sms')?.granted ?? false },
      consentWordings: wordings,
      consentsAsked: { email: consentOf('email') !== undefined, sms: consentOf('sms') !== undefined },
      evidence: { source: 'api', ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      submissionId: null,
    });
    if (outcome.kind === 'conflict') {
      return { status: 409, body: errorBody('registration_conflict', 'This unit is already registered to another owner. The claim is recorded for the brand to review.', { conflictId: outcome.conflictId }) as never };
    }
    if (outcome.kind === 'registered' && body.sendConfirmation) {
      await queueRegistrationConfirmation(scope, brand, config.publicUrl, { ownershipId: outcome.ownershipId, owner: outcome.owner, productName: model.name, serial: details.serial });
    }
    const { unit } = outcome;
    return {
      status: outcome.kind === 'registered' ? 201 : 200,
      body: {
        outcome: outcome.kind,
        ownershipId: outcome.ownershipId,
        ownerId: outcome.ownerId,
        modelId: model.id,
        serial: unit.serial,
        manufacturedOn: unit.manufacturedOn,
        safetyOnly: unit.safetyOnly,
        entitlement: entitlementView((await ownershipEntitlement(scope, outcome.ownershipId)) as Entitlement),
      },
    };
  }));
};

async function modelByGtin(scope: BrandScope, gtin: string): Promise<string> {
  const check = checkGtin(gtin);
  if (!check.valid) throw new ApiError('validation_failed', `gtin: ${check.reason}`, [{ path: 'body.gtin', message: check.reason }]);
  const modelId = await modelIdByGtin(scope, check.gtin14);
  if (!modelId) throw new ApiError('validation_failed', 'gtin: No model of your brand has this GTIN; add it to a model first.', [{ path: 'body.gtin', message: 'No model of your brand has this GTIN.' }]);
  return modelId;
}

