import { sql } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';

export const registrationSources = ['qr', 'web', 'api', 'import', 'console'] as const;
const identifiedByValues = ['qr', 'barcode', 'photo', 'typed'] as const;
const ownershipStatuses = ['active', 'transferred', 'retired'] as const;

const modelRef = z.object({ id: z.uuid(), name: z.string(), sku: z.string() });

export const registrationListEntry = z.object({
  id: z.uuid(),
  owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  model: modelRef,
  serial: z.string().nullable(),
  purchaseDate: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
  retailer: z.string().nullable(),
  source: z.enum(registrationSources),
  identifiedBy: z.enum(identifiedByValues),
  status: z.enum(ownershipStatuses),
  registeredAt: z.string(),
}).meta({ id: 'RegistrationListEntry' });
export type RegistrationListEntry = z.output<typeof registrationListEntry>;

export const registrationConflictView = z.object({
  id: z.uuid(),
  claimant: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  claimedPurchaseDate: z.string().nullable(),
  claimedRetailer: z.string().nullable(),
  source: z.string(),
  ownership: z.object({
    id: z.uuid(),
    model: modelRef,
    serial: z.string().nullable(),
    holder: z.object({ id: z.uuid(), name: z.string() }),
  }).meta({ description: 'The ownership the claimant tried to register a second time.' }),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
}).meta({ id: 'RegistrationConflict' });
export type RegistrationConflictView = z.output<typeof registrationConflictView>;

export interface RegistrationFilter {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly model?: string | undefined;
  readonly source?: (typeof registrationSources)[number] | undefined;
  readonly retailer?: string | undefined;
  /** Registered on or after this UTC day (YYYY-MM-DD). */
  readonly from?: string | undefined;
  /** Registered on or before this UTC day (YYYY-MM-DD). */
  readonly to?: string | undefined;
}

/**
 * Ownerships, most recently registered first. Pages by (registered_at, id) rather than by id alone:
 * an import may carry registration times from before the row was written.
 */
export async function listRegistrations(scope: BrandScope, filter: RegistrationFilter) {
  const after = registrationCursor(filter.cursor);
  const rows = await scope.db
    .selectFrom('ownerships as o')
    .innerJoin('owners as w', 'w.id', 'o.owner_id')
    .innerJoin('models as m', 'm.id', 'o.model_id')
    .select([
      'o.id', 'o.serial', 'o.purchase_date', 'o.retailer', 'o.source', 'o.identified_by', 'o.status', 'o.registered_at',
      'w.id as owner_id', 'w.name as owner_name', 'w.email as owner_email',
      'm.id as model_id', 'm.name as model_name', 'm.sku as model_sku',
      // Full microsecond precision for the cursor; a JS Date would round it to milliseconds.
      sql<string>`o.registered_at::text`.as('registered_key'),
    ])
    .where('o.brand_id', '=', scope.brandId)
    .$if(filter.model !== undefined, (q) => q.where('o.model_id', '=', filter.model as string))
    .$if(filter.source !== undefined, (q) => q.where('o.source', '=', filter.source as 'qr'))
    .$if(filter.retailer !== undefined, (q) => q.where('o.retailer', '=', filter.retailer as string))
    .$if(filter.from !== undefined, (q) => q.where('o.registered_at', '>=', startOfUtcDay(filter.from as string)))
    .$if(filter.to !== undefined, (q) => q.where('o.registered_at', '<', startOfUtcDay(filter.to as string, 1)))
    .$if(after !== null, (q) => q.where(sql<boolean>`(o.registered_at, o.id) < (${after?.registeredAt}::timestamptz, ${after?.id}::uuid)`))
    .orderBy('o.registered_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(filter.limit + 1)
    .execute();

  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    data: page.map((row): RegistrationListEntry => ({
      id: row.id,
      owner: { id: row.owner_id, name: row.owner_name, email: row.owner_email },
      model: { id: row.model_id, name: row.model_name, sku: row.model_sku },
      serial: row.serial,
      purchaseDate: row.purchase_date,
      retailer: row.retailer,
      source: row.source,
      identifiedBy: row.identified_by,
      status: row.status,
      registeredAt: row.registered_at.toISOString(),
    })),
    nextCursor: rows.length > filter.limit && last ? Buffer.from(JSON.stringify([last.registered_key, last.id])).toString('base64url') : null,
  };
}

function registrationCursor(cursor: string | undefined): { registeredAt: string; id: string } | null {
  if (cursor === undefined) return null;
  try {
    const [registeredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof registeredAt === 'string' && !Number.isNaN(Date.parse(registeredAt)) && z.uuid().safeParse(id).success) {
      return { registeredAt, id: id as string };
    }
  } catch {
    // not JSON: answered below like any other foreign cursor
  }
  throw new ApiError('invalid_cursor');
}

function startOfUtcDay(day: string, plusDays = 0): Date {
  const start = new Date(`${day}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + plusDays);
  return start;
}

/** Registration conflicts, newest first. */
export function listRegistrationConflicts(scope: BrandScope, page: { readonly limit: number; readonly cursor?: string | undefined }) {
  return keysetPage(selectConflicts(scope), page, toConflictView, 'c.id');
}

/** Every conflict an owner is part of, as claimant or as holder of the unit claimed. */
export async function conflictsOfOwner(scope: BrandScope, ownerId: string): Promise<RegistrationConflictView[]> {
  const rows = await selectConflicts(scope)
    .where((eb) => eb.or([eb('c.claimant_owner_id', '=', ownerId), eb('o.owner_id', '=', ownerId)]))
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map(toConflictView);
}

function selectConflicts(scope: BrandScope) {
  return scope.db
    .selectFrom('registration_conflicts as c')
    .innerJoin('owners as claimant', 'claimant.id', 'c.claimant_owner_id')
    .innerJoin('ownerships as o', 'o.id', 'c.existing_ownership_id')
    .innerJoin('models as m', 'm.id', 'o.model_id')
    .innerJoin('owners as holder', 'holder.id', 'o.owner_id')
    .select([
      'c.id', 'c.purchase_date', 'c.retailer', 'c.source', 'c.created_at', 'c.resolved_at',
      'claimant.id as claimant_id', 'claimant.name as claimant_name', 'claimant.email as claimant_email',
      'o.id as ownership_id', 'o.serial',
      'm.id as model_id', 'm.name as model_name', 'm.sku as model_sku',
      'holder.id as holder_id', 'holder.name as holder_name',
    ])
    .where('c.brand_id', '=', scope.brandId);
}

type ConflictRow = Awaited<ReturnType<ReturnType<typeof selectConflicts>['execute']>>[number];

function toConflictView(row: ConflictRow): RegistrationConflictView {
  return {
    id: row.id,
    claimant: { id: row.claimant_id, name: row.claimant_name, email: row.claimant_email },
    claimedPurchaseDate: row.purchase_date,
    claimedRetailer: row.retailer,
    source: row.source,
    ownership: {
      id: row.ownership_id,
      model: { id: row.model_id, name: row.model_name, sku: row.model_sku },
      serial: row.serial,
      holder: { id: row.holder_id, name: row.holder_name },
    },
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
