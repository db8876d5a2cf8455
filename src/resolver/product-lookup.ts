import { sql } from 'kysely';
import type { Db } from '../platform/database/database.ts';
import { type BrandId, asBrandId } from '../platform/database/tenancy.ts';

/** Whose product a GTIN names. */
export interface ProductOwner {
  readonly brandId: BrandId;
  readonly modelId: string;
}

/**
 * The brand and model a GTIN-14 names, across all brands, or null. Before this answer no brand is
 * known, so row-level security would hide every GTIN: the database function `product_by_gtin` (see
 * migrations/0014_resolver.sql) answers this one question and nothing more.
 */
export async function productByGtin(db: Db, gtin14: string): Promise<ProductOwner | null> {
  const { rows } = await sql<{ brand_id: string; model_id: string }>`select brand_id, model_id from product_by_gtin(${gtin14})`.execute(db);
  const row = rows[0];
  return row ? { brandId: asBrandId(row.brand_id), modelId: row.model_id } : null;
}
