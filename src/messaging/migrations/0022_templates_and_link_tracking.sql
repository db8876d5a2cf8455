-- Message templates a brand writes (per channel, with one content per language), and the click
-- tracker: every link in a rendered message becomes a token row, every visit of it a click row.

create table message_templates (
  id               uuid primary key default uuid_v7(),
  brand_id         uuid not null references brands (id) on delete cascade,
  -- What journeys and the API name the template by; it never changes once made.
  key              text not null check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  name             text not null,
  channel          text not null check (channel in ('email', 'sms')),
  class            text not null check (class in ('safety', 'service', 'marketing')),
  -- The content an owner gets when there is none in their own language.
  default_language text not null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (brand_id, key)
);
create index message_templates_brand on message_templates (brand_id, id);
select enable_tenant_isolation('message_templates');

create table message_template_contents (
  template_id  uuid not null references message_templates (id) on delete cascade,
  brand_id     uuid not null references brands (id) on delete cascade,
  language     text not null check (language ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  subject      text not null default '',
  body         text not null,
  button_label text,
  button_url   text,
  updated_at   timestamptz not null default now(),
  primary key (template_id, language),
  check ((button_label is null) = (button_url is null))
);
select enable_tenant_isolation('message_template_contents');

-- A link of a rendered message. Rendering comes before the message row exists, so a link names its
-- message by the message's dedupe key (unique per brand in `messages`): rendering again for the same
-- message finds the same rows and tokens. Links rendered for no particular message are shared by a
-- campaign (same campaign, template, channel and address: one token).
create table message_links (
  id           uuid primary key default uuid_v7(),
  brand_id     uuid not null references brands (id) on delete cascade,
  token        text not null unique,
  dedupe_key   text,
  owner_id     uuid references owners (id) on delete cascade,
  channel      text not null check (channel in ('email', 'sms')),
  campaign     text not null,
  template_key text not null,
  url          text not null check (url ~* '^https?://'),
  created_at   timestamptz not null default now()
);
create unique index message_links_message on message_links (brand_id, dedupe_key, url) where dedupe_key is not null;
create unique index message_links_campaign on message_links (brand_id, campaign, template_key, channel, url) where dedupe_key is null;
create index message_links_owner on message_links (owner_id) where owner_id is not null;
-- A campaign's click report groups its links by address.
create index message_links_report on message_links (brand_id, campaign, template_key, url);
select enable_tenant_isolation('message_links');

create table message_clicks (
  id              uuid primary key default uuid_v7(),
  brand_id        uuid not null references brands (id) on delete cascade,
  link_id         uuid not null references message_links (id) on delete cascade,
  clicked_at      timestamptz not null default now(),
  -- A hash, not the user agent itself: enough to tell a mail scanner's repeats from a person.
  user_agent_hash text
);
create index message_clicks_link on message_clicks (link_id, clicked_at);
select enable_tenant_isolation('message_clicks');

-- A click arrives with a token and nothing else: this finds the link before any brand is known,
-- and answers only for that one token.
create or replace function message_link_by_token(candidate text) returns table (id uuid, brand_id uuid)
language sql stable security definer set search_path = public, pg_temp as $$
  select l.id, l.brand_id from message_links l where l.token = candidate
$$;
