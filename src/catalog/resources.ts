import type { Selectable } from 'kysely';
import type { Actor } from '../access/principal.ts';
import { diff, recordAudit } from '../access/audit.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { fileUrl } from '../platform/files/files.ts';
import { getModel } from './models.ts';
import { type CreateResource, type ResourceView, type UpdateResource, resourceHasContent } from './model-schema.ts';
import type { CatalogTables } from './tables.ts';

type ResourceRow = Selectable<CatalogTables['resources']>;

function toView(row: ResourceRow): ResourceView {
  return {
    id: row.id,
    modelId: row.model_id,
    kind: row.kind,
    title: row.title,
    stage: row.stage,
    language: row.language,
    url: row.url,
    fileId: row.file_id,
    fileUrl: row.file_id ? fileUrl(row.file_id) : null,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A model's resources, in lifecycle order (what an owner needs first comes first). */
export async function listResources(scope: BrandScope, modelId: string): Promise<ResourceView[]> {
  await getModel(scope, modelId);
  return resourcesOf(scope, modelId);
}

/** A model's resources in lifecycle order, for a model already known to be the brand's. */
export async function resourcesOf(scope: BrandScope, modelId: string): Promise<ResourceView[]> {
  const rows = await scope.db
    .selectFrom('resources')
    .selectAll()
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', modelId)
    .orderBy((eb) => eb.fn('array_position', [eb.val(['unboxing', 'onboarding', 'enjoying', 'sharing', 'caring']), eb.ref('stage')]))
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

async function findResource(scope: BrandScope, id: string): Promise<ResourceRow> {
  const row = await scope.db.selectFrom('resources').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no resource with this id in your brand.');
  return row;
}

async function assertDocument(scope: BrandScope, fileId: string | null | undefined): Promise<void> {
  if (!fileId) return;
  const file = await scope.db.selectFrom('files').select('purpose').where('brand_id', '=', scope.brandId).where('id', '=', fileId).executeTakeFirst();
  if (file?.purpose !== 'document') {
    throw invalidField('fileId', 'Must be a PDF uploaded with POST /api/v1/files?purpose=document.');
  }
}

export async function createResource(scope: BrandScope, actor: Actor, modelId: string, input: CreateResource): Promise<ResourceView> {
  await getModel(scope, modelId);
  await assertDocument(scope, input.fileId);
  const row = await scope.db
    .insertInto('resources')
    .values({ brand_id: scope.brandId, model_id: modelId, kind: input.kind, title: input.title, stage: input.stage, language: input.language, url: input.url, file_id: input.fileId, body: input.body })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = toView(row);
  await recordAudit(scope, actor, { action: 'resource.created', subjectType: 'resource', subjectId: row.id, changes: view });
  await publishEvent(scope, { type: 'resource.created', subjectType: 'resource', subjectId: row.id, payload: { modelId, kind: view.kind, stage: view.stage } });
  return view;
}

export async function updateResource(scope: BrandScope, actor: Actor, id: string, input: UpdateResource): Promise<ResourceView> {
  const before = toView(await findResource(scope, id));
  const merged = { ...before, ...input };
  if (!resourceHasContent(merged)) throw invalidField('body', 'A video needs its url; other resources need a url, an uploaded file or a body.');
  await assertDocument(scope, input.fileId);
  const row = await scope.db
    .updateTable('resources')
    .set({ kind: input.kind, title: input.title, stage: input.stage, language: input.language, url: input.url, file_id: input.fileId, body: input.body, updated_at: new Date() })
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toView(row);
  const { updatedAt: _b, ...beforeFields } = before;
  const { updatedAt: _a, ...afterFields } = after;
  await recordAudit(scope, actor, { action: 'resource.updated', subjectType: 'resource', subjectId: id, changes: diff(beforeFields, afterFields) });
  return after;
}

export async function deleteResource(scope: BrandScope, actor: Actor, id: string): Promise<void> {
  const before = toView(await findResource(scope, id));
  await scope.db.deleteFrom('resources').where('brand_id', '=', scope.brandId).where('id', '=', id).execute();
  await recordAudit(scope, actor, { action: 'resource.deleted', subjectType: 'resource', subjectId: id, changes: before });
}
