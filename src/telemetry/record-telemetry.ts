import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { checkGtin } from '../catalog/gtin.ts';
import { normaliseSerial } from '../catalog/serial-mask.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { type RegisteredUnit, matchUnit } from './match-unit.ts';
import { type TelemetryEventInput, type TelemetryResult, telemetryEventInput, telemetryLimits } from './telemetry-schema.ts';

interface Checked {
  readonly index: number;
  readonly event: TelemetryEventInput;
  readonly serial: string;
  readonly gtin14: string | null;
  readonly occurredAt: Date;
}

const rejected = (index: number, code: string, message: string, eventId: string | null = null): TelemetryResult => ({
  index,
  status: 'rejected',
  id: null,
  ownershipId: null,
  eventId,
  error: { code, message },
});

function issuesMessage(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; ');
}

/** One event's shape, GTIN and time, before any lookup. */
export function checkEvent(index: number, raw: unknown, now: Date): Checked | TelemetryResult {
  const parsed = telemetryEventInput.safeParse(raw);
  if (!parsed.success) {
    const eventId = typeof (raw as { eventId?: unknown } | null)?.eventId === 'string' ? (raw as { eventId: string }).eventId : null;
    return rejected(index, 'validation_failed', issuesMessage(parsed.error), eventId);
  }
  const event = parsed.data;
  const eventId = event.eventId ?? null;
  let gtin14: string | null = null;
  if (event.gtin !== undefined) {
    const gtin = checkGtin(event.gtin);
    if (!gtin.valid) return rejected(index, 'validation_failed', `gtin: ${gtin.reason}`, eventId);
    gtin14 = gtin.gtin14;
  }
  const occurredAt = event.occurredAt ? new Date(event.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + telemetryLimits.futureSkewMinutes * 60_000) {
    return rejected(index, 'validation_failed', `occurredAt: ${event.occurredAt} is in the future; set the product's clock, or leave occurredAt out to use the time OpenOX receives it.`, eventId);
  }
  const serial = normaliseSerial(event.serial);
  if (serial === '') return rejected(index, 'validation_failed', 'serial: Give the serial number printed on the product.', eventId);
  return { index, event, serial, gtin14, occurredAt };
}

async function unitsWithSerials(scope: BrandScope, serials: readonly string[]): Promise<RegisteredUnit[]> {
  if (serials.length === 0) return [];
  const rows = await scope.db
    .selectFrom('ownerships')
    .select(['id', 'owner_id', 'model_id', 'serial'])
    .where('brand_id', '=', scope.brandId)
    .where('status', '=', 'active')
    .where('serial', 'in', serials)
    .execute();
  return rows.map((row) => ({ ownershipId: row.id, ownerId: row.owner_id, modelId: row.model_id, serial: row.serial as string }));
}

async function modelsByGtin(scope: BrandScope, gtins: readonly string[]): Promise<Map<string, string[]>> {
  const models = new Map<string, string[]>();
  if (gtins.length === 0) return models;
  const rows = await scope.db.selectFrom('model_gtins').select(['gtin', 'model_id']).where('brand_id', '=', scope.brandId).where('gtin', 'in', gtins).execute();
  for (const row of rows) models.set(row.gtin, [...(models.get(row.gtin) ?? []), row.model_id]);
  return models;
}

/**
 * Stores product events, each on its own: an event that is malformed or names no registered unit is
 * refused with its reason, the others are kept. An event whose eventId was seen before is a
 * duplicate (stored once, published once). Each stored event is published as `telemetry.<type>`
 * about its ownership, in the same transaction, for journeys to trigger on.
 */
export async function recordTelemetry(scope: BrandScope, rawEvents: readonly unknown[], now = new Date()): Promise<TelemetryResult[]> {
  const results = new Map<number, TelemetryResult>();
  const checked: Checked[] = [];
  rawEvents.forEach((raw, index) => {
    const outcome = checkEvent(index, raw, now);
    if ('status' in outcome) results.set(index, outcome);
    else checked.push(outcome);
  });

  const [units, gtinModels] = await Promise.all([
    unitsWithSerials(scope, [...new Set(checked.map((item) => item.serial))]),
    modelsByGtin(scope, [...new Set(checked.flatMap((item) => (item.gtin14 ? [item.gtin14] : [])))]),
  ]);
  const resolved: { item: Checked; unit: RegisteredUnit; id: string }[] = [];
  for (const item of checked) {
    const eventId = item.event.eventId ?? null;
    const match = matchUnit(item.serial, item.gtin14 === null ? null : (gtinModels.get(item.gtin14) ?? []), units);
    if (match.kind === 'unknown') results.set(item.index, rejected(item.index, 'telemetry_unit_unknown', match.message, eventId));
    else if (match.kind === 'ambiguous') {
      results.set(item.index, rejected(item.index, 'serial_ambiguous', `${match.count} registered products of different models have the serial ${item.serial}; send the GTIN too.`, eventId));
    } else resolved.push({ item, unit: match.unit, id: uuidv7() });
  }

  const stored = new Set<string>();
  if (resolved.length > 0) {
    const inserted = await scope.db
      .insertInto('product_telemetry')
      .values(resolved.map(({ item, unit, id }) => ({
        id,
        brand_id: scope.brandId,
        ownership_id: unit.ownershipId,
        type: item.event.type,
        data: JSON.stringify(item.event.data),
        occurred_at: item.occurredAt,
        event_id: item.event.eventId ?? null,
      })))
      .onConflict((conflict) => conflict.columns(['brand_id', 'event_id']).where('event_id', 'is not', null).doNothing())
      .returning('id')
      .execute();
    for (const row of inserted) stored.add(row.id);
  }

  const duplicateIds = resolved.filter(({ id }) => !stored.has(id)).map(({ item }) => item.event.eventId as string);
  const earlier = duplicateIds.length === 0
    ? []
    : await scope.db.selectFrom('product_telemetry').select(['id', 'ownership_id', 'event_id']).where('brand_id', '=', scope.brandId).where('event_id', 'in', duplicateIds).execute();
  const earlierByEventId = new Map(earlier.map((row) => [row.event_id as string, row]));

  for (const { item, unit, id } of resolved) {
    const eventId = item.event.eventId ?? null;
    if (stored.has(id)) {
      await publishEvent(scope, {
        type: `telemetry.${item.event.type}`,
        subjectType: 'ownership',
        subjectId: unit.ownershipId,
        payload: {
          ownershipId: unit.ownershipId,
          ownerId: unit.ownerId,
          modelId: unit.modelId,
          type: item.event.type,
          data: item.event.data,
          occurredAt: item.occurredAt.toISOString(),
          telemetryId: id,
          eventId,
        },
      });
      results.set(item.index, { index: item.index, status: 'stored', id, ownershipId: unit.ownershipId, eventId, error: null });
    } else {
      const first = earlierByEventId.get(eventId as string);
      results.set(item.index, { index: item.index, status: 'duplicate', id: first?.id ?? null, ownershipId: first?.ownership_id ?? null, eventId, error: null });
    }
  }
  return rawEvents.map((_, index) => results.get(index) as TelemetryResult);
}
