import { sql } from 'kysely';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { type ResourceHit, type ResourceIndex, buildResourceIndex } from './resource-index.ts';

interface CachedIndex {
  readonly fingerprint: string;
  readonly index: ResourceIndex;
}

// Indexes kept per brand and model, most recently used last; the oldest go past this many.
const capacity = 500;
const cache = new Map<string, CachedIndex>();

/**
 * What a model's resources are right now, in one short string: any resource added, changed or
 * removed, by this process or another one, gives a different fingerprint.
 */
async function fingerprintOf(scope: BrandScope, modelId: string): Promise<string> {
  const { fingerprint } = await scope.db
    .selectFrom('resources')
    .select(sql<string>`coalesce(md5(string_agg(id::text || '@' || updated_at::text, ',' order by id)), 'none')`.as('fingerprint'))
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', modelId)
    .executeTakeFirstOrThrow();
  return fingerprint;
}

/**
 * The search index of a model's resources: built from the database on first use, then kept in memory
 * and rebuilt only when the resources' fingerprint changes.
 */
export async function resourceIndexOf(scope: BrandScope, modelId: string): Promise<ResourceIndex> {
  const key = `${scope.brandId}:${modelId}`;
  const fingerprint = await fingerprintOf(scope, modelId);
  const cached = cache.get(key);
  cache.delete(key);
  if (cached && cached.fingerprint === fingerprint) {
    cache.set(key, cached);
    return cached.index;
  }
  const rows = await scope.db
    .selectFrom('resources')
    .select(['id', 'kind', 'title', 'body', 'language'])
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', modelId)
    .execute();
  const index = buildResourceIndex(rows);
  cache.set(key, { fingerprint, index });
  for (const oldest of cache.keys()) {
    if (cache.size <= capacity) break;
    cache.delete(oldest);
  }
  return index;
}

/** Searches a model's resources written in `language` (its primary subtag); best first. */
export async function searchResources(scope: BrandScope, modelId: string, query: string, language: string, limit = 20): Promise<ResourceHit[]> {
  const index = await resourceIndexOf(scope, modelId);
  return index.search(query, language, limit);
}
