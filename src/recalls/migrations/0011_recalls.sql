-- Safety recalls of a model, for every unit or for serials / manufacture dates named.
create table recalls (
  id                uuid primary key default uuid_v7(),
  brand_id          uuid not null references brands (id) on delete cascade,
  model_id          uuid not null references models (id) on delete cascade,
  title             text not null,
  hazard            text not null,
  remedy            text not null,
  url               text,
  serials           text[],
  manufactured_from date,
  manufactured_to   date,
  announced_on      date not null default current_date,
  closed_at         timestamptz,
  created_at        timestamptz not null default now()
);
create index recalls_model on recalls (brand_id, model_id) where closed_at is null;
select enable_tenant_isolation('recalls');
