-- The secret a brand's outbound webhooks (journey webhook steps) are signed with, after the Standard
-- Webhooks specification: HMAC-SHA256, shown to the brand as `whsec_<base64>`. One per brand, made
-- the first time it is needed. It is kept as it is, not hashed: signing needs the secret itself.
create table webhook_signing_secrets (
  brand_id            uuid primary key references brands (id) on delete cascade,
  secret              text not null check (secret like 'whsec\_%'),
  -- After a rotation the previous secret signs beside the new one until previous_expires_at, so a
  -- receiver keeps verifying while its configuration is changed over.
  previous_secret     text check (previous_secret like 'whsec\_%'),
  previous_expires_at timestamptz,
  created_at          timestamptz not null default now(),
  rotated_at          timestamptz,
  check ((previous_secret is null) = (previous_expires_at is null))
);
select enable_tenant_isolation('webhook_signing_secrets');
