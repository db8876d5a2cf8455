import type { LifecycleStage, ResourceKind } from '../../catalog/model-schema.ts';
import { type BrandSite, sitePath } from '../../owner-site/brand-site.ts';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import type { ResourceHit } from '../search/resource-index.ts';
import { searchResources } from '../search/resource-search.ts';
import { primaryLanguage } from '../search/text-analysis.ts';

/** A resource as an owner page shows it: text inline, files and videos as links. */
export interface HelpResource {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly title: string;
  readonly stage: LifecycleStage;
  readonly body: string;
  readonly href: string;
  readonly language: string;
}

export interface HelpSearch {
  readonly query: string;
  readonly hits: readonly (ResourceHit & { readonly resource: HelpResource })[];
}

export interface ModelHelp {
  readonly model: { readonly id: string; readonly name: string; readonly imageUrl: string | null };
  /** The language the resources below are in. */
  readonly language: string;
  readonly resources: readonly HelpResource[];
  readonly search: HelpSearch | null;
}

/**
 * The language to show help in: the page's when the model has resources in it, else English, else
 * whichever the model has, so an owner always sees what there is.
 */
export function helpLanguage(available: readonly string[], pageLanguage: string): string {
  const wanted = primaryLanguage(pageLanguage);
  if (available.includes(wanted) || available.length === 0) return wanted;
  return available.includes('en') ? 'en' : (available[0] as string);
}

/** A model's help in the page's language, searched when there is a query; null when the brand has no such model. */
export async function modelHelp(scope: BrandScope, brand: BrandSite, modelId: string, pageLanguage: string, query: string): Promise<ModelHelp | null> {
  const model = await scope.db.selectFrom('models').select(['id', 'name', 'image_file_id']).where('brand_id', '=', scope.brandId).where('id', '=', modelId).executeTakeFirst();
  if (!model) return null;
  const rows = await scope.db
    .selectFrom('resources')
    .select(['id', 'kind', 'title', 'stage', 'body', 'url', 'file_id', 'language'])
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', modelId)
    .orderBy('id')
    .execute();
  const language = helpLanguage([...new Set(rows.map((row) => primaryLanguage(row.language)))], pageLanguage);
  const resources = rows
    .filter((row) => primaryLanguage(row.language) === language)
    .map((row): HelpResource => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      stage: row.stage,
      body: row.body,
      language: row.language,
      // A link is followed where it leads; a file or a text is served by OpenOX.
      href: row.url && !row.file_id ? row.url : sitePath(brand, `/resources/${row.id}`),
    }));
  let search: HelpSearch | null = null;
  if (query) {
    const byId = new Map(resources.map((resource) => [resource.id, resource]));
    const hits = await searchResources(scope, modelId, query, language);
    search = { query, hits: hits.flatMap((hit) => (byId.has(hit.id) ? [{ ...hit, resource: byId.get(hit.id) as HelpResource }] : [])) };
  }
  return {
    model: { id: model.id, name: model.name, imageUrl: model.image_file_id ? sitePath(brand, `/models/${model.id}/image`) : null },
    language,
    resources,
    search,
  };
}
