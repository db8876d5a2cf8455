-- Reviews owners write about their products. Every review is published the moment it is written,
-- whatever its rating: nothing here filters, delays or hides a review by rating or sentiment. A brand
-- may remove one only for a reason from a fixed list (audited), never for being negative.

create table reviews (
  id             uuid primary key default uuid_v7(),
  brand_id       uuid not null references brands (id) on delete cascade,
  -- One review per ownership: writing again edits it.
  ownership_id   uuid not null references ownerships (id) on delete cascade,
  owner_id       uuid not null references owners (id) on delete cascade,
  model_id       uuid not null references models (id) on delete cascade,
  rating         smallint not null check (rating between 1 and 5),
  title          text not null default '' check (length(title) <= 120),
  body           text not null check (length(body) between 1 and 5000),
  -- The language the owner wrote in (the page's), so a shop can show reviews in its own.
  language       text not null check (language ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  -- How the author is shown publicly: first name and the initial of the last ("Ana T."), taken when
  -- the review is written, so public reads never touch the owner's record (empty: no name to show).
  author_name    text not null check (length(author_name) <= 80),
  -- True when written by the owner of an active ownership of the model (the only way OpenOX takes a
  -- review today); kept as a column so reviews imported from elsewhere can say false.
  verified_owner boolean not null,
  status         text not null default 'published' check (status in ('published', 'removed')),
  removed_reason text check (removed_reason in ('abusive', 'personal_data', 'not_about_product', 'spam')),
  removed_at     timestamptz,
  removed_by     text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  unique (ownership_id),
  check ((status = 'removed') = (removed_reason is not null and removed_at is not null))
);
-- The public feed and page of a model: its published reviews, newest first, and their summary.
create index reviews_model_published on reviews (brand_id, model_id, id desc) where status = 'published';
-- The console's list, newest first, by model and rating.
create index reviews_brand on reviews (brand_id, id desc);
create index reviews_brand_model on reviews (brand_id, model_id, rating, id desc);
create index reviews_owner on reviews (owner_id);
select enable_tenant_isolation('reviews');

comment on column reviews.title is 'personal data';
comment on column reviews.body is 'personal data';
comment on column reviews.author_name is 'personal data: first name and last initial, shown publicly';
comment on column reviews.removed_by is 'personal data: a staff email for staff';
