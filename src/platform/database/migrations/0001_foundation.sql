-- Foundation every capability stands on: identifiers, the application role, and tenant scoping.

create extension if not exists citext;

-- Time-ordered UUIDs (RFC 9562 version 7), so primary keys sort by creation and make cheap cursors.
create or replace function uuid_v7() returns uuid language sql volatile parallel safe as $$
  select encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
              from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;

-- The brand a transaction acts for, set with set_config('openox.brand_id', ..., true).
-- Unset means no brand: every row-level policy then matches nothing.
create or replace function current_brand_id() returns uuid language sql stable parallel safe as $$
  select nullif(current_setting('openox.brand_id', true), '')::uuid
$$;

-- Tenant work runs as this role (SET LOCAL ROLE), which row-level security applies to.
-- Roles are cluster-wide, so another database on the same server may have made it already.
do $$
begin
  if not exists (select from pg_roles where rolname = 'openox_app') then
    create role openox_app nologin;
  end if;
end
$$;

-- Puts a table under tenant isolation: rows are visible and writable only for the current brand.
create or replace function enable_tenant_isolation(target regclass, brand_column text default 'brand_id')
returns void language plpgsql as $$
begin
  execute format('alter table %s enable row level security', target);
  execute format('alter table %s force row level security', target);
  execute format('drop policy if exists tenant_isolation on %s', target);
  execute format(
    'create policy tenant_isolation on %s using (%I = current_brand_id()) with check (%I = current_brand_id())',
    target, brand_column, brand_column);
end
$$;
