-- Self-service: what owners log of their product's upkeep, when it fell due, and where a brand repairs.

-- A maintenance task done on a date, told by the owner (owner pages) or by staff (API, console).
-- Tasks are matched by name as well as id: a model's schedule is replaced whole when it is edited, so
-- task ids change, while "Replace the water filter" done last month must still count.
create table maintenance_logs (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  ownership_id uuid not null references ownerships (id) on delete cascade,
  task_id      uuid references maintenance_tasks (id) on delete set null,
  task_name    text not null,
  done_on      date not null,
  logged_by    text not null check (logged_by in ('owner', 'staff')),
  -- Who logged it when staff did (a staff user or an API key), as the audit log names them.
  actor_label  text,
  note         text not null default '' check (length(note) <= 1000),
  created_at   timestamptz not null default now()
);
create index maintenance_logs_ownership on maintenance_logs (ownership_id, lower(task_name), done_on desc);
select enable_tenant_isolation('maintenance_logs');
comment on column maintenance_logs.note is 'personal data';

-- One row per ownership × task × due date whose `maintenance.due` event was published. The daily job
-- inserts here first and publishes only what it inserted, so a re-run or a second worker adds nothing.
create table maintenance_due_notices (
  brand_id     uuid not null references brands (id) on delete cascade,
  ownership_id uuid not null references ownerships (id) on delete cascade,
  -- lower(task name): stable across schedule edits, like the logs above.
  task_key     text not null,
  due_on       date not null,
  task_id      uuid references maintenance_tasks (id) on delete set null,
  published_at timestamptz not null default now(),
  primary key (ownership_id, task_key, due_on)
);
create index maintenance_due_notices_brand on maintenance_due_notices (brand_id, published_at desc);
select enable_tenant_isolation('maintenance_due_notices');

-- A brand's repair and service locations, which owners find by distance.
create table service_centres (
  id            uuid primary key default uuid_v7(),
  brand_id      uuid not null references brands (id) on delete cascade,
  name          text not null,
  address_line1 text not null,
  address_line2 text,
  city          text not null,
  region        text,
  postal_code   text not null,
  country       text not null check (country ~ '^[A-Z]{2}$'),
  phone         text,
  email         text,
  url           text,
  services      text[] not null default '{}',
  latitude      double precision not null check (latitude between -90 and 90),
  longitude     double precision not null check (longitude between -180 and 180),
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index service_centres_brand on service_centres (brand_id, id);
create index service_centres_active on service_centres (brand_id) where active;
select enable_tenant_isolation('service_centres');
