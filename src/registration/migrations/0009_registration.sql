-- Ownerships (owner × model × serial) and how they were registered.

-- What a brand shows and asks on its registration page. One row per brand; absent means defaults.
create table registration_settings (
  brand_id        uuid primary key references brands (id) on delete cascade,
  retailers       text[] not null default '{}',
  countries       text[] not null default '{US}',
  support_email   text,
  support_phone   text,
  support_url     text,
  accessories_url text,
  review_url      text,
  -- Overrides of the shipped wording, keyed '<country>:<language>' (statements) and '<channel>:<language>' (consents).
  rights_statements jsonb not null default '{}',
  consent_wordings  jsonb not null default '{}',
  updated_at      timestamptz not null default now()
);
select enable_tenant_isolation('registration_settings');

create table ownerships (
  id              uuid primary key default uuid_v7(),
  brand_id        uuid not null references brands (id) on delete cascade,
  owner_id        uuid not null references owners (id) on delete cascade,
  model_id        uuid not null references models (id) on delete restrict,
  serial          text,
  lot             text,
  variant         text,
  purchase_date   date,
  retailer        text,
  postal_code     text,
  country         text check (country ~ '^[A-Z]{2}$'),
  manufactured_on date,
  stage           text not null default 'onboarding' check (stage in ('unboxing', 'onboarding', 'enjoying', 'sharing', 'caring')),
  status          text not null default 'active' check (status in ('active', 'transferred', 'retired')),
  safety_only     boolean not null default false,
  source          text not null check (source in ('qr', 'web', 'api', 'import', 'console')),
  identified_by   text not null default 'typed' check (identified_by in ('qr', 'barcode', 'photo', 'typed')),
  proof_file_id   uuid references files (id) on delete set null,
  proof_status    text not null default 'none' check (proof_status in ('none', 'submitted', 'verified', 'rejected')),
  -- The form submission or import that made it: a retried submit finds its ownership instead of making another.
  submission_id   uuid,
  -- Lets the browser that registered see its confirmation page for a day, without signing in.
  confirmation_token_hash bytea,
  import_id       uuid,
  registered_at   timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (brand_id, submission_id)
);
-- One active ownership per unit: a second claim on a serial becomes a registration conflict.
create unique index ownerships_active_unit on ownerships (brand_id, model_id, serial) where status = 'active' and serial is not null;
create index ownerships_owner on ownerships (owner_id);
create index ownerships_registered on ownerships (brand_id, registered_at desc, id desc);
create index ownerships_serial on ownerships (brand_id, serial);
select enable_tenant_isolation('ownerships');
comment on column ownerships.postal_code is 'personal data';

-- Someone tried to register a unit another owner holds: usually a resale, later a transfer.
create table registration_conflicts (
  id                    uuid primary key default uuid_v7(),
  brand_id              uuid not null references brands (id) on delete cascade,
  existing_ownership_id uuid not null references ownerships (id) on delete cascade,
  claimant_owner_id     uuid not null references owners (id) on delete cascade,
  purchase_date         date,
  retailer              text,
  source                text not null,
  created_at            timestamptz not null default now(),
  resolved_at           timestamptz,
  unique (existing_ownership_id, claimant_owner_id)
);
create index registration_conflicts_brand on registration_conflicts (brand_id, id);
select enable_tenant_isolation('registration_conflicts');

alter table files drop constraint files_purpose_check;
alter table files add constraint files_purpose_check check (purpose in ('image', 'document', 'logo', 'proof'));
