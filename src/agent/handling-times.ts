import { sql } from 'kysely';
import { z } from 'zod';
import type { BrandScope } from '../platform/database/tenancy.ts';

const dayMs = 86_400_000;

export const handlingTimesQuery = z.object({
  from: z.iso.date('Give a date as YYYY-MM-DD.').optional().meta({ description: 'First day (UTC), inclusive; 29 days before `to` when left out.' }),
  to: z.iso.date('Give a date as YYYY-MM-DD.').optional().meta({ description: 'Last day (UTC), inclusive; today when left out.' }),
});

const durationFigures = z.object({
  count: z.number().int(),
  averageSeconds: z.number().int().nullable(),
  medianSeconds: z.number().int().nullable(),
});

export const handlingTimesView = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  claims: z.object({
    filed: z.number().int().meta({ description: 'Claims filed in the period; the times below are of these claims.' }),
    firstResponse: durationFigures.meta({ description: "Filing to the brand's first reply or change of status, of the claims that had one." }),
    resolution: durationFigures.meta({ description: 'Filing to resolution, of the claims resolved so far.' }),
  }),
  calls: durationFigures.extend({
    inbound: z.number().int(),
    outbound: z.number().int(),
    totalSeconds: z.number().int(),
  }).meta({ description: 'Calls logged that started in the period, and how long they lasted.' }),
}).meta({ id: 'HandlingTimes' });
export type HandlingTimes = z.output<typeof handlingTimesView>;

interface Aggregates {
  count: number;
  average: number | null;
  median: number | null;
}

/**
 * Average handling time: first-response and resolution times of the claims filed in a period, and
 * counts and durations of the calls logged, as averages and medians (one long claim moves the average,
 * not the median).
 */
export async function handlingTimes(scope: BrandScope, period: { from: string; to: string }): Promise<HandlingTimes> {
  const start = new Date(`${period.from}T00:00:00Z`);
  const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + dayMs);
  const firstResponse = sql<number>`extract(epoch from first_response_at - created_at)`;
  const resolution = sql<number>`extract(epoch from resolved_at - created_at)`;
  const claims = await scope.db
    .selectFrom('claims')
    .select((eb) => [
      eb.fn.countAll<number>().as('filed'),
      sql<number>`count(first_response_at)`.as('responded'),
      sql<number | null>`avg(${firstResponse})`.as('response_average'),
      sql<number | null>`percentile_cont(0.5) within group (order by ${firstResponse})`.as('response_median'),
      sql<number>`count(resolved_at)`.as('resolved'),
      sql<number | null>`avg(${resolution})`.as('resolution_average'),
      sql<number | null>`percentile_cont(0.5) within group (order by ${resolution})`.as('resolution_median'),
    ])
    .where('brand_id', '=', scope.brandId)
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .executeTakeFirstOrThrow();
  const calls = await scope.db
    .selectFrom('call_logs')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      sql<number>`count(*) filter (where direction = 'inbound')`.as('inbound'),
      sql<number>`coalesce(sum(duration_seconds), 0)`.as('total'),
      sql<number | null>`avg(duration_seconds)`.as('average'),
      sql<number | null>`percentile_cont(0.5) within group (order by duration_seconds)`.as('median'),
    ])
    .where('brand_id', '=', scope.brandId)
    .where('started_at', '>=', start)
    .where('started_at', '<', end)
    .executeTakeFirstOrThrow();

  return {
    period,
    claims: {
      filed: claims.filed,
      firstResponse: figures({ count: Number(claims.responded), average: claims.response_average, median: claims.response_median }),
      resolution: figures({ count: Number(claims.resolved), average: claims.resolution_average, median: claims.resolution_median }),
    },
    calls: {
      ...figures({ count: calls.count, average: calls.average, median: calls.median }),
      inbound: Number(calls.inbound),
      outbound: calls.count - Number(calls.inbound),
      totalSeconds: Number(calls.total),
    },
  };
}

// numeric and double precision arrive as strings or numbers depending on the type: whole seconds either way.
function figures(aggregates: Aggregates): z.output<typeof durationFigures> {
  const seconds = (value: number | string | null) => (value === null ? null : Math.round(Number(value)));
  return { count: aggregates.count, averageSeconds: seconds(aggregates.average), medianSeconds: seconds(aggregates.median) };
}
