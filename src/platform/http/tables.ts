import type { Generated } from 'kysely';

export interface HttpTables {
  idempotency_keys: {
    brand_id: string;
    key: string;
    fingerprint: string;
    status_code: number;
    response: unknown;
    created_at: Generated<Date>;
  };
  rate_limit_windows: {
    bucket: string;
    subject: string;
    window_start: Date;
    hits: Generated<number>;
  };
}
