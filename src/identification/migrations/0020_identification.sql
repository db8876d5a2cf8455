-- What OpenOX read off owners' photos of rating labels and receipts, and what the owners then
-- registered: the brand's measure of how legible its labels are. The photo itself is a file, stored
-- upright and without metadata (no location); it goes when its read goes.
create table photo_reads (
  id                 uuid primary key default uuid_v7(),
  brand_id           uuid not null references brands (id) on delete cascade,
  kind               text not null check (kind in ('label', 'receipt')),
  file_id            uuid references files (id) on delete set null,
  method             text not null check (method in ('barcode', 'ocr', 'none')),
  -- The values proposed, with confidences and candidates (label: model, serial, manufacturedOn;
  -- receipt: purchaseDate, retailer, amount), and where on the photo they were read.
  read               jsonb not null,
  needs_confirmation boolean not null,
  problem            text check (problem in ('no_label', 'unreadable', 'busy')),
  -- What the owner registered, once they have: compared with `read` to give `corrected`.
  confirmed          jsonb,
  corrected          boolean,
  corrected_fields   text[],
  ownership_id       uuid references ownerships (id) on delete cascade,
  duration_ms        integer not null check (duration_ms >= 0),
  created_at         timestamptz not null default now(),
  confirmed_at       timestamptz
);
-- Accuracy over time reads a brand's reads of one kind by time.
create index photo_reads_brand_time on photo_reads (brand_id, kind, created_at);
create index photo_reads_ownership on photo_reads (ownership_id) where ownership_id is not null;
create index photo_reads_file on photo_reads (file_id) where file_id is not null;
-- The hourly purge finds unconfirmed reads whose photo may go.
create index photo_reads_unconfirmed on photo_reads (created_at) where ownership_id is null and file_id is not null;
select enable_tenant_isolation('photo_reads');
comment on column photo_reads.file_id is 'personal data';

-- A read's photo is deleted with the read (an owner's data erased, an ownership removed), unless the
-- file lives on elsewhere, e.g. as an ownership's proof of purchase.
create or replace function photo_read_file_gone() returns trigger language plpgsql as $$
begin
  if old.file_id is not null
     and not exists (select 1 from photo_reads where file_id = old.file_id)
     and not exists (select 1 from ownerships where proof_file_id = old.file_id) then
    begin
      delete from files where id = old.file_id;
    exception when foreign_key_violation then
      null; -- still referenced by something that keeps it (a claim attachment): it stays
    end;
  end if;
  return null;
end
$$;
create trigger photo_reads_file_gone after delete on photo_reads for each row execute function photo_read_file_gone();
