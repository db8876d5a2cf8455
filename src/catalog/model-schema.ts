import { z } from 'zod';
import { checkGtin } from './gtin.ts';
import { describeSerialMask, parseSerialMask } from './serial-mask.ts';

export const lifecycleStages = ['unboxing', 'onboarding', 'enjoying', 'sharing', 'caring'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];
export const resourceKinds = ['manual', 'quick_start', 'video', 'faq', 'troubleshooting'] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const warrantyStarts = ['purchase', 'delivery', 'registration'] as const;
export type WarrantyStart = (typeof warrantyStarts)[number];
export const proofRequirements = ['none', 'receipt', 'receipt_and_serial_photo'] as const;
export type ProofRequired = (typeof proofRequirements)[number];

export const gtinInput = z.string().transform((value, context) => {
  const check = checkGtin(value);
  if (check.valid) return check.gtin14;
  context.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a valid GTIN. ${check.reason}` });
  return z.NEVER;
});

const serialRuleInput = z.strictObject({
  mask: z.string().trim().meta({ description: 'A = letter, # = digit, * = either, Y/M/W = year/month/week of manufacture digits, \\ escapes.', example: 'AA########' }),
  description: z.string().trim().max(300).optional().meta({ description: 'What the owner should look for; generated from the mask when left out.' }),
}).transform((rule, context) => {
  const parsed = parseSerialMask(rule.mask);
  if (!parsed.ok) {
    context.addIssue({ code: 'custom', message: parsed.reason, path: ['mask'] });
    return z.NEVER;
  }
  return { mask: rule.mask, description: rule.description || describeSerialMask(parsed.tokens) };
});

const months = z.number({ error: 'Give a number of months.' }).int('Give whole months.').min(0, 'Months cannot be negative.').max(1200, 'At most 1200 months (100 years).');

export const warrantyTerms = z.strictObject({
  partsMonths: months,
  labourMonths: months,
  startsAt: z.enum(warrantyStarts).meta({
    description: 'Whether coverage runs from the date of purchase, the later of purchase and delivery or installation, or registration. Where the law starts it at a later delivery (California), it does so whatever this says.',
  }),
  proofRequired: z.enum(proofRequirements),
  transferable: z.boolean().default(true).meta({ description: 'Whether a later owner of the unit (a transfer) keeps the warranty.' }),
  noProofGraceMonths: months.default(3).meta({ description: 'Without proof of purchase, coverage starts this many months after the date of manufacture.' }),
});

const maintenanceTaskInput = z.strictObject({
  name: z.string().trim().min(1, 'Name the task, e.g. "Replace the water filter".').max(200),
  intervalDays: z.number({ error: 'Give how often, in days.' }).int('Give whole days.').min(1, 'At least every 1 day.').max(36500, 'At most every 36500 days.'),
  instructions: z.string().max(5000).default(''),
});

/** The body that creates a model; every field of it may be sent alone to change a model. */
export const modelFields = {
  name: z.string().trim().min(1, 'Give the model a name.').max(200),
  sku: z.string().trim().min(1, 'Give the model its SKU (model number).').max(64),
  category: z.string().trim().min(1, 'Choose a category.').max(100),
  description: z.string().max(5000),
  imageFileId: z.uuid().nullable().meta({ description: 'An uploaded image file (POST /api/v1/files?purpose=image).' }),
  gtins: z.array(gtinInput).max(50).refine((list) => new Set(list).size === list.length, 'The same GTIN is listed twice.'),
  serialRules: z.array(serialRuleInput).max(20),
  warranty: warrantyTerms,
  maintenanceSchedule: z.array(maintenanceTaskInput).max(50),
};

export const createModelBody = z.strictObject({
  ...modelFields,
  description: modelFields.description.default(''),
  imageFileId: modelFields.imageFileId.default(null),
  gtins: modelFields.gtins.default([]),
  serialRules: modelFields.serialRules.default([]),
  maintenanceSchedule: modelFields.maintenanceSchedule.default([]),
});
export type CreateModel = z.output<typeof createModelBody>;

export const updateModelBody = z.strictObject(modelFields).partial();
export type UpdateModel = z.output<typeof updateModelBody>;

export const modelView = z.object({
  id: z.uuid(),
  name: z.string(),
  sku: z.string(),
  category: z.string(),
  description: z.string(),
  imageFileId: z.uuid().nullable(),
  imageUrl: z.string().nullable(),
  gtins: z.array(z.string()).meta({ description: 'As GTIN-14: shorter GTINs (EAN-13, UPC-A, EAN-8) come back padded with leading zeros.' }),
  serialRules: z.array(z.object({ mask: z.string(), description: z.string() })),
  warranty: warrantyTerms,
  maintenanceSchedule: z.array(z.object({ name: z.string(), intervalDays: z.number(), instructions: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Model' });
export type ModelView = z.output<typeof modelView>;

const resourceFields = {
  kind: z.enum(resourceKinds),
  title: z.string().trim().min(1, 'Give the resource a title.').max(300),
  stage: z.enum(lifecycleStages).meta({ description: 'The lifecycle stage this resource helps most with.' }),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Use a language code such as en or es-MX.'),
  url: z.url({ protocol: /^https?$/, error: 'Give a full web address starting with https://.' }).nullable(),
  fileId: z.uuid().nullable().meta({ description: 'An uploaded PDF (POST /api/v1/files?purpose=document).' }),
  body: z.string().max(50_000).meta({ description: 'The answer of an FAQ entry or the text of a troubleshooting article.' }),
};

function hasContent(resource: { kind?: ResourceKind; url?: string | null; fileId?: string | null; body?: string }): boolean {
  if (resource.kind === 'video') return Boolean(resource.url);
  return Boolean(resource.url || resource.fileId || resource.body?.trim());
}
const contentMessage = { message: 'A video needs its url; other resources need a url, an uploaded file or a body.', path: ['body'] };

export const createResourceBody = z
  .strictObject({
    ...resourceFields,
    language: resourceFields.language.default('en'),
    url: resourceFields.url.default(null),
    fileId: resourceFields.fileId.default(null),
    body: resourceFields.body.default(''),
  })
  .refine(hasContent, contentMessage);
export type CreateResource = z.output<typeof createResourceBody>;

export const updateResourceBody = z.strictObject(resourceFields).partial();
export type UpdateResource = z.output<typeof updateResourceBody>;

export const resourceView = z.object({
  id: z.uuid(),
  modelId: z.uuid(),
  kind: z.enum(resourceKinds),
  title: z.string(),
  stage: z.enum(lifecycleStages),
  language: z.string(),
  url: z.string().nullable(),
  fileId: z.uuid().nullable(),
  fileUrl: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Resource' });
export type ResourceView = z.output<typeof resourceView>;

export { hasContent as resourceHasContent };
