import type { Generated } from 'kysely';
import type { CarePlanCover } from './entitlement.ts';

export interface WarrantyTables {
  care_plans: {
    id: Generated<string>;
    brand_id: string;
    ownership_id: string;
    name: string;
    covers: CarePlanCover;
    starts_on: string;
    ends_on: string;
    transferable: Generated<boolean>;
    price_minor: number | null;
    currency: string | null;
    reference: string | null;
    created_by: string;
    created_at: Generated<Date>;
    cancelled_at: Date | null;
  };
  warranty_settings: {
    brand_id: string;
    expiry_notice_days: Generated<number>;
    updated_at: Generated<Date>;
  };
  warranty_expiry_notices: {
    brand_id: string;
    ownership_id: string;
    ends_on: string;
    created_at: Generated<Date>;
  };
}
