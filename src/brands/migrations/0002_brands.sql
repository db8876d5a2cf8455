-- Brands are the tenants. A brand sees only its own row.
create table brands (
  id            uuid primary key default uuid_v7(),
  slug          citext not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name          text not null check (length(name) between 1 and 200),
  logo_file_id  uuid,
  primary_color text not null default '#1864ab' check (primary_color ~ '^#[0-9a-fA-F]{6}$'),
  accent_color  text not null default '#e67700' check (accent_color ~ '^#[0-9a-fA-F]{6}$'),
  is_demo       boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
select enable_tenant_isolation('brands', 'id');
