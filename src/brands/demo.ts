import { v7 as uuidv7 } from 'uuid';
import { createApiKey } from '../access/api-keys.ts';
import { systemActor } from '../access/principal.ts';
import { hashPassword } from '../access/secrets.ts';
import { roles } from '../access/permissions.ts';
import { createModel } from '../catalog/models.ts';
import { createResource } from '../catalog/resources.ts';
import { createModelBody, createResourceBody } from '../catalog/model-schema.ts';
import type { Db } from '../platform/database/database.ts';
import { asBrandId, inBrand } from '../platform/database/tenancy.ts';
import { adoptPlaybookJourney, playbook } from '../journeys/playbook.ts';
import { storeFile } from '../platform/files/files.ts';
import { createServiceCentre } from '../care/service-centres.ts';
import { createServiceCentreBody } from '../care/service-centre-schema.ts';
import { registerOwnership } from '../registration/register.ts';
import { minimalPdf } from './minimal-pdf.ts';

export const demoSlug = 'demo';
export const demoStaffEmail = (role: string) => `${role}@demo.openox.test`;

export interface DemoBrand {
  readonly created: boolean;
  readonly brandId: string;
  /** Only when the brand was just made: the key is stored hashed and cannot be shown again. */
  readonly apiKey: string | null;
}

/**
 * Makes the demo brand "Acme Home" (staff for every role, an API key, three models with their
 * terms, schedules and resources) unless it exists; `reset` deletes it and makes it anew.
 */
export async function ensureDemoBrand(db: Db, options: { password: string; apiKey?: string | undefined; reset?: boolean }): Promise<DemoBrand> {
  const existing = await db.selectFrom('brands').select('id').where('slug', '=', demoSlug).executeTakeFirst();
  if (existing && !options.reset) return { created: false, brandId: existing.id, apiKey: null };
  if (existing) await db.deleteFrom('brands').where('id', '=', existing.id).execute();

  const brandId = asBrandId(uuidv7());
  const passwordHash = await hashPassword(options.password);
  const apiKey = await inBrand(db, brandId, async (scope): Promise<string | null> => {
    await scope.db.insertInto('brands').values({ id: brandId, slug: demoSlug, name: 'Acme Home', is_demo: true, primary_color: '#0b7285', accent_color: '#e8590c' }).execute();
    await scope.db
      .insertInto('staff_users')
      .values(roles.map((role) => ({ brand_id: brandId, email: demoStaffEmail(role), name: `Demo ${role}`, role, password_hash: passwordHash })))
      .execute();
    const { key } = await createApiKey(scope, systemActor, { name: 'Demo integration', role: 'admin' }, options.apiKey);

    const manual = await storeFile(scope, systemActor, {
      purpose: 'document',
      originalName: 'dw500-owners-manual.pdf',
      declaredType: 'application/pdf',
      content: minimalPdf(["AquaPure 500 Owner's Manual", 'Load, choose a programme, press Start.', 'Clean the filter every month.']),
    });
    const modelIds: string[] = [];
    for (const demoModel of demoModels) {
      const model = await createModel(scope, systemActor, createModelBody.parse(demoModel.model));
      modelIds.push(model.id);
      for (const resource of demoModel.resources) {
        const fileId = resource.kind === 'manual' ? manual.id : null;
        await createResource(scope, systemActor, model.id, createResourceBody.parse({ ...resource, fileId }));
      }
    }
    for (const centre of demoServiceCentres) await createServiceCentre(scope, systemActor, createServiceCentreBody.parse(centre));
    // One owner who has had the dishwasher for a while, for agents to find (by dana@example.com or AB00000042).
    await registerOwnership(scope, {
      modelId: modelIds[0] as string,
      owner: { signedInOwnerId: null, details: { email: 'dana@example.com', name: 'Dana Demo', phone: '+12125550142', postalCode: '10001', country: 'US' } },
      language: 'en',
      serial: 'AB00000042',
      lot: null,
      variant: null,
      purchaseDate: new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10),
      retailer: 'Best Buy',
      postalCode: '10001',
      country: 'US',
      manufacturedOn: null,
      safetyOnly: false,
      source: 'console',
      identifiedBy: 'typed',
      proofFileId: null,
      consents: { email: true, sms: false },
      consentWordings: { email: { text: 'Yes, email me tips and offers.', language: 'en' }, sms: { text: 'Yes, text me tips and offers.', language: 'en' } },
      evidence: { source: 'console', ip: null, userAgent: null },
      submissionId: null,
    });
    await scope.db
      .insertInto('registration_settings')
      .values({
        brand_id: brandId,
        retailers: ['Home Depot', "Lowe's", 'Best Buy', 'Costco', 'Amazon'],
        countries: ['US', 'CA', 'MX'],
        support_email: 'support@acme-home.example',
        support_phone: '+1 800 555 0199',
        support_url: 'https://acme-home.example/support',
        accessories_url: 'https://acme-home.example/shop',
        review_url: 'https://acme-home.example/reviews',
      })
      .execute();
    // The playbook's journeys and templates, switched off: the console shows them to switch on and edit.
    for (const entry of playbook) await adoptPlaybookJourney(scope, systemActor, entry.key);
    return key;
  }).catch((error: { code?: string; constraint?: string }) => {
    // Two processes starting together on a fresh database both make the demo brand: one wins.
    if (error.code === '23505' && error.constraint === 'brands_slug_key') return null;
    throw error;
  });
  if (apiKey === null) {
    const made = await db.selectFrom('brands').select('id').where('slug', '=', demoSlug).executeTakeFirstOrThrow();
    return { created: false, brandId: made.id, apiKey: null };
  }
  return { created: true, brandId, apiKey };
}

