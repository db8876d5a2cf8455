-- The people who own a brand's products: one owner per email per brand, their consents and their
-- password-less ways in (sign-in links and codes, then a browser session).

create table owners (
  id          uuid primary key default uuid_v7(),
  brand_id    uuid not null references brands (id) on delete cascade,
  -- Lower-cased text, not citext: text equality is leakproof, so row-level security lets the
  -- (brand_id, email) index answer a lookup by email.
  email       text not null check (email = lower(email)),
  name        text not null,
  phone       text,
  -- A mailing address is asked only where a rule names it (safety registration of infant products).
  address     text,
  city        text,
  region      text,
  postal_code text,
  country     text check (country ~ '^[A-Z]{2}$'),
  language    text not null default 'en',
  -- Contact data given only under a safety registration rule (16 CFR 1130): it may be used for
  -- safety notices and nothing else, so no marketing segment may ever select this owner.
  safety_only boolean not null default false,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (brand_id, email)
);
create index owners_brand on owners (brand_id, id);
-- Agents search by any word of a name, an email or a phone number.
create index owners_name_words on owners using gin (to_tsvector('simple', name));
create index owners_phone on owners (brand_id, phone);
select enable_tenant_isolation('owners');

-- Owners of the current brand with a name matching a text-search query. Full-text matching is not
-- leakproof, so under row-level security the planner would scan every owner; this runs the search
-- with the name index, still only over the brand the transaction is scoped to.
create or replace function owners_matching_name(query text) returns setof uuid
language sql stable security definer set search_path = public, pg_temp as $$
  select id from owners where brand_id = current_brand_id() and to_tsvector('simple', name) @@ to_tsquery('simple', query)
$$;
comment on column owners.email is 'personal data';
comment on column owners.name is 'personal data';
comment on column owners.phone is 'personal data';
comment on column owners.address is 'personal data';
comment on column owners.city is 'personal data';
comment on column owners.postal_code is 'personal data';

-- Every consent given or withdrawn, never updated: the latest record per channel is the state, and
-- the history proves what the owner agreed to, when, where and in which words.
create table consent_records (
  id              uuid primary key default uuid_v7(),
  brand_id        uuid not null references brands (id) on delete cascade,
  owner_id        uuid not null references owners (id) on delete cascade,
  channel         text not null check (channel in ('email', 'sms')),
  granted         boolean not null,
  wording         text not null,
  wording_version text not null,
  language        text not null,
  source          text not null check (source in ('registration_page', 'owner_page', 'api', 'import', 'console')),
  ip              inet,
  user_agent      text,
  recorded_at     timestamptz not null default now()
);
create index consent_records_owner on consent_records (owner_id, channel, recorded_at desc, id desc);
select enable_tenant_isolation('consent_records');
comment on column consent_records.ip is 'personal data';
comment on column consent_records.user_agent is 'personal data';

create view owner_consents with (security_invoker = true) as
  select distinct on (owner_id, channel) brand_id, owner_id, channel, granted, wording_version, source, recorded_at
  from consent_records
  order by owner_id, channel, recorded_at desc, id desc;

-- A sign-in link and the one-time code sent with it; both single use, short-lived, stored hashed.
create table owner_sign_in_tokens (
  id            uuid primary key default uuid_v7(),
  brand_id      uuid not null references brands (id) on delete cascade,
  owner_id      uuid not null references owners (id) on delete cascade,
  link_hash     bytea not null unique,
  code_hash     bytea not null,
  code_attempts integer not null default 0,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  used_at       timestamptz
);
create index owner_sign_in_tokens_owner on owner_sign_in_tokens (owner_id, created_at desc);
select enable_tenant_isolation('owner_sign_in_tokens');

-- A browser that signed in stays recognised: the cookie holds a token whose sha256 is kept here.
create table owner_sessions (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  owner_id     uuid not null references owners (id) on delete cascade,
  token_hash   bytea not null unique,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index owner_sessions_owner on owner_sessions (owner_id);
select enable_tenant_isolation('owner_sessions');
