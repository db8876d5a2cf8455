-- Warranty and service claims: the claim, its lifecycle, its conversation and files, the problem
-- categories owners choose from; and the hard opt-outs that even service messages honour.

-- Claim numbers are per brand and short enough to read out on the phone. The counter row is locked
-- while a claim is filed, so two claims filed at once never get the same number and none is skipped.
create table claim_number_counters (
  brand_id    uuid primary key references brands (id) on delete cascade,
  last_number integer not null
);
select enable_tenant_isolation('claim_number_counters');

create table claims (
  id                  uuid primary key default uuid_v7(),
  brand_id            uuid not null references brands (id) on delete cascade,
  number              text not null check (number ~ '^C-[0-9]+$'),
  ownership_id        uuid not null references ownerships (id) on delete cascade,
  owner_id            uuid not null references owners (id) on delete cascade,
  -- Copied from the ownership so claim rates by model need no join.
  model_id            uuid not null references models (id) on delete restrict,
  kind                text not null check (kind in ('warranty', 'service')),
  -- Out of warranty is not refused: the claim becomes a paid service request, and the note says why.
  paid_service        boolean not null default false,
  service_note        text,
  problem_category    text not null,
  -- The category's words when the claim was filed: renaming a category later does not rewrite history.
  problem_label       text not null,
  description         text not null,
  video_url           text,
  contact_channels    text[] not null check (cardinality(contact_channels) > 0 and contact_channels <@ array['email', 'phone', 'sms']),
  contact_phone       text,
  status              text not null default 'submitted'
                      check (status in ('submitted', 'in_review', 'needs_info', 'approved', 'denied', 'fulfilment', 'resolved', 'closed')),
  status_changed_at   timestamptz not null default now(),
  assignee_id         uuid references staff_users (id) on delete set null,
  rma_number          text,
  denial_reason       text,
  fulfilment_kind     text check (fulfilment_kind in ('repair', 'replacement', 'refund')),
  repair_booked_for   timestamptz,
  carrier             text,
  tracking_number     text,
  refund_amount_minor bigint check (refund_amount_minor >= 0),
  refund_currency     text check (refund_currency ~ '^[A-Z]{3}$'),
  -- The entitlement as it stood when the claim was filed (entitlementView JSON).
  coverage            jsonb not null,
  proof_requested     boolean not null default false,
  first_response_at   timestamptz,
  resolved_at         timestamptz,
  closed_at           timestamptz,
  source              text not null check (source in ('owner_page', 'api', 'console')),
  created_by_type     text not null check (created_by_type in ('owner', 'staff', 'api_key', 'system')),
  created_by_id       uuid,
  created_by_label    text not null,
  -- The form submission or API request that filed it: a retried submit finds its claim instead of filing another.
  submission_id       uuid,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (brand_id, number),
  unique (brand_id, submission_id),
  check ((refund_amount_minor is null) = (refund_currency is null)),
  check (status <> 'denied' or denial_reason is not null)
);
create index claims_brand on claims (brand_id, id desc);
create index claims_owner on claims (owner_id, created_at desc);
create index claims_ownership on claims (ownership_id);
-- The agent's queue: open claims by status, oldest in their status first.
create index claims_open on claims (brand_id, status, status_changed_at) where status not in ('resolved', 'closed');
create index claims_assignee on claims (brand_id, assignee_id, id desc) where assignee_id is not null;
select enable_tenant_isolation('claims');
comment on column claims.description is 'personal data';
comment on column claims.video_url is 'personal data';
comment on column claims.contact_phone is 'personal data';

-- Every status a claim has been in, by whom and why; never updated.
create table claim_transitions (
  id          uuid primary key default uuid_v7(),
  brand_id    uuid not null references brands (id) on delete cascade,
  claim_id    uuid not null references claims (id) on delete cascade,
  -- Null for the filing itself.
  from_status text,
  to_status   text not null,
  reason      text,
  actor_type  text not null check (actor_type in ('owner', 'staff', 'api_key', 'system')),
  actor_id    uuid,
  actor_label text not null,
  -- The clock, not the transaction's start: what one request writes keeps its order on the timeline.
  at          timestamptz not null default clock_timestamp()
);
create index claim_transitions_claim on claim_transitions (claim_id, at, id);
select enable_tenant_isolation('claim_transitions');

-- The conversation on a claim: internal notes among staff, and replies the owner sees (from either side).
create table claim_messages (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  claim_id     uuid not null references claims (id) on delete cascade,
  visibility   text not null check (visibility in ('internal', 'owner')),
  author_type  text not null check (author_type in ('owner', 'staff', 'api_key', 'system')),
  author_id    uuid,
  author_label text not null,
  body         text not null,
  created_at   timestamptz not null default clock_timestamp(),
  check (author_type <> 'owner' or visibility = 'owner')
);
create index claim_messages_claim on claim_messages (claim_id, created_at, id);
select enable_tenant_isolation('claim_messages');
comment on column claim_messages.body is 'personal data';

-- Photos the owner sent and files agents attached; internal ones are not shown to the owner.
create table claim_attachments (
  id             uuid primary key default uuid_v7(),
  brand_id       uuid not null references brands (id) on delete cascade,
  claim_id       uuid not null references claims (id) on delete cascade,
  file_id        uuid not null references files (id) on delete cascade,
  visibility     text not null check (visibility in ('internal', 'owner')),
  added_by_type  text not null check (added_by_type in ('owner', 'staff', 'api_key', 'system')),
  added_by_id    uuid,
  added_by_label text not null,
  created_at     timestamptz not null default clock_timestamp(),
  unique (claim_id, file_id)
);
create index claim_attachments_claim on claim_attachments (claim_id, created_at);
select enable_tenant_isolation('claim_attachments');

-- What can be wrong with a product, per product category (models.category). A brand with no rows for
-- a category gets OpenOX's defaults.
create table claim_problem_categories (
  id               uuid primary key default uuid_v7(),
  brand_id         uuid not null references brands (id) on delete cascade,
  product_category text not null,
  code             text not null check (code ~ '^[a-z0-9_]{1,60}$'),
  label            text not null,
  position         integer not null,
  unique (brand_id, product_category, code),
  unique (brand_id, product_category, position)
);
select enable_tenant_isolation('claim_problem_categories');

-- Hard opt-outs: a recipient who said stop, or whose address bounces or complained, gets nothing but
-- safety notices on that channel, whatever any consent or message class says.
create table suppressions (
  id         uuid primary key default uuid_v7(),
  brand_id   uuid not null references brands (id) on delete cascade,
  channel    text not null check (channel in ('email', 'sms')),
  recipient  text not null check (recipient = lower(recipient)),
  reason     text not null check (reason in ('opted_out', 'bounced', 'complained')),
  created_at timestamptz not null default now(),
  unique (brand_id, channel, recipient)
);
select enable_tenant_isolation('suppressions');
comment on column suppressions.recipient is 'personal data';

alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check check (status in ('queued', 'sending', 'sent', 'failed', 'logged', 'suppressed'));