const demoModels = [
  {
    model: {
      name: 'AquaPure 500 Dishwasher',
      sku: 'DW-500',
      category: 'dishwashers',
      description: 'A quiet 14-place-setting dishwasher with a self-cleaning filter.',
      gtins: ['09506000134352', '0860001234503'],
      serialRules: [{ mask: 'AA########' }],
      warranty: { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'receipt' },
      maintenanceSchedule: [
        { name: 'Clean the filter', intervalDays: 30, instructions: 'Twist the filter out of the base, rinse it under the tap, put it back.' },
        { name: 'Descale', intervalDays: 180, instructions: 'Run an empty hot programme with descaler.' },
      ],
    },
    resources: [
      { kind: 'manual', title: "Owner's manual", stage: 'unboxing' },
      { kind: 'quick_start', title: 'Your first wash', stage: 'onboarding', body: 'Add salt and rinse aid, load the racks, choose Eco and press Start.' },
      { kind: 'video', title: 'Cleaning the filter', stage: 'caring', url: 'https://example.com/videos/dw500-filter' },
      { kind: 'faq', title: 'Why are my glasses cloudy?', stage: 'enjoying', body: 'Top up the rinse aid and use the salt setting for your water hardness.' },
      { kind: 'troubleshooting', title: 'Error E21: water does not drain', stage: 'caring', body: 'Clean the filter and check the drain hose for kinks, then run Drain.' },
    ],
  },
  {
    model: {
      name: 'BrewMaster 200 Coffee Maker',
      sku: 'CM-200',
      category: 'small appliances',
      gtins: ['0860001234510'],
      serialRules: [{ mask: 'SN-YYWW####', description: 'Starts with SN-, on the sticker under the water tank' }],
      warranty: { partsMonths: 12, labourMonths: 12, startsAt: 'registration', proofRequired: 'none' },
      maintenanceSchedule: [{ name: 'Replace the water filter', intervalDays: 60 }],
    },
    resources: [
      { kind: 'quick_start', title: 'First brew', stage: 'onboarding', body: 'Rinse the carafe, fill the tank, run one cycle with water only.' },
      { kind: 'faq', title: 'How strong should I brew?', stage: 'enjoying', body: 'Start with one scoop per cup and adjust.' },
    ],
  },
  {
    model: {
      name: 'CozyNest Crib',
      sku: 'CR-100',
      category: 'infant durable products',
      gtins: ['0860001234527'],
      serialRules: [{ mask: 'CN#######' }],
      warranty: { partsMonths: 36, labourMonths: 0, startsAt: 'purchase', proofRequired: 'receipt' },
      maintenanceSchedule: [{ name: 'Check and tighten all bolts', intervalDays: 90 }],
    },
    resources: [{ kind: 'quick_start', title: 'Safe assembly', stage: 'unboxing', body: 'Assemble on a soft surface; check every bolt is tight before use.' }],
  },
] as const;

const demoServiceCentres = [
  { name: 'Acme Service Manhattan', addressLine1: '350 5th Ave', city: 'New York', region: 'NY', postalCode: '10118', country: 'US', phone: '+1 212 555 0100', services: ['repair', 'parts', 'warranty_service'] },
  { name: 'Acme Service Bay Area', addressLine1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', phone: '+1 415 555 0100', services: ['repair', 'in_home_service', 'installation'] },
  { name: 'Acme Service Toronto', addressLine1: '100 Queen St W', city: 'Toronto', region: 'ON', postalCode: 'M5H 2N2', country: 'CA', phone: '+1 416 555 0100', services: ['repair', 'parts'] },
];
