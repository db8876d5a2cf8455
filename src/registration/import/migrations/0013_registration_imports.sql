-- Bulk imports of historical registrations from a CSV file: one row per import holding its progress,
-- and every line it rejected with the reason, so a brand can fix those lines and upload them again.
-- Lines are applied in chunks, each in one transaction together with the progress that counts it, so
-- an import that stops part-way has applied exactly the lines its progress says.

create table registration_imports (
  id                      uuid primary key default uuid_v7(),
  brand_id                uuid not null references brands (id) on delete cascade,
  file_name               text not null,
  -- The file's first line as given: a download of the rejected lines starts with it.
  header                  text not null,
  status                  text not null default 'receiving' check (status in ('receiving', 'importing', 'done', 'failed')),
  -- The words the owners agreed to, for the file's consent columns (both channels).
  consent_wording         text,
  rows_received           integer not null default 0,
  rows_imported           integer not null default 0,
  rows_rejected           integer not null default 0,
  rows_already_registered integer not null default 0,
  -- Lines go to parallel lanes (by owner email), each written in order: every line of lane n up to
  -- through_lines[n] is imported or rejected, so every line of the file up to the least of them is.
  through_lines           integer[] not null default '{1}',
  error                   text,
  created_by              text not null,
  created_at              timestamptz not null default now(),
  -- Moves with every chunk: an unfinished import that has not moved for a while has stopped.
  updated_at              timestamptz not null default now(),
  finished_at             timestamptz
);
create index registration_imports_brand on registration_imports (brand_id, id);
-- The sweep that fails stopped imports looks only at unfinished ones.
create index registration_imports_unfinished on registration_imports (updated_at) where status in ('receiving', 'importing');
select enable_tenant_isolation('registration_imports');

create table registration_import_rejections (
  brand_id  uuid not null references brands (id) on delete cascade,
  import_id uuid not null references registration_imports (id) on delete cascade,
  line      integer not null,
  reason    text not null,
  -- The line as it was in the file (at most 1 KB of it).
  raw       text not null,
  primary key (import_id, line)
);
select enable_tenant_isolation('registration_import_rejections');
comment on column registration_import_rejections.raw is 'personal data';
