// Test fixtures for self-service: owners and their ownerships, written straight to the database so
// that each test states exactly the dates it is about.
import type { LifecycleStage } from '../catalog/model-schema.ts';
import type { Db } from '../platform/database/database.ts';
import { type BrandId, inBrand } from '../platform/database/tenancy.ts';
import { addDaysTo, todayUtc } from '../platform/calendar.ts';

/** An owner of the brand, with a postal code and country where the test needs them. */
export async function addOwner(db: Db, brandId: BrandId, details: { email: string; postalCode?: string; country?: string }): Promise<string> {
  return inBrand(db, brandId, async (scope) => {
    const { id } = await scope.db
      .insertInto('owners')
      .values({ brand_id: brandId, email: details.email, name: details.email.split('@')[0] as string, postal_code: details.postalCode ?? null, country: details.country ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

export interface OwnershipFixture {
  readonly purchaseDate?: string | null;
  readonly registeredOn?: string;
  readonly stage?: LifecycleStage;
  readonly status?: 'active' | 'transferred' | 'retired';
}

export async function addOwnership(db: Db, brandId: BrandId, ownerId: string, modelId: string, fixture: OwnershipFixture = {}): Promise<string> {
  return inBrand(db, brandId, async (scope) => {
    const { id } = await scope.db
      .insertInto('ownerships')
      .values({
        brand_id: brandId,
        owner_id: ownerId,
        model_id: modelId,
        purchase_date: fixture.purchaseDate === undefined ? addDaysTo(todayUtc(), -100) : fixture.purchaseDate,
        registered_at: new Date(`${fixture.registeredOn ?? todayUtc()}T12:00:00Z`),
        stage: fixture.stage ?? 'enjoying',
        status: fixture.status ?? 'active',
        source: 'api',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}
