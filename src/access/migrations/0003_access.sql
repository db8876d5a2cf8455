-- Staff, their sessions, API keys and the audit log.

create table staff_users (
  id              uuid primary key default uuid_v7(),
  brand_id        uuid not null references brands (id) on delete cascade,
  email           citext not null unique, -- one sign-in identity across brands
  name            text not null,
  role            text not null check (role in ('admin', 'marketer', 'agent', 'analyst')),
  password_hash   text not null,
  disabled_at     timestamptz,
  last_sign_in_at timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index staff_users_brand on staff_users (brand_id, id);
select enable_tenant_isolation('staff_users');

create table staff_sessions (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  user_id      uuid not null references staff_users (id) on delete cascade,
  token_hash   bytea not null unique, -- sha256 of the cookie value; the value itself is never stored
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index staff_sessions_user on staff_sessions (user_id);
select enable_tenant_isolation('staff_sessions');

-- Failed and successful sign-ins, for throttling guessing. Not tenant data: it exists before a brand is known.
create table sign_in_attempts (
  email        citext not null,
  ip           inet,
  succeeded    boolean not null,
  attempted_at timestamptz not null default now()
);
create index sign_in_attempts_email on sign_in_attempts (email, attempted_at);
create index sign_in_attempts_ip on sign_in_attempts (ip, attempted_at);

create table api_keys (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  name         text not null,
  role         text not null check (role in ('admin', 'marketer', 'agent', 'analyst')),
  prefix       text not null,          -- shown in lists so a key can be recognised
  secret_hash  bytea not null unique,  -- sha256 of the whole key; keys are random enough for a fast hash
  created_by   uuid references staff_users (id) on delete set null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
create index api_keys_brand on api_keys (brand_id, id);
select enable_tenant_isolation('api_keys');

create table audit_log (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  actor_type   text not null check (actor_type in ('staff', 'api_key', 'system')),
  actor_id     uuid,
  actor_label  text not null,
  action       text not null,
  subject_type text not null,
  subject_id   uuid,
  changes      jsonb not null default '{}',
  request_id   text,
  at           timestamptz not null default now()
);
create index audit_log_brand on audit_log (brand_id, id desc);
create index audit_log_subject on audit_log (brand_id, subject_type, subject_id);
select enable_tenant_isolation('audit_log');

-- Staff emails are one sign-in identity across brands; this says whether one is taken without
-- showing another brand's users.
create or replace function staff_email_taken(candidate citext) returns boolean
language sql stable security definer set search_path = public, pg_temp as $$
  select exists (select from staff_users where email = candidate)
$$;

-- Personal data is marked where it is stored, so export and erasure can find it.
comment on column staff_users.email is 'personal data';
comment on column staff_users.name is 'personal data';
comment on column sign_in_attempts.email is 'personal data';
comment on column sign_in_attempts.ip is 'personal data';
comment on column audit_log.actor_label is 'personal data: a staff email for staff actors';
