import type { Generated } from 'kysely';
import type { ServiceKind } from './service-centre-schema.ts';

export type MaintenanceLoggedBy = 'owner' | 'staff';

export interface CareTables {
  maintenance_logs: {
    id: Generated<string>;
    brand_id: string;
    ownership_id: string;
    task_id: string | null;
    task_name: string;
    done_on: string;
    logged_by: MaintenanceLoggedBy;
    actor_label: string | null;
    note: Generated<string>;
    created_at: Generated<Date>;
  };
  maintenance_due_notices: {
    brand_id: string;
    ownership_id: string;
    task_key: string;
    due_on: string;
    task_id: string | null;
    published_at: Generated<Date>;
  };
  service_centres: {
    id: Generated<string>;
    brand_id: string;
    name: string;
    address_line1: string;
    address_line2: string | null;
    city: string;
    region: string | null;
    postal_code: string;
    country: string;
    phone: string | null;
    email: string | null;
    url: string | null;
    services: Generated<ServiceKind[]>;
    latitude: number;
    longitude: number;
    active: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
