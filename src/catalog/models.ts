import { type Selectable, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { type Actor } from '../access/principal.ts';
import { diff, recordAudit } from '../access/audit.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { fileUrl } from '../platform/files/files.ts';
import type { CreateModel, ModelView, UpdateModel } from './model-schema.ts';
import type { CatalogTables } from './tables.ts';

type ModelRow = Selectable<CatalogTables['models']>;

export interface ModelFilter {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly category?: string | undefined;
  readonly gtin?: string | undefined;
  readonly q?: string | undefined;
}

export async function listModels(scope: BrandScope, filter: ModelFilter) {
  let query = selectModels(scope);
  if (filter.category) query = query.where('models.category', '=', filter.category);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('models.name', 'ilike', pattern), eb('models.sku', 'ilike', pattern)]));
  }
  if (filter.gtin) {
    query = query.where('models.id', 'in', (eb) =>
      eb.selectFrom('model_gtins').select('model_id').where('brand_id', '=', scope.brandId).where('gtin', '=', filter.gtin as string),
    );
  }
  return keysetPage(query, filter, toView, 'models.id');
}

export async function getModel(scope: BrandScope, id: string): Promise<ModelView> {
  const row = await selectModels(scope).where('models.id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no model with this id in your brand.');
  return toView(row);
}

