-- Events connected products report about themselves ("phone home"): usage counters, filter life,
-- fault codes. Each is stored against the registered unit (the ownership) it came from.
create table product_telemetry (
  id           uuid primary key,
  brand_id     uuid not null references brands (id) on delete cascade,
  ownership_id uuid not null references ownerships (id) on delete cascade,
  type         text not null check (type ~ '^[a-z][a-z0-9_]{0,62}$'),
  data         jsonb not null,
  -- When the product says it happened; received_at is when OpenOX heard of it.
  occurred_at  timestamptz not null,
  received_at  timestamptz not null default now(),
  -- The product's own id for the event: resending it (a retry after a lost answer) stores nothing new.
  event_id     text check (length(event_id) between 1 and 200)
);
create unique index product_telemetry_event on product_telemetry (brand_id, event_id) where event_id is not null;
-- The latest events of a unit, per type: what the agent's view and journeys read.
create index product_telemetry_ownership on product_telemetry (ownership_id, type, occurred_at desc);
create index product_telemetry_recent on product_telemetry (ownership_id, occurred_at desc);
create index product_telemetry_brand on product_telemetry (brand_id, id);
select enable_tenant_isolation('product_telemetry');
