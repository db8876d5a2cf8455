-- Journeys: a brand's rules for reaching owners over the ownership lifecycle. A journey's definition
-- is versioned and immutable once published; owners inside a journey finish on the version they entered.

create table journeys (
  id                 uuid primary key default uuid_v7(),
  brand_id           uuid not null references brands (id) on delete cascade,
  name               text not null,
  -- off: nobody enters; live: the trigger enters owners; paused: nobody enters and nobody moves on.
  status             text not null default 'off' check (status in ('off', 'live', 'paused')),
  -- The playbook journey this one started from, so the playbook is offered once per brand.
  playbook_key       text,
  current_version_id uuid,
  -- When it last went live: date triggers catch up missed days, but none from before this.
  live_since         timestamptz,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  unique (brand_id, playbook_key)
);
create index journeys_brand on journeys (brand_id, id);
select enable_tenant_isolation('journeys');

create table journey_versions (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  journey_id   uuid not null references journeys (id) on delete cascade,
  version      integer not null,
  definition   jsonb not null,
  -- Copied out of the definition so that triggers can be found without reading every definition.
  trigger_kind text not null check (trigger_kind in ('event', 'date')),
  trigger_event text,
  goal_event   text,
  published_at timestamptz not null default now(),
  published_by text not null,
  unique (journey_id, version)
);
alter table journeys add constraint journeys_current_version foreign key (current_version_id) references journey_versions (id);
create index journey_versions_trigger on journey_versions (brand_id, trigger_event);
select enable_tenant_isolation('journey_versions');

-- Date triggers find the day's ownerships by purchase date (registration time has its own index).
create index ownerships_purchase_date on ownerships (brand_id, purchase_date) where status = 'active';

-- Values a journey step set on an owner, for later conditions ("attributes.tips_sent").
alter table owners add column attributes jsonb not null default '{}';

-- Where one owner stands in one journey: one row per (journey, owner, entry key). The entry key says
-- what the owner entered for (an ownership, an event, a date), so a redelivered trigger enters no one
-- twice. `wake_at` is the run's timer: a trigger below turns it into a queue job with that run time.
create table journey_runs (
  id                 uuid primary key default uuid_v7(),
  brand_id           uuid not null references brands (id) on delete cascade,
  journey_id         uuid not null references journeys (id) on delete cascade,
  journey_version_id uuid not null references journey_versions (id) on delete cascade,
  owner_id           uuid not null references owners (id) on delete cascade,
  ownership_id       uuid references ownerships (id) on delete cascade,
  entry_key          text not null,
  status             text not null default 'active' check (status in ('active', 'completed', 'converted', 'exited')),
  -- null until the entry conditions were checked; then the step the owner is at.
  step_id            text,
  -- When the current step began: a wait measures from here.
  step_started_at    timestamptz,
  wake_at            timestamptz,
  -- A "wait for event" step: the event type, and whether it came.
  awaiting_event     text,
  event_arrived      boolean not null default false,
  -- The event that entered the owner: conditions can read it (`event.data.filterLife`).
  trigger_payload    jsonb not null default '{}',
  end_reason         text,
  entered_at         timestamptz not null default now(),
  ended_at           timestamptz,
  unique (journey_id, owner_id, entry_key)
);
create index journey_runs_version_step on journey_runs (journey_version_id, status, step_id);
create index journey_runs_awaiting on journey_runs (owner_id, awaiting_event) where status = 'active' and awaiting_event is not null;
create index journey_runs_owner on journey_runs (owner_id, status);
select enable_tenant_isolation('journey_runs');

-- One row per step a run has passed: the primary key makes a step's effects happen once per run.
create table journey_step_log (
  run_id             uuid not null references journey_runs (id) on delete cascade,
  step_id            text not null,
  brand_id           uuid not null references brands (id) on delete cascade,
  journey_version_id uuid not null references journey_versions (id) on delete cascade,
  -- What the step did: done, sent, no_address, then, else, path:<n>, holdout, event, timeout, exit.
  outcome            text not null,
  message_id         uuid,
  at                 timestamptz not null default now(),
  primary key (run_id, step_id)
);
create index journey_step_log_version on journey_step_log (journey_version_id, step_id, outcome);
select enable_tenant_isolation('journey_step_log');

-- A task a journey gave an agent ("call this owner about their fault code").
create table agent_tasks (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  owner_id     uuid not null references owners (id) on delete cascade,
  ownership_id uuid references ownerships (id) on delete cascade,
  title        text not null,
  details      text,
  status       text not null default 'open' check (status in ('open', 'done')),
  run_id       uuid references journey_runs (id) on delete set null,
  step_id      text,
  created_at   timestamptz not null default now(),
  done_at      timestamptz,
  done_by      text,
  unique (run_id, step_id)
);
create index agent_tasks_open on agent_tasks (brand_id, status, created_at desc);
select enable_tenant_isolation('agent_tasks');

-- Every active run with a timer has exactly one advance job, keyed by the run: setting wake_at again
-- moves that job, in the same transaction. Statement-level, so a date trigger entering thousands of
-- owners adds their jobs in one call. Generic plans: see enqueue_event_dispatch (0004_events.sql).
create or replace function schedule_journey_runs() returns trigger
language plpgsql security definer set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
begin
  perform graphile_worker.add_jobs(array(
    select row('journey_advance', json_build_object('runId', r.id, 'brandId', r.brand_id), null, r.wake_at, 10,
               'journey-run:' || r.id::text, null, null)::graphile_worker.job_spec
    from changed_runs r
    where r.status = 'active' and r.wake_at is not null
  ));
  return null;
end
$$;
create trigger journey_runs_schedule_insert after insert on journey_runs
  referencing new table as changed_runs for each statement execute function schedule_journey_runs();
create trigger journey_runs_schedule_update after update on journey_runs
  referencing new table as changed_runs for each statement execute function schedule_journey_runs();

-- Which graphile-worker workers are alive: a killed process leaves its jobs locked, and the queue
-- would release them only after four hours. Workers beat here; the sweep unlocks the silent ones' jobs.
create table worker_heartbeats (
  worker_id text primary key,
  beat_at   timestamptz not null default now()
);

-- A journey's call to the brand's webhook: written with the step, sent by a job (at least once, with
-- the same Idempotency-Key every time), its last answer kept for the console.
create table journey_webhook_calls (
  id          uuid primary key default uuid_v7(),
  brand_id    uuid not null references brands (id) on delete cascade,
  run_id      uuid not null references journey_runs (id) on delete cascade,
  step_id     text not null,
  url         text not null,
  payload     jsonb not null,
  status      text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts    integer not null default 0,
  last_status integer,
  last_error  text,
  created_at  timestamptz not null default now(),
  delivered_at timestamptz,
  unique (run_id, step_id)
);
select enable_tenant_isolation('journey_webhook_calls');

create or replace function queue_journey_webhook() returns trigger
language plpgsql security definer set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
begin
  perform graphile_worker.add_job('journey_webhook', json_build_object('callId', new.id, 'brandId', new.brand_id),
                                  job_key := 'journey-webhook:' || new.id::text, max_attempts := 12);
  return null;
end
$$;
create trigger journey_webhook_calls_queue after insert on journey_webhook_calls for each row execute function queue_journey_webhook();
