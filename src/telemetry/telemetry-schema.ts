import { z } from 'zod';

export const telemetryLimits = {
  /** Events per request. */
  batch: 500,
  /** Bytes of one event's `data`, as JSON. */
  dataBytes: 4096,
  /** Events per API key per minute. */
  eventsPerMinute: 60_000,
  /** How far ahead of OpenOX's clock `occurredAt` may be (a product's clock drifts). */
  futureSkewMinutes: 10,
} as const;

export const telemetryType = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'Use 1 to 63 lower-case letters, digits and underscores, starting with a letter, like "filter_life" or "fault".');

export const telemetryEventInput = z.strictObject({
  serial: z.string().trim().min(1, 'Give the serial number printed on the product.').max(100),
  gtin: z.string().trim().min(1).max(20).optional().meta({ description: "The product's GTIN (8 to 14 digits). Needed when the serial alone is registered for more than one model." }),
  type: telemetryType.meta({ description: 'What is reported; journeys trigger on `telemetry.<type>`.' }),
  data: z
    .record(z.string(), z.unknown())
    .default({})
    .refine((data) => Buffer.byteLength(JSON.stringify(data)) <= telemetryLimits.dataBytes, `Keep data to ${telemetryLimits.dataBytes} bytes of JSON; send counters and codes, not logs.`)
    .meta({ description: 'The reading: `{ "percent": 8 }`, `{ "code": "E21" }`, `{ "cycles": 1200 }`.' }),
  occurredAt: z.iso.datetime({ offset: true, message: 'Use an ISO 8601 time with its offset, like 2025-06-01T08:30:00Z.' }).optional().meta({ description: 'When it happened on the product; absent: when OpenOX received it.' }),
  eventId: z.string().min(1).max(200).optional().meta({ description: "The product's own id for this event: sending it again stores nothing new (safe retries)." }),
});
export type TelemetryEventInput = z.output<typeof telemetryEventInput>;

const batchSize = z.array(z.unknown()).min(1, 'Send at least one event.').max(telemetryLimits.batch, `Send at most ${telemetryLimits.batch} events per request; split the rest into further requests.`);

/** A batch's envelope; each event in it is checked on its own, so one bad event does not sink the rest. */
export const telemetryBatchEnvelope = z.strictObject({ events: batchSize });

/** For the OpenAPI document: one event, or a batch of them. */
export const telemetryBody = z.union([
  telemetryEventInput,
  z.strictObject({
    events: z.array(telemetryEventInput).min(1).max(telemetryLimits.batch).meta({ description: `Up to ${telemetryLimits.batch} events. Each is stored or refused on its own.` }),
  }),
]);

const itemError = z.object({ code: z.string(), message: z.string() });

export const telemetryResultView = z.object({
  index: z.number().int().meta({ description: 'The position of the event in the request (0 for a single event).' }),
  status: z.enum(['stored', 'duplicate', 'rejected']).meta({ description: '`duplicate`: an event with this eventId was stored before; nothing new.' }),
  id: z.uuid().nullable(),
  ownershipId: z.uuid().nullable(),
  eventId: z.string().nullable(),
  error: itemError.nullable().meta({ description: 'Why it was refused: validation_failed, telemetry_unit_unknown or serial_ambiguous.' }),
}).meta({ id: 'TelemetryResult' });
export type TelemetryResult = z.output<typeof telemetryResultView>;

export const telemetryBatchView = z.object({
  stored: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  results: z.array(telemetryResultView),
}).meta({ id: 'TelemetryBatchResult' });
export type TelemetryBatchResult = z.output<typeof telemetryBatchView>;

export const telemetryEventView = z.object({
  id: z.uuid(),
  ownershipId: z.uuid(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
  receivedAt: z.string(),
  eventId: z.string().nullable(),
}).meta({ id: 'TelemetryEvent' });
export type TelemetryEvent = z.output<typeof telemetryEventView>;
