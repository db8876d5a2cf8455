import type { BrandScope } from '../platform/database/tenancy.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from './definition.ts';

// Published versions never change, so a worker keeps the ones it has read.
const cache = new Map<string, JourneyDefinition>();
const cacheLimit = 500;

/** The definition of a published journey version. */
export async function versionDefinition(scope: BrandScope, versionId: string): Promise<JourneyDefinition> {
  const known = cache.get(versionId);
  if (known) return known;
  const row = await scope.db.selectFrom('journey_versions').select('definition').where('id', '=', versionId).executeTakeFirstOrThrow();
  const definition = journeyDefinitionSchema.parse(row.definition);
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  cache.set(versionId, definition);
  return definition;
}
