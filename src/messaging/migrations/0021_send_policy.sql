-- Send-time policy: consent, suppressions, frequency caps and quiet hours are decided when a message is
-- about to go, and every outcome stays visible on the message (never silently lost).

-- held: waiting for quiet hours to end or a frequency cap to free (its job runs again at hold_until).
-- expired: it could not go before it stopped being relevant (expires_at).
-- delivered / undelivered: what the SMS provider reported after accepting it.
alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check
  check (status in ('queued', 'sending', 'sent', 'failed', 'logged', 'suppressed', 'held', 'expired', 'delivered', 'undelivered'));
-- compliance: the one reply an SMS keyword (STOP, START, HELP) calls for; it reaches a number that has just opted out.
alter table messages drop constraint messages_class_check;
alter table messages add constraint messages_class_check check (class in ('safety', 'service', 'marketing', 'compliance'));
alter table messages
  -- Why the policy held, expired or suppressed it (a stable code such as quiet_hours or no_consent).
  add column status_reason text,
  add column hold_until    timestamptz,
  -- Past this it is no longer worth sending; null: the brand's default for marketing, never for other classes.
  add column expires_at    timestamptz,
  -- When the policy let a marketing message go: frequency caps count these, so two workers count each other.
  add column cleared_at    timestamptz,
  -- The provider's id for it (an SMS's MessageSid), which delivery receipts name.
  add column provider_id   text,
  -- The queue worker that claimed it for sending: the queue runs a message's one job again only once
  -- that worker has lost the job (it died), so the new run may take the claim over without waiting.
  add column claimed_by    text;
create index messages_marketing_cleared on messages (owner_id, channel, cleared_at) where class = 'marketing' and cleared_at is not null;

-- Every status a message went through, from the policy, the transport and the provider's receipts.
create table message_status_events (
  id          uuid primary key default uuid_v7(),
  brand_id    uuid not null references brands (id) on delete cascade,
  message_id  uuid not null references messages (id) on delete cascade,
  status      text not null,
  -- A policy reason, a transport error, or the provider's error code.
  detail      text,
  source      text not null check (source in ('policy', 'transport', 'provider')),
  occurred_at timestamptz not null default now()
);
create index message_status_events_message on message_status_events (message_id, occurred_at, id);
-- A provider repeats a receipt it is not sure arrived: the history keeps each status it reported once.
create unique index message_status_events_receipt on message_status_events (message_id, status) where source = 'provider';
select enable_tenant_isolation('message_status_events');

-- Puts a held message's delivery job back on the queue for `at`. The job key is the message's, so a
-- message has one delivery job at most (a running one gives its key up, see graphile_worker.add_jobs).
create or replace function schedule_message_delivery(message uuid, at timestamptz) returns void
language plpgsql security definer set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
begin
  if not exists (select 1 from messages where id = message and brand_id = current_brand_id()) then
    raise exception 'message % is not one of the current brand''s', message using errcode = 'insufficient_privilege';
  end if;
  perform graphile_worker.add_job('deliver_message', json_build_object('messageId', message), run_at := at,
                                  job_key := 'message:' || message::text);
end
$$;

-- A brand's messaging rules. No row: OpenOX's defaults (see src/messaging/policy/messaging-settings.ts).
create table messaging_settings (
  brand_id               uuid primary key references brands (id) on delete cascade,
  -- [{ "limit": 1, "periodHours": 24 }, ...]: marketing messages per owner per rolling period.
  email_caps             jsonb not null,
  sms_caps               jsonb not null,
  -- { "start": "21:00", "end": "08:00" } in the owner's local time, or null for none.
  email_quiet_hours      jsonb,
  marketing_expiry_hours integer not null check (marketing_expiry_hours between 1 and 720),
  sms_from               text,
  sms_program            text,
  sms_frequency          text,
  updated_at             timestamptz not null default now()
);
select enable_tenant_isolation('messaging_settings');

-- The key a brand's unsubscribe and preference links are signed with: a link names the brand, the owner
-- and the channel, and cannot be made for another owner without it.
create table messaging_link_keys (
  brand_id   uuid primary key references brands (id) on delete cascade,
  key        bytea not null check (length(key) = 32),
  created_at timestamptz not null default now()
);
select enable_tenant_isolation('messaging_link_keys');

-- Texts owners sent to a brand's number. The provider's id makes a redelivered webhook a no-op.
create table sms_inbound (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  provider_sid text not null,
  from_number  text not null,
  to_number    text not null,
  body         text not null,
  keyword      text check (keyword in ('stop', 'start', 'help')),
  received_at  timestamptz not null default now(),
  unique (brand_id, provider_sid)
);
select enable_tenant_isolation('sms_inbound');
comment on column sms_inbound.from_number is 'personal data';
comment on column sms_inbound.body is 'personal data';

-- An owner's own time zone (IANA name), when they chose one; otherwise it is worked out from their address.
alter table owners add column time_zone text;

-- Consent given or withdrawn from the preference centre, an unsubscribe link, or an SMS keyword.
alter table consent_records drop constraint consent_records_source_check;
alter table consent_records add constraint consent_records_source_check
  check (source in ('registration_page', 'owner_page', 'api', 'import', 'console', 'preference_centre', 'unsubscribe_link', 'sms_keyword'));

-- The ledger is evidence: a record is never changed, and goes only with its owner (erasure) or its brand,
-- through the foreign keys' cascades (a cascade's delete runs inside the referential trigger, depth 2).
create or replace function consent_records_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  raise exception 'consent_records is append-only: record a new consent answer instead of changing or deleting one'
    using errcode = 'restrict_violation';
end
$$;
create trigger consent_records_append_only before update or delete on consent_records
  for each row execute function consent_records_append_only();
create trigger consent_records_no_truncate before truncate on consent_records
  for each statement execute function consent_records_append_only();
-- The brand-wide evidence export reads the ledger in time order, a batch at a time.
create index consent_records_brand_time on consent_records (brand_id, recorded_at, id);
