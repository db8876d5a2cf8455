-- Responses to POSTs that carried an Idempotency-Key, stored in the same transaction as the change
-- they describe, so a retry replays the first answer instead of acting twice.
create table idempotency_keys (
  brand_id     uuid not null references brands (id) on delete cascade,
  key          text not null,
  fingerprint  text not null, -- method, route and a hash of the body: the same key with another request is refused
  status_code  integer not null,
  response     jsonb,
  created_at   timestamptz not null default now(),
  primary key (brand_id, key)
);
create index idempotency_keys_age on idempotency_keys (created_at);
select enable_tenant_isolation('idempotency_keys');