export async function createModel(scope: BrandScope, actor: Actor, input: CreateModel): Promise<ModelView> {
  await assertUsable(scope, input.sku, input.gtins, input.imageFileId, null);
  const { id } = await scope.db
    .insertInto('models')
    .values({ brand_id: scope.brandId, ...columnsOf(input) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceChildren(scope, id, input, true);
  const model = await getModel(scope, id);
  await recordAudit(scope, actor, { action: 'model.created', subjectType: 'model', subjectId: id, changes: model });
  await publishEvent(scope, { type: 'model.created', subjectType: 'model', subjectId: id, payload: { model } });
  return model;
}

export async function updateModel(scope: BrandScope, actor: Actor, id: string, input: UpdateModel): Promise<ModelView> {
  const before = await getModel(scope, id);
  await assertUsable(scope, input.sku, input.gtins, input.imageFileId, id);
  const columns = columnsOf({ ...before, ...input });
  await scope.db.updateTable('models').set({ ...columns, updated_at: new Date() }).where('brand_id', '=', scope.brandId).where('id', '=', id).execute();
  await replaceChildren(scope, id, input);
  const after = await getModel(scope, id);
  const changes = diff(withoutTimes(before), withoutTimes(after));
  if (Object.keys(changes).length > 0) {
    await recordAudit(scope, actor, { action: 'model.updated', subjectType: 'model', subjectId: id, changes });
    await publishEvent(scope, { type: 'model.updated', subjectType: 'model', subjectId: id, payload: { model: after, changed: Object.keys(changes) } });
  }
  return after;
}

export async function deleteModel(scope: BrandScope, actor: Actor, id: string): Promise<void> {
  const before = await getModel(scope, id);
  await scope.db.deleteFrom('models').where('brand_id', '=', scope.brandId).where('id', '=', id).execute();
  await recordAudit(scope, actor, { action: 'model.deleted', subjectType: 'model', subjectId: id, changes: before });
  await publishEvent(scope, { type: 'model.deleted', subjectType: 'model', subjectId: id, payload: { sku: before.sku } });
}

/** Checks that need the database, answered before writing so the caller gets a clear 409 or 400. */
async function assertUsable(scope: BrandScope, sku: string | undefined, gtins: readonly string[] | undefined, imageFileId: string | null | undefined, self: string | null) {
  if (sku !== undefined) {
    const clash = await scope.db.selectFrom('models').select('id').where('brand_id', '=', scope.brandId).where('sku', '=', sku).executeTakeFirst();
    if (clash && clash.id !== self) throw new ApiError('conflict', `Another model already has the SKU ${sku}.`, { field: 'sku', modelId: clash.id });
  }
  if (gtins !== undefined && gtins.length > 0) {
    // GTINs are unique worldwide; another brand's are hidden by row-level security, so a database
    // function that may see them answers only which of these are taken.
    const { taken } = await scope.db
      .selectNoFrom(sql<string[] | null>`gtins_taken(${gtins}::text[], ${self}::uuid)`.as('taken'))
      .executeTakeFirstOrThrow();
    const clash = taken?.[0];
    if (clash) throw new ApiError('conflict', `The GTIN ${clash} already belongs to another model.`, { field: 'gtins', gtin: clash });
  }
  if (imageFileId) {
    const file = await scope.db.selectFrom('files').select('purpose').where('brand_id', '=', scope.brandId).where('id', '=', imageFileId).executeTakeFirst();
    if (!file || file.purpose !== 'image') {
      throw invalidField('imageFileId', 'Must be an image uploaded with POST /api/v1/files?purpose=image.');
    }
  }
}

function columnsOf(input: CreateModel) {
  return {
    name: input.name,
    sku: input.sku,
    category: input.category,
    description: input.description,
    image_file_id: input.imageFileId,
    warranty_parts_months: input.warranty.partsMonths,
    warranty_labour_months: input.warranty.labourMonths,
    warranty_starts_at: input.warranty.startsAt,
    proof_required: input.warranty.proofRequired,
    warranty_transferable: input.warranty.transferable,
    no_proof_grace_months: input.warranty.noProofGraceMonths,
  };
}

function withoutTimes({ createdAt: _c, updatedAt: _u, ...rest }: ModelView) {
  return rest;
}

async function replaceChildren(scope: BrandScope, modelId: string, input: UpdateModel, isNew = false): Promise<void> {
  const owned = { brand_id: scope.brandId, model_id: modelId };
  if (input.gtins) {
    if (!isNew) await scope.db.deleteFrom('model_gtins').where('brand_id', '=', scope.brandId).where('model_id', '=', modelId).execute();
    if (input.gtins.length) await scope.db.insertInto('model_gtins').values(input.gtins.map((gtin) => ({ ...owned, gtin }))).execute();
  }
  if (input.serialRules) {
    if (!isNew) await scope.db.deleteFrom('serial_rules').where('brand_id', '=', scope.brandId).where('model_id', '=', modelId).execute();
    if (input.serialRules.length) {
      await scope.db.insertInto('serial_rules').values(input.serialRules.map((rule, position) => ({ ...owned, position, ...rule }))).execute();
    }
  }
  if (input.maintenanceSchedule) {
    if (!isNew) await scope.db.deleteFrom('maintenance_tasks').where('brand_id', '=', scope.brandId).where('model_id', '=', modelId).execute();
    if (input.maintenanceSchedule.length) {
      await scope.db
        .insertInto('maintenance_tasks')
        .values(input.maintenanceSchedule.map((task, position) => ({ ...owned, position, name: task.name, interval_days: task.intervalDays, instructions: task.instructions })))
        .execute();
    }
  }
}

/** Models with their GTINs, serial rules and schedule, in one query. */
function selectModels(scope: BrandScope) {
  return scope.db
    .selectFrom('models')
    .selectAll('models')
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom('model_gtins as g').select('g.gtin').whereRef('g.model_id', '=', 'models.id').orderBy('g.gtin')).as('gtin_rows'),
      jsonArrayFrom(eb.selectFrom('serial_rules as r').select(['r.mask', 'r.description']).whereRef('r.model_id', '=', 'models.id').orderBy('r.position')).as('serial_rules'),
      jsonArrayFrom(
        eb.selectFrom('maintenance_tasks as t').select(['t.name', 't.interval_days as intervalDays', 't.instructions']).whereRef('t.model_id', '=', 'models.id').orderBy('t.position'),
      ).as('maintenance_schedule'),
    ])
    .where('models.brand_id', '=', scope.brandId);
}

type ModelWithLists = ModelRow & {
  gtin_rows: { gtin: string }[];
  serial_rules: { mask: string; description: string }[];
  maintenance_schedule: { name: string; intervalDays: number; instructions: string }[];
};

function toView(row: ModelWithLists): ModelView {
  return {
    id: row.id,
    name: row.name,
    sku: row.sku,
    category: row.category,
    description: row.description,
    imageFileId: row.image_file_id,
    imageUrl: row.image_file_id ? fileUrl(row.image_file_id) : null,
    gtins: row.gtin_rows.map((g) => g.gtin),
    serialRules: row.serial_rules,
    warranty: {
      partsMonths: row.warranty_parts_months,
      labourMonths: row.warranty_labour_months,
      startsAt: row.warranty_starts_at,
      proofRequired: row.proof_required,
      transferable: row.warranty_transferable,
      noProofGraceMonths: row.no_proof_grace_months,
    },
    maintenanceSchedule: row.maintenance_schedule,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
