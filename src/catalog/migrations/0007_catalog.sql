-- A brand's products: models, their GTINs, serial-number rules, warranty terms, maintenance and resources.

create table models (
  id                     uuid primary key default uuid_v7(),
  brand_id               uuid not null references brands (id) on delete cascade,
  name                   text not null,
  sku                    citext not null,
  category               text not null,
  description            text not null default '',
  image_file_id          uuid references files (id) on delete set null,
  warranty_parts_months  integer not null check (warranty_parts_months between 0 and 1200),
  warranty_labour_months integer not null check (warranty_labour_months between 0 and 1200),
  warranty_starts_at     text not null check (warranty_starts_at in ('purchase', 'registration')),
  proof_required         text not null check (proof_required in ('none', 'receipt', 'receipt_and_serial_photo')),
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  unique (brand_id, sku)
);
create index models_brand on models (brand_id, id);
create index models_brand_category on models (brand_id, category, id);
select enable_tenant_isolation('models');

-- A GTIN names one trade item worldwide, so it is unique across brands: a scan finds one model.
create table model_gtins (
  gtin     text primary key check (gtin ~ '^[0-9]{14}$'),
  brand_id uuid not null references brands (id) on delete cascade,
  model_id uuid not null references models (id) on delete cascade
);
create index model_gtins_model on model_gtins (model_id);
select enable_tenant_isolation('model_gtins');

create table serial_rules (
  id          uuid primary key default uuid_v7(),
  brand_id    uuid not null references brands (id) on delete cascade,
  model_id    uuid not null references models (id) on delete cascade,
  position    integer not null,
  mask        text not null,
  description text not null,
  unique (model_id, position)
);
select enable_tenant_isolation('serial_rules');

create table maintenance_tasks (
  id            uuid primary key default uuid_v7(),
  brand_id      uuid not null references brands (id) on delete cascade,
  model_id      uuid not null references models (id) on delete cascade,
  position      integer not null,
  name          text not null,
  interval_days integer not null check (interval_days between 1 and 36500),
  instructions  text not null default '',
  unique (model_id, position)
);
select enable_tenant_isolation('maintenance_tasks');

create table resources (
  id         uuid primary key default uuid_v7(),
  brand_id   uuid not null references brands (id) on delete cascade,
  model_id   uuid not null references models (id) on delete cascade,
  kind       text not null check (kind in ('manual', 'quick_start', 'video', 'faq', 'troubleshooting')),
  title      text not null,
  stage      text not null check (stage in ('unboxing', 'onboarding', 'enjoying', 'sharing', 'caring')),
  language   text not null default 'en',
  url        text,
  file_id    uuid references files (id) on delete restrict,
  body       text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index resources_model on resources (brand_id, model_id, id);
select enable_tenant_isolation('resources');

-- Which of these GTINs belong to a model other than `except_model`, in any brand. Row-level security
-- hides other brands' GTINs, yet a GTIN may name only one model; this answers that and nothing more.
create or replace function gtins_taken(candidates text[], except_model uuid) returns text[]
language sql stable security definer set search_path = public, pg_temp as $$
  select array_agg(gtin order by gtin) from model_gtins
  where gtin = any (candidates) and model_id is distinct from except_model
$$;
