-- Uploaded files live in the database: web processes keep no state, and a brand's files are
-- isolated, backed up and erased with the rest of its data.
create table files (
  id            uuid primary key default uuid_v7(),
  brand_id      uuid not null references brands (id) on delete cascade,
  purpose       text not null check (purpose in ('image', 'document', 'logo')),
  content_type  text not null,
  byte_size     integer not null,
  sha256        bytea not null,
  original_name text not null,
  content       bytea not null,
  created_at    timestamptz not null default now()
);
create index files_brand on files (brand_id, id);
select enable_tenant_isolation('files');

alter table brands add constraint brands_logo_file foreign key (logo_file_id) references files (id) on delete set null;
