import { sql } from 'kysely';
import type { BrandScope } from '../platform/database/tenancy.ts';

/** Live figures of one step, over every version of the journey. */
export interface StepCounts {
  readonly stepId: string;
  /** Owners who reached the step. */
  readonly entered: number;
  /** Owners at the step now, waiting. */
  readonly waiting: number;
  /** Messages the step queued that went out (sent, delivered, or logged where no transport is set up). */
  readonly sent: number;
  /** Messages the step queued that consent, an opt-out, a cap or quiet hours stopped or hold. */
  readonly held: number;
  /** Owners who passed the step and then reached the journey's goal. */
  readonly converted: number;
  /** Owners whose journey ended at the step. */
  readonly exited: number;
}

export interface JourneyCounts {
  readonly entered: number;
  readonly active: number;
  readonly completed: number;
  readonly converted: number;
  readonly exited: number;
  /** Owners the entry conditions (or a safety-only registration) kept out. */
  readonly notEligible: number;
  readonly steps: readonly StepCounts[];
}

export async function journeyCounts(scope: BrandScope, journeyId: string): Promise<JourneyCounts> {
  const totals = await sql<{ entered: number; active: number; completed: number; converted: number; exited: number; not_eligible: number }>`
    select
      count(*) filter (where end_reason is distinct from 'not_eligible' and end_reason is distinct from 'safety_only')::integer as entered,
      count(*) filter (where status = 'active')::integer as active,
      count(*) filter (where status = 'completed')::integer as completed,
      count(*) filter (where status = 'converted')::integer as converted,
      count(*) filter (where status = 'exited' and end_reason not in ('not_eligible', 'safety_only'))::integer as exited,
      count(*) filter (where end_reason in ('not_eligible', 'safety_only'))::integer as not_eligible
    from journey_runs where journey_id = ${journeyId}`.execute(scope.db);
  const steps = await sql<{ step_id: string; entered: number; waiting: number; sent: number; held: number; converted: number; exited: number }>`
    with passed as (
      select l.step_id, l.run_id, m.status as message_status
      from journey_step_log l join journey_runs r on r.id = l.run_id
      left join messages m on m.id = l.message_id
      where r.journey_id = ${journeyId}
    ),
    here as (
      select step_id, status, id from journey_runs where journey_id = ${journeyId} and step_id is not null
    )
    select s.step_id,
      ((select count(*) from passed p where p.step_id = s.step_id)
        + (select count(*) from here h where h.step_id = s.step_id and h.status = 'active'
             and not exists (select 1 from passed p where p.step_id = s.step_id and p.run_id = h.id)))::integer as entered,
      (select count(*) from here h where h.step_id = s.step_id and h.status = 'active')::integer as waiting,
      (select count(*) from passed p where p.step_id = s.step_id and p.message_status in ('sent', 'delivered', 'logged'))::integer as sent,
      (select count(*) from passed p where p.step_id = s.step_id and p.message_status in ('held', 'suppressed', 'expired'))::integer as held,
      (select count(*) from passed p join journey_runs r on r.id = p.run_id where p.step_id = s.step_id and r.status = 'converted')::integer as converted,
      (select count(*) from here h where h.step_id = s.step_id and h.status in ('completed', 'exited'))::integer as exited
    from (select step_id from passed union select step_id from here) s`.execute(scope.db);
  const row = totals.rows[0];
  return {
    entered: row?.entered ?? 0,
    active: row?.active ?? 0,
    completed: row?.completed ?? 0,
    converted: row?.converted ?? 0,
    exited: row?.exited ?? 0,
    notEligible: row?.not_eligible ?? 0,
    steps: steps.rows.map((s) => ({ stepId: s.step_id, entered: s.entered, waiting: s.waiting, sent: s.sent, held: s.held, converted: s.converted, exited: s.exited })),
  };
}
