import type { Generated } from 'kysely';

export interface EventTables {
  events: {
    id: Generated<string>;
    brand_id: string;
    type: string;
    subject_type: string;
    subject_id: string | null;
    payload: unknown;
    occurred_at: Generated<Date>;
  };
  event_deliveries: {
    consumer: string;
    event_id: string;
    brand_id: string;
    delivered_at: Generated<Date>;
  };
  daily_event_counts: {
    brand_id: string;
    day: string;
    type: string;
    count: number;
  };
}
