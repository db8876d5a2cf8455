import { type Selectable, sql } from 'kysely';
import { recordAudit } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import { normaliseSerial } from '../catalog/serial-mask.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import type { CreateRecall, RecallFilter, RecallView } from './recall-schema.ts';
import type { RecallTables } from './tables.ts';

type RecallRow = Selectable<RecallTables['recalls']>;

function toView(row: RecallRow): RecallView {
  return {
    id: row.id,
    modelId: row.model_id,
    title: row.title,
    hazard: row.hazard,
    remedy: row.remedy,
    url: row.url,
    serials: row.serials,
    manufacturedFrom: row.manufactured_from,
    manufacturedTo: row.manufactured_to,
    announcedOn: row.announced_on,
    status: row.closed_at ? 'closed' : 'open',
    closedAt: row.closed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listRecalls(scope: BrandScope, filter: RecallFilter) {
  const query = scope.db
    .selectFrom('recalls')
    .selectAll()
    .where('brand_id', '=', scope.brandId)
    .$if(filter.modelId !== undefined, (q) => q.where('model_id', '=', filter.modelId as string))
    .$if(filter.status === 'open', (q) => q.where('closed_at', 'is', null))
    .$if(filter.status === 'closed', (q) => q.where('closed_at', 'is not', null));
  return keysetPage(query, filter, toView);
}

export async function getRecall(scope: BrandScope, id: string): Promise<RecallView> {
  return toView(await findRecall(scope, id));
}

/** Announces a recall: from now on scans and owner pages of the units it covers show it. */
export async function createRecall(scope: BrandScope, actor: Actor, input: CreateRecall): Promise<RecallView> {
  const model = await scope.db.selectFrom('models').select('id').where('brand_id', '=', scope.brandId).where('id', '=', input.modelId).executeTakeFirst();
  if (!model) throw invalidField('modelId', 'There is no model with this id in your brand.');
  const row = await scope.db
    .insertInto('recalls')
    .values({
      brand_id: scope.brandId,
      model_id: input.modelId,
      title: input.title,
      hazard: input.hazard,
      remedy: input.remedy,
      url: input.url,
      serials: input.serials,
      manufactured_from: input.manufacturedFrom,
      manufactured_to: input.manufacturedTo,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const recall = toView(row);
  await recordAudit(scope, actor, { action: 'recall.announced', subjectType: 'recall', subjectId: recall.id, changes: withSerialCount(recall) });
  await publishEvent(scope, { type: 'recall.announced', subjectType: 'recall', subjectId: recall.id, payload: { recall: withSerialCount(recall) } });
  return recall;
}

/** Closes a recall (the remedy is done). Closing a closed recall changes nothing and says so by its unchanged closedAt. */
export async function closeRecall(scope: BrandScope, actor: Actor, id: string): Promise<RecallView> {
  const before = await findRecall(scope, id);
  if (before.closed_at) return toView(before);
  const row = await scope.db
    .updateTable('recalls')
    .set({ closed_at: new Date() })
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const recall = toView(row);
  await recordAudit(scope, actor, { action: 'recall.closed', subjectType: 'recall', subjectId: id, changes: { status: ['open', 'closed'] } });
  await publishEvent(scope, { type: 'recall.closed', subjectType: 'recall', subjectId: id, payload: { modelId: recall.modelId, title: recall.title, closedAt: recall.closedAt } });
  return recall;
}

/** What is known of one unit, to tell which recalls cover it. */
export interface UnitFacts {
  readonly serial?: string | null | undefined;
  /** YYYY-MM-DD. */
  readonly manufacturedOn?: string | null | undefined;
}

/**
 * The open recalls that cover a unit of `modelId`: a recall naming serials covers those serials, one
 * naming dates of manufacture covers units made then (either suffices when it names both), and one
 * naming neither covers every unit. A unit whose serial or date is unknown is not matched by a recall
 * that needs it; `openRecallsOfModel` lists those for a page to warn about.
 */
export async function openRecallsFor(scope: BrandScope, modelId: string, serial: string | null | undefined, manufacturedOn: string | null | undefined): Promise<RecallView[]> {
  const unitSerial = serial ? normaliseSerial(serial) : null;
  const day = manufacturedOn ?? null;
  const rows = await openRecallsQuery(scope, modelId)
    .where((eb) =>
      eb.or([
        eb.and([eb('serials', 'is', null), eb('manufactured_from', 'is', null), eb('manufactured_to', 'is', null)]),
        ...(unitSerial ? [sql<boolean>`${unitSerial} = any (serials)`] : []),
        ...(day
          ? [eb.and([
              eb.or([eb('manufactured_from', 'is not', null), eb('manufactured_to', 'is not', null)]),
              eb.or([eb('manufactured_from', 'is', null), eb('manufactured_from', '<=', day)]),
              eb.or([eb('manufactured_to', 'is', null), eb('manufactured_to', '>=', day)]),
            ])]
          : []),
      ]),
    )
    .execute();
  return rows.map(toView);
}

/** Every open recall of a model, newest first. */
export async function openRecallsOfModel(scope: BrandScope, modelId: string): Promise<RecallView[]> {
  return (await openRecallsQuery(scope, modelId).execute()).map(toView);
}

function openRecallsQuery(scope: BrandScope, modelId: string) {
  return scope.db
    .selectFrom('recalls')
    .selectAll()
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', modelId)
    .where('closed_at', 'is', null)
    .orderBy('id', 'desc');
}

async function findRecall(scope: BrandScope, id: string): Promise<RecallRow> {
  const row = await scope.db.selectFrom('recalls').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no recall with this id in your brand.');
  return row;
}

// A recall may name thousands of serials: the audit log and the event carry how many, not the list.
function withSerialCount({ serials, ...recall }: RecallView) {
  return { ...recall, serialCount: serials?.length ?? null };
}
