import type { Selectable } from 'kysely';
import type { Actor } from '../access/principal.ts';
import { diff, recordAudit } from '../access/audit.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { type Point, nearestTo } from './centres/nearest.ts';
import { locatePostalCode, postalCountries } from './centres/postal-location.ts';
import type { CreateServiceCentre, ServiceCentreView, UpdateServiceCentre } from './service-centre-schema.ts';
import type { CareTables } from './tables.ts';

type CentreRow = Selectable<CareTables['service_centres']>;

function toView(row: CentreRow): ServiceCentreView {
  return {
    id: row.id,
    name: row.name,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    country: row.country,
    phone: row.phone,
    email: row.email,
    url: row.url,
    services: row.services,
    latitude: row.latitude,
    longitude: row.longitude,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface CentreFilter {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly active?: boolean | undefined;
}

export async function listServiceCentres(scope: BrandScope, filter: CentreFilter) {
  let query = scope.db.selectFrom('service_centres').selectAll().where('brand_id', '=', scope.brandId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return keysetPage(query, filter, toView);
}

async function findCentre(scope: BrandScope, id: string): Promise<CentreRow> {
  const row = await scope.db.selectFrom('service_centres').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no service centre with this id in your brand.');
  return row;
}

export async function getServiceCentre(scope: BrandScope, id: string): Promise<ServiceCentreView> {
  return toView(await findCentre(scope, id));
}

/** Given coordinates, or the postal code's: a centre must be on the map for owners to find it. */
function coordinatesOf(postalCode: string, country: string, given: { latitude: number | null; longitude: number | null }): Point {
  if (given.latitude !== null && given.longitude !== null) return { latitude: given.latitude, longitude: given.longitude };
  const located = locatePostalCode(postalCode, country);
  if (located.found) return located.point;
  const why = located.reason === 'country_not_covered'
    ? `postal codes are placed only in ${postalCountries.join(' and ')}`
    : `the postal code ${postalCode} is not one OpenOX knows in ${country}`;
  throw invalidField('latitude', `Give latitude and longitude: ${why}.`);
}

function columnsOf(input: CreateServiceCentre, point: Point) {
  return {
    name: input.name,
    address_line1: input.addressLine1,
    address_line2: input.addressLine2,
    city: input.city,
    region: input.region,
    postal_code: input.postalCode,
    country: input.country,
    phone: input.phone,
    email: input.email,
    url: input.url,
    services: input.services,
    latitude: point.latitude,
    longitude: point.longitude,
    active: input.active,
  };
}

export async function createServiceCentre(scope: BrandScope, actor: Actor, input: CreateServiceCentre): Promise<ServiceCentreView> {
  const point = coordinatesOf(input.postalCode, input.country, input);
  const row = await scope.db
    .insertInto('service_centres')
    .values({ brand_id: scope.brandId, ...columnsOf(input, point) })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = toView(row);
  await recordAudit(scope, actor, { action: 'service_centre.created', subjectType: 'service_centre', subjectId: row.id, changes: view });
  return view;
}

export async function updateServiceCentre(scope: BrandScope, actor: Actor, id: string, input: UpdateServiceCentre): Promise<ServiceCentreView> {
  const before = toView(await findCentre(scope, id));
  const merged = { ...before, ...input };
  // A moved centre without new coordinates is placed again from its new postal code.
  const moved = (input.postalCode !== undefined && input.postalCode !== before.postalCode) || (input.country !== undefined && input.country !== before.country);
  const given = input.latitude !== undefined ? { latitude: input.latitude, longitude: input.longitude ?? null } : moved ? { latitude: null, longitude: null } : before;
  const point = coordinatesOf(merged.postalCode, merged.country, given);
  const row = await scope.db
    .updateTable('service_centres')
    .set({ ...columnsOf(merged, point), updated_at: new Date() })
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toView(row);
  const { updatedAt: _b, ...beforeFields } = before;
  const { updatedAt: _a, ...afterFields } = after;
  const changes = diff(beforeFields, afterFields);
  if (Object.keys(changes).length > 0) await recordAudit(scope, actor, { action: 'service_centre.updated', subjectType: 'service_centre', subjectId: id, changes });
  return after;
}

export async function deleteServiceCentre(scope: BrandScope, actor: Actor, id: string): Promise<void> {
  const before = toView(await findCentre(scope, id));
  await scope.db.deleteFrom('service_centres').where('brand_id', '=', scope.brandId).where('id', '=', id).execute();
  await recordAudit(scope, actor, { action: 'service_centre.deleted', subjectType: 'service_centre', subjectId: id, changes: before });
}

/** The brand's active centres nearest to a point, nearest first, each with its distance in kilometres. */
export async function nearestServiceCentres(scope: BrandScope, from: Point, limit = 10): Promise<{ centre: ServiceCentreView; km: number }[]> {
  const rows = await scope.db.selectFrom('service_centres').selectAll().where('brand_id', '=', scope.brandId).where('active', '=', true).execute();
  return nearestTo(from, rows, limit).map(({ place, km }) => ({ centre: toView(place), km }));
}

/** The countries the brand has active centres in, for the owner's country choice. */
export async function serviceCountries(scope: BrandScope): Promise<string[]> {
  const rows = await scope.db.selectFrom('service_centres').select('country').distinct().where('brand_id', '=', scope.brandId).where('active', '=', true).execute();
  return rows.map((row) => row.country).sort();
}
