import type { Generated } from 'kysely';

export interface TelemetryTables {
  product_telemetry: {
    id: string;
    brand_id: string;
    ownership_id: string;
    type: string;
    data: unknown;
    occurred_at: Date;
    received_at: Generated<Date>;
    /** The product's own id for the event: a second event with it is the same event. */
    event_id: string | null;
  };
}
