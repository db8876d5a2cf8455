import { sql } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { type TelemetryEvent, telemetryEventView } from './telemetry-schema.ts';

interface TelemetryRow {
  id: string;
  ownership_id: string;
  type: string;
  data: unknown;
  occurred_at: Date;
  received_at: Date;
  event_id: string | null;
}

function toView(row: TelemetryRow): TelemetryEvent {
  return {
    id: row.id,
    ownershipId: row.ownership_id,
    type: row.type,
    data: (row.data ?? {}) as Record<string, unknown>,
    occurredAt: new Date(row.occurred_at).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
    eventId: row.event_id,
  };
}

export const ownershipTelemetryView = z.object({
  ownershipId: z.uuid(),
  latestByType: z.array(telemetryEventView).meta({ description: 'The latest event of each type (the current filter life, the last fault), by type.' }),
  recent: z.array(telemetryEventView).meta({ description: 'The latest events of any type, newest first.' }),
}).meta({ id: 'OwnershipTelemetry' });
export type OwnershipTelemetry = z.output<typeof ownershipTelemetryView>;

/** What the agent sees per product: the latest reading of each type and the latest events. Products that never reported are left out. */
export async function latestTelemetry(scope: BrandScope, ownershipIds: readonly string[], recentCount = 10): Promise<OwnershipTelemetry[]> {
  if (ownershipIds.length === 0) return [];
  const [latest, recent] = await Promise.all([
    sql<TelemetryRow>`
      select distinct on (ownership_id, type) id, ownership_id, type, data, occurred_at, received_at, event_id
      from product_telemetry
      where brand_id = ${scope.brandId} and ownership_id = any(${ownershipIds}::uuid[])
      order by ownership_id, type, occurred_at desc, id desc`.execute(scope.db),
    sql<TelemetryRow>`
      select t.id, t.ownership_id, t.type, t.data, t.occurred_at, t.received_at, t.event_id
      from unnest(${ownershipIds}::uuid[]) as o(id)
      cross join lateral (
        select * from product_telemetry p
        where p.brand_id = ${scope.brandId} and p.ownership_id = o.id
        order by p.occurred_at desc, p.id desc limit ${recentCount}
      ) t`.execute(scope.db),
  ]);
  return ownershipIds
    .map((ownershipId) => ({
      ownershipId,
      latestByType: latest.rows.filter((row) => row.ownership_id === ownershipId).map(toView),
      recent: recent.rows.filter((row) => row.ownership_id === ownershipId).map(toView),
    }))
    .filter((entry) => entry.recent.length > 0);
}

/** One product's events, newest received first, a page at a time. */
export async function telemetryOf(scope: BrandScope, ownershipId: string, page: { limit: number; cursor?: string | undefined; type?: string | undefined }) {
  const ownership = await scope.db.selectFrom('ownerships').select('id').where('brand_id', '=', scope.brandId).where('id', '=', ownershipId).executeTakeFirst();
  if (!ownership) throw new ApiError('not_found', 'There is no ownership with this id in your brand.');
  const query = scope.db
    .selectFrom('product_telemetry')
    .select(['id', 'ownership_id', 'type', 'data', 'occurred_at', 'received_at', 'event_id'])
    .where('brand_id', '=', scope.brandId)
    .where('ownership_id', '=', ownershipId)
    .$if(page.type !== undefined, (q) => q.where('type', '=', page.type as string));
  return keysetPage(query, page, toView);
}
