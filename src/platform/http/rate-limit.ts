import { sql } from 'kysely';
import type { Db } from '../database/database.ts';

export interface RateLimit {
  readonly bucket: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/**
 * Counts `hits` (one request, or the items of a batch) for `subject` (an IP, an email, an API key) in
 * the current window and says whether it is still within the limit. Shared by every web process
 * through the database; cheap: one upsert.
 */
export async function withinRateLimit(db: Db, rule: RateLimit, subject: string, hits = 1): Promise<boolean> {
  const { rows } = await sql<{ hits: number }>`
    insert into rate_limit_windows (bucket, subject, window_start, hits)
    values (${rule.bucket}, ${subject}, to_timestamp(floor(extract(epoch from now()) / ${rule.windowSeconds}) * ${rule.windowSeconds}), ${hits})
    on conflict (bucket, subject, window_start) do update set hits = rate_limit_windows.hits + excluded.hits
    returning hits`.execute(db);
  return (rows[0]?.hits ?? 0) <= rule.limit;
}
