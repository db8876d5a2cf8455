-- Ownership changes: a unit passed on to a new owner (transfer) or disposed of (retired). The earlier
-- ownership stays, ended, as the old owner's history; the new one points back to it, so warranty
-- rules can follow the unit from its first purchase.
alter table ownerships
  add column transferred_from_id uuid references ownerships (id) on delete set null,
  add column ended_at timestamptz;
-- One successor per ownership: a retried transfer cannot pass the unit on twice.
create unique index ownerships_successor on ownerships (transferred_from_id) where transferred_from_id is not null;

-- Owners change things themselves too (pass a product on, retire it, file a claim): the audit log names them.
alter table audit_log drop constraint audit_log_actor_type_check;
alter table audit_log add constraint audit_log_actor_type_check check (actor_type in ('staff', 'api_key', 'system', 'owner'));
