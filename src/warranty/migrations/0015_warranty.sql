-- Warranty entitlement: the terms a model's warranty has beyond its periods, the facts of an ownership
-- it reads, extended coverage (care plans), and the daily "your warranty is ending" notices.

alter table models drop constraint models_warranty_starts_at_check;
alter table models add constraint models_warranty_starts_at_check check (warranty_starts_at in ('purchase', 'delivery', 'registration'));
alter table models
  add column warranty_transferable boolean not null default true,
  -- Without proof of purchase, coverage starts this long after the date of manufacture.
  add column no_proof_grace_months integer not null default 3 check (no_proof_grace_months between 0 and 1200);

-- The day of delivery or installation: where it is later than the purchase, some laws start coverage then.
alter table ownerships add column delivered_on date;

-- Extended coverage bought for one unit (added by API now; sold through offers later).
create table care_plans (
  id             uuid primary key default uuid_v7(),
  brand_id       uuid not null references brands (id) on delete cascade,
  ownership_id   uuid not null references ownerships (id) on delete cascade,
  name           text not null,
  covers         text not null check (covers in ('parts_and_labour', 'parts', 'labour')),
  starts_on      date not null,
  ends_on        date not null,
  transferable   boolean not null default true,
  price_minor    integer check (price_minor >= 0),
  currency       text check (currency ~ '^[A-Z]{3}$'),
  -- The brand's own reference (an order or contract number): the same one twice is the same plan.
  reference      text,
  created_by     text not null,
  created_at     timestamptz not null default now(),
  cancelled_at   timestamptz,
  check (ends_on >= starts_on),
  check ((price_minor is null) = (currency is null)),
  unique (brand_id, reference)
);
create index care_plans_ownership on care_plans (ownership_id);
select enable_tenant_isolation('care_plans');

create table warranty_settings (
  brand_id           uuid primary key references brands (id) on delete cascade,
  -- How many days before coverage ends the warranty.expiring event is published.
  expiry_notice_days integer not null default 30 check (expiry_notice_days between 1 and 365),
  updated_at         timestamptz not null default now()
);
select enable_tenant_isolation('warranty_settings');

-- One warranty.expiring event per ownership and end date, however often the daily job runs.
create table warranty_expiry_notices (
  brand_id     uuid not null references brands (id) on delete cascade,
  ownership_id uuid not null references ownerships (id) on delete cascade,
  ends_on      date not null,
  created_at   timestamptz not null default now(),
  primary key (ownership_id, ends_on)
);
select enable_tenant_isolation('warranty_expiry_notices');
