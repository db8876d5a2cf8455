import type { Generated } from 'kysely';
import type { LifecycleStage } from '../catalog/model-schema.ts';

export type RegistrationSource = 'qr' | 'web' | 'api' | 'import' | 'console';
export type IdentifiedBy = 'qr' | 'barcode' | 'photo' | 'typed';
export type ProofStatus = 'none' | 'submitted' | 'verified' | 'rejected';
export type OwnershipStatus = 'active' | 'transferred' | 'retired';

export interface RegistrationTables {
  registration_settings: {
    brand_id: string;
    retailers: Generated<string[]>;
    countries: Generated<string[]>;
    support_email: string | null;
    support_phone: string | null;
    support_url: string | null;
    accessories_url: string | null;
    review_url: string | null;
    rights_statements: Generated<Record<string, string>>;
    consent_wordings: Generated<Record<string, string>>;
    updated_at: Generated<Date>;
  };
  ownerships: {
    id: Generated<string>;
    brand_id: string;
    owner_id: string;
    model_id: string;
    serial: string | null;
    lot: string | null;
    variant: string | null;
    purchase_date: string | null;
    retailer: string | null;
    postal_code: string | null;
    country: string | null;
    manufactured_on: string | null;
    delivered_on: Generated<string | null>;
    stage: Generated<LifecycleStage>;
    status: Generated<OwnershipStatus>;
    safety_only: Generated<boolean>;
    source: RegistrationSource;
    identified_by: Generated<IdentifiedBy>;
    proof_file_id: string | null;
    proof_status: Generated<ProofStatus>;
    submission_id: string | null;
    confirmation_token_hash: Buffer | null;
    import_id: string | null;
    transferred_from_id: Generated<string | null>;
    ended_at: Generated<Date | null>;
    registered_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  registration_conflicts: {
    id: Generated<string>;
    brand_id: string;
    existing_ownership_id: string;
    claimant_owner_id: string;
    purchase_date: string | null;
    retailer: string | null;
    source: string;
    created_at: Generated<Date>;
    resolved_at: Date | null;
  };
}
