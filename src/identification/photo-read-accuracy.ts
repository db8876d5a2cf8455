import { sql } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';
import type { PhotoReadKind } from './tables.ts';

export const accuracyBuckets = ['day', 'week', 'month'] as const;
export type AccuracyBucket = (typeof accuracyBuckets)[number];

const fieldsOf: Readonly<Record<PhotoReadKind, readonly string[]>> = { label: ['model', 'serial'], receipt: ['purchaseDate', 'retailer', 'amount'] };

const figures = {
  reads: z.number().describe('Photos read'),
  unreadable: z.number().describe('Photos from which nothing could be read'),
  askedToConfirm: z.number().describe('Reads where the owner was asked to check or choose (unsure, missing or tied values)'),
  confirmed: z.number().describe('Reads that ended in a registration'),
  corrected: z.number().describe('Of those, reads where the owner changed a value OpenOX proposed'),
  correctedByField: z.record(z.string(), z.number()).describe('Corrections per field: label model, serial; receipt purchaseDate, retailer, amount'),
  correctedShare: z.number().nullable().describe('corrected / confirmed; null without confirmed reads'),
  askedShare: z.number().nullable().describe('askedToConfirm / reads; null without reads'),
  medianMs: z.number().nullable().describe('Median time to read a photo'),
};

export const photoReadAccuracyView = z.object({
  kind: z.enum(['label', 'receipt']),
  bucket: z.enum(accuracyBuckets),
  from: z.string(),
  to: z.string(),
  buckets: z.array(z.object({ start: z.string().describe('First day of the bucket (UTC), YYYY-MM-DD'), ...figures })),
  total: z.object(figures),
}).meta({ id: 'PhotoReadAccuracy' });
export type PhotoReadAccuracy = z.output<typeof photoReadAccuracyView>;

interface Row {
  start: string;
  reads: number;
  unreadable: number;
  asked: number;
  confirmed: number;
  corrected: number;
  median_ms: number | null;
  [field: `fixed_${string}`]: number;
}

/**
 * How well photos were read over time: per day, week (ISO, from Monday) or month between `from`
 * and `to` (inclusive dates, UTC), how many were read, how many asked the owner to confirm, and how
 * often owners corrected a proposed value. Every bucket in the range is listed, empty ones too.
 */
export async function photoReadAccuracy(scope: BrandScope, options: { readonly from: string; readonly to: string; readonly bucket: AccuracyBucket; readonly kind?: PhotoReadKind }): Promise<PhotoReadAccuracy> {
  const kind = options.kind ?? 'label';
  const fields = fieldsOf[kind];
  const unit = sql.lit(options.bucket);
  const fixedColumns = fields.map((field) => sql`count(r.id) filter (where ${field} = any (r.corrected_fields))::int as ${sql.ref(`fixed_${field}`)}`);
  const { rows } = await sql<Row>`
    with buckets as (
      select generate_series(date_trunc(${unit}, ${options.from}::date::timestamp), date_trunc(${unit}, ${options.to}::date::timestamp), ${sql.lit(`1 ${options.bucket}`)}::interval) as start
    )
    select to_char(b.start, 'YYYY-MM-DD') as start,
      count(r.id)::int as reads,
      count(r.id) filter (where r.problem is not null)::int as unreadable,
      count(r.id) filter (where r.needs_confirmation)::int as asked,
      count(r.id) filter (where r.ownership_id is not null)::int as confirmed,
      count(r.id) filter (where r.corrected)::int as corrected,
      percentile_cont(0.5) within group (order by r.duration_ms) as median_ms,
      ${sql.join(fixedColumns)}
    from buckets b
    left join photo_reads r on r.brand_id = ${scope.brandId} and r.kind = ${kind}
      and r.created_at >= b.start at time zone 'UTC' and r.created_at < (b.start + ${sql.lit(`1 ${options.bucket}`)}::interval) at time zone 'UTC'
      and r.created_at >= ${options.from}::date::timestamp at time zone 'UTC' and r.created_at < (${options.to}::date + 1)::timestamp at time zone 'UTC'
    group by b.start
    order by b.start`.execute(scope.db);

  const buckets = rows.map((row) => ({ start: row.start, ...figuresOf(row, fields) }));
  const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const totalRow = {
    reads: sum((row) => row.reads),
    unreadable: sum((row) => row.unreadable),
    asked: sum((row) => row.asked),
    confirmed: sum((row) => row.confirmed),
    corrected: sum((row) => row.corrected),
    median_ms: null,
    ...Object.fromEntries(fields.map((field) => [`fixed_${field}`, sum((row) => row[`fixed_${field}`] ?? 0)])),
  } as Row;
  return { kind, bucket: options.bucket, from: options.from, to: options.to, buckets, total: { ...figuresOf(totalRow, fields), medianMs: await medianMs(scope, kind, options) } };
}

function figuresOf(row: Row, fields: readonly string[]) {
  return {
    reads: row.reads,
    unreadable: row.unreadable,
    askedToConfirm: row.asked,
    confirmed: row.confirmed,
    corrected: row.corrected,
    correctedByField: Object.fromEntries(fields.map((field) => [field, row[`fixed_${field}`] ?? 0])),
    correctedShare: row.confirmed > 0 ? row.corrected / row.confirmed : null,
    askedShare: row.reads > 0 ? row.asked / row.reads : null,
    medianMs: row.median_ms === null ? null : Math.round(row.median_ms),
  };
}

async function medianMs(scope: BrandScope, kind: PhotoReadKind, range: { from: string; to: string }): Promise<number | null> {
  const { rows } = await sql<{ median: number | null }>`
    select percentile_cont(0.5) within group (order by duration_ms) as median from photo_reads
    where brand_id = ${scope.brandId} and kind = ${kind}
      and created_at >= ${range.from}::date::timestamp at time zone 'UTC' and created_at < (${range.to}::date + 1)::timestamp at time zone 'UTC'`.execute(scope.db);
  const median = rows[0]?.median ?? null;
  return median === null ? null : Math.round(median);
}
