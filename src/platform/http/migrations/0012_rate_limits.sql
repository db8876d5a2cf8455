-- Fixed-window counters for public lookups (serial scans, owner sign-in). Kept in the database so
-- every web process shares them; old windows are purged hourly.
create table rate_limit_windows (
  bucket       text not null,
  subject      text not null,
  window_start timestamptz not null,
  hits         integer not null default 0,
  primary key (bucket, subject, window_start)
);
