-- Segments: a brand's saved conditions over its owners' products, and the products that meet each one.
-- Membership is computed set-based by a refresh (src/segments/membership.ts); each product that enters
-- writes a `segment.entered` event in the same transaction, which journeys can be triggered by.

create table segments (
  id                   uuid primary key default uuid_v7(),
  brand_id             uuid not null references brands (id) on delete cascade,
  name                 text not null,
  description          text,
  -- The same condition JSON journeys take (src/journeys/conditions.ts), over facts SQL can compute.
  condition            jsonb not null,
  -- Kept by each refresh, in its transaction: members only change there, so these stay exact.
  member_count         integer not null default 0,
  refreshed_at         timestamptz,
  last_entered         integer not null default 0,
  last_left            integer not null default 0,
  -- Set to ask for a refresh now (created, condition changed, "refresh now"): a trigger queues its job.
  refresh_requested_at timestamptz not null default now(),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  unique (brand_id, name)
);
create index segments_brand on segments (brand_id, id);
select enable_tenant_isolation('segments');

-- The products in a segment now. A product that leaves is deleted; coming back is a new entry.
create table segment_members (
  brand_id     uuid not null references brands (id) on delete cascade,
  segment_id   uuid not null references segments (id) on delete cascade,
  ownership_id uuid not null references ownerships (id) on delete cascade,
  owner_id     uuid not null references owners (id) on delete cascade,
  entered_at   timestamptz not null default now(),
  primary key (segment_id, ownership_id)
);
-- Members newest first, a page at a time (keyset on entered_at, ownership_id).
create index segment_members_entered on segment_members (segment_id, entered_at desc, ownership_id desc);
create index segment_members_owner on segment_members (owner_id);
select enable_tenant_isolation('segment_members');

-- One refresh job per segment at a time (keyed); asking again while one waits changes nothing.
-- Generic plans for add_job's statements: see enqueue_event_dispatch (0004_events.sql).
create or replace function queue_segment_refresh() returns trigger
language plpgsql security definer set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
begin
  perform graphile_worker.add_job('segment_refresh', json_build_object('segmentId', new.id, 'brandId', new.brand_id),
                                  job_key := 'segment-refresh:' || new.id::text, max_attempts := 5);
  return null;
end
$$;
create trigger segments_refresh_insert after insert on segments for each row execute function queue_segment_refresh();
create trigger segments_refresh_requested after update of refresh_requested_at on segments
  for each row when (new.refresh_requested_at is distinct from old.refresh_requested_at) execute function queue_segment_refresh();

-- Journeys triggered by entering a segment: the segment is copied out of the definition like the
-- trigger event, so the journeys consumer finds them without reading every definition. No foreign
-- key: old versions may name a segment deleted since (a segment a current version names cannot be).
alter table journey_versions drop constraint journey_versions_trigger_kind_check;
alter table journey_versions add constraint journey_versions_trigger_kind_check check (trigger_kind in ('event', 'date', 'segment'));
alter table journey_versions add column trigger_segment_id uuid;
create index journey_versions_trigger_segment on journey_versions (trigger_segment_id) where trigger_segment_id is not null;
