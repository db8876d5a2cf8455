import { z } from 'zod';
import { lifecycleStages } from '../catalog/model-schema.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { fileUrl } from '../platform/files/files.ts';
import { ApiError } from '../platform/http/errors.ts';
import { ownerDetails } from './owner-session.ts';
import { consentSources } from './tables.ts';
import { conflictsOfOwner, registrationConflictView, registrationSources } from '../registration/registration-list.ts';

const consentChannels = ['email', 'sms'] as const;

export const ownerSummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  safetyOnly: z.boolean(),
  productCount: z.number().int().meta({ description: 'Ownerships still active (not transferred or retired).' }),
  createdAt: z.string(),
}).meta({ id: 'OwnerSummary' });
export type OwnerSummary = z.output<typeof ownerSummaryView>;

export const ownerProductView = z.object({
  id: z.uuid(),
  model: z.object({ id: z.uuid(), name: z.string(), sku: z.string() }),
  serial: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  retailer: z.string().nullable(),
  status: z.enum(['active', 'transferred', 'retired']),
  stage: z.enum(lifecycleStages),
  source: z.enum(registrationSources),
  identifiedBy: z.enum(['qr', 'barcode', 'photo', 'typed']),
  proofStatus: z.enum(['none', 'submitted', 'verified', 'rejected']),
  proofFileUrl: z.string().nullable(),
  registeredAt: z.string(),
  endedAt: z.string().nullable().meta({ description: 'When it was transferred or retired; null while active.' }),
  safetyOnly: z.boolean(),
  manufacturedOn: z.string().nullable(),
}).meta({ id: 'OwnerProduct' });

const consentStateView = z.object({
  channel: z.enum(consentChannels),
  granted: z.boolean(),
  wordingVersion: z.string(),
  source: z.enum(consentSources),
  recordedAt: z.string(),
}).meta({ id: 'ConsentState' });

const consentRecordView = z.object({
  id: z.uuid(),
  channel: z.enum(consentChannels),
  granted: z.boolean(),
  wording: z.string(),
  wordingVersion: z.string(),
  language: z.string(),
  source: z.enum(consentSources),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  recordedAt: z.string(),
}).meta({ id: 'ConsentRecord' });

export const ownerDetailView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  language: z.string(),
  safetyOnly: z.boolean().meta({ description: 'Contact data given under a safety registration rule: for safety notices only.' }),
  createdAt: z.string(),
  ownerships: z.array(ownerProductView).meta({ description: 'Most recently registered first.' }),
  consents: z.array(consentStateView).meta({ description: 'The current state per channel; a channel never asked is absent.' }),
  consentHistory: z.array(consentRecordView).meta({ description: 'Every consent given or withdrawn, newest first.' }),
  conflicts: z.array(registrationConflictView).meta({ description: 'Registration conflicts where this owner is the claimant or the holder.' }),
}).meta({ id: 'OwnerDetail' });
export type OwnerDetail = z.output<typeof ownerDetailView>;

export async function getOwnerDetail(scope: BrandScope, id: string): Promise<OwnerDetail> {
  const owner = await scope.db.selectFrom('owners').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', id).executeTakeFirst();
  if (!owner) throw new ApiError('not_found', 'There is no owner with this id in your brand.');
  const [ownerships, consents, consentHistory, conflicts] = await Promise.all([
    ownershipsOf(scope, id),
    scope.db.selectFrom('owner_consents').selectAll().where('brand_id', '=', scope.brandId).where('owner_id', '=', id).orderBy('channel').execute(),
    scope.db.selectFrom('consent_records').selectAll().where('brand_id', '=', scope.brandId).where('owner_id', '=', id).orderBy('recorded_at', 'desc').orderBy('id', 'desc').execute(),
    conflictsOfOwner(scope, id),
  ]);
  return {
    ...ownerDetails(owner),
    createdAt: owner.created_at.toISOString(),
    ownerships,
    consents: consents.map((consent) => ({
      channel: consent.channel,
      granted: consent.granted,
      wordingVersion: consent.wording_version,
      source: consent.source,
      recordedAt: consent.recorded_at.toISOString(),
    })),
    consentHistory: consentHistory.map((record) => ({
      id: record.id,
      channel: record.channel,
      granted: record.granted,
      wording: record.wording,
      wordingVersion: record.wording_version,
      language: record.language,
      source: record.source,
      ip: record.ip,
      userAgent: record.user_agent,
      recordedAt: record.recorded_at.toISOString(),
    })),
    conflicts,
  };
}

async function ownershipsOf(scope: BrandScope, ownerId: string) {
  const rows = await scope.db
    .selectFrom('ownerships as o')
    .innerJoin('models as m', 'm.id', 'o.model_id')
    .selectAll('o')
    .select(['m.name as model_name', 'm.sku as model_sku'])
    .where('o.brand_id', '=', scope.brandId)
    .where('o.owner_id', '=', ownerId)
    .orderBy('o.registered_at', 'desc')
    .orderBy('o.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    model: { id: row.model_id, name: row.model_name, sku: row.model_sku },
    serial: row.serial,
    purchaseDate: row.purchase_date,
    retailer: row.retailer,
    status: row.status,
    stage: row.stage,
    source: row.source,
    identifiedBy: row.identified_by,
    proofStatus: row.proof_status,
    proofFileUrl: row.proof_file_id ? fileUrl(row.proof_file_id) : null,
    registeredAt: row.registered_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    safetyOnly: row.safety_only,
    manufacturedOn: row.manufactured_on,
  }));
}
