-- Every message OpenOX sends an owner. The row is written in the transaction that causes it, with a
-- key that makes a second write of the same message a no-op; a job then hands it to the transport.
create table messages (
  id          uuid primary key default uuid_v7(),
  brand_id    uuid not null references brands (id) on delete cascade,
  owner_id    uuid references owners (id) on delete cascade,
  channel     text not null check (channel in ('email', 'sms')),
  -- Priority class: safety always goes, service ignores marketing consent, marketing needs it.
  class       text not null check (class in ('safety', 'service', 'marketing')),
  template    text not null,
  dedupe_key  text not null,
  recipient   text not null,
  subject     text not null default '',
  body_text   text not null,
  body_html   text,
  status      text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed', 'logged')),
  -- When a deliverer took the message: another may take it over only once this is long past (a crash).
  claimed_at  timestamptz,
  attempts    integer not null default 0,
  last_error  text,
  created_at  timestamptz not null default now(),
  sent_at     timestamptz,
  unique (brand_id, dedupe_key)
);
create index messages_brand on messages (brand_id, id);
create index messages_owner on messages (owner_id, created_at desc);
select enable_tenant_isolation('messages');
comment on column messages.recipient is 'personal data';
comment on column messages.body_text is 'personal data';
comment on column messages.body_html is 'personal data';

-- If the transaction rolls back, so does the job: a message is delivered exactly when it commits.
-- Generic plans for add_job's statements: see enqueue_event_dispatch (0004_events.sql).
create or replace function queue_message_delivery() returns trigger
language plpgsql security definer set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
begin
  perform graphile_worker.add_job('deliver_message', json_build_object('messageId', new.id),
                                  job_key := 'message:' || new.id::text);
  return null;
end
$$;
create trigger messages_queue_delivery after insert on messages for each row execute function queue_message_delivery();
