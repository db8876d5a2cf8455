import { type Transaction, sql } from 'kysely';
import type { Database, Db } from './database.ts';

declare const brandIdBrand: unique symbol;
/** A brand's id, as a type of its own so that a plain string cannot stand in for it by accident. */
export type BrandId = string & { readonly [brandIdBrand]: true };

export function asBrandId(id: string): BrandId {
  return id as BrandId;
}

/**
 * A transaction bound to one brand. Data-access functions for tenant tables take this, never a bare
 * connection, so a query cannot be written without saying which brand it is for; underneath,
 * PostgreSQL's row-level security holds the transaction to that brand's rows.
 */
export interface BrandScope {
  readonly brandId: BrandId;
  readonly db: Transaction<Database>;
}

/** Runs `work` in one transaction that can see and change only `brandId`'s rows. */
export function inBrand<T>(db: Db, brandId: BrandId, work: (scope: BrandScope) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('openox.brand_id', ${brandId}, true), set_config('role', 'openox_app', true)`.execute(trx);
    return work({ brandId, db: trx });
  });
}
