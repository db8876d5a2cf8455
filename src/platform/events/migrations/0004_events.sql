-- The outbox: every state change others care about, written in the same transaction as the change.

create table events (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  type         text not null,
  subject_type text not null,
  subject_id   uuid,
  payload      jsonb not null default '{}',
  occurred_at  timestamptz not null default now()
);
create index events_brand on events (brand_id, id desc);
create index events_brand_type on events (brand_id, type, id desc);
select enable_tenant_isolation('events');

-- One row per (consumer, event) handled, written in the handler's own transaction:
-- a redelivered event finds its row and is skipped, so handlers run once in effect.
create table event_deliveries (
  consumer     text not null,
  event_id     uuid not null references events (id) on delete cascade,
  brand_id     uuid not null references brands (id) on delete cascade,
  delivered_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
select enable_tenant_isolation('event_deliveries');

-- Each committed event becomes a dispatch job on the queue; if the transaction rolls back, so does the job.
-- add_job's statements take an array, so PostgreSQL would plan them afresh on every call (a custom plan
-- looks cheaper to it); planning was half the cost of a job. Their generic plans use the same indexes,
-- so they are planned once per connection instead. Trigger functions that add jobs all do this.
create or replace function enqueue_event_dispatch() returns trigger
language plpgsql security definer set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
begin
  perform graphile_worker.add_job('event_dispatch', json_build_object('eventId', new.id),
                                  job_key := 'dispatch:' || new.id::text);
  return null;
end
$$;
create trigger events_dispatch after insert on events for each row execute function enqueue_event_dispatch();

-- Read model kept by the analytics consumer: how many events of each type a brand had per day.
create table daily_event_counts (
  brand_id uuid not null references brands (id) on delete cascade,
  day      date not null,
  type     text not null,
  count    bigint not null default 0,
  primary key (brand_id, day, type)
);
select enable_tenant_isolation('daily_event_counts');
