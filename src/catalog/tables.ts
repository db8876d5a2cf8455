import type { Generated } from 'kysely';
import type { LifecycleStage, ProofRequired, ResourceKind, WarrantyStart } from './model-schema.ts';

export interface CatalogTables {
  models: {
    id: Generated<string>;
    brand_id: string;
    name: string;
    sku: string;
    category: string;
    description: Generated<string>;
    image_file_id: string | null;
    warranty_parts_months: number;
    warranty_labour_months: number;
    warranty_starts_at: WarrantyStart;
    proof_required: ProofRequired;
    warranty_transferable: Generated<boolean>;
    no_proof_grace_months: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  model_gtins: { gtin: string; brand_id: string; model_id: string };
  serial_rules: {
    id: Generated<string>;
    brand_id: string;
    model_id: string;
    position: number;
    mask: string;
    description: string;
  };
  maintenance_tasks: {
    id: Generated<string>;
    brand_id: string;
    model_id: string;
    position: number;
    name: string;
    interval_days: number;
    instructions: Generated<string>;
  };
  resources: {
    id: Generated<string>;
    brand_id: string;
    model_id: string;
    kind: ResourceKind;
    title: string;
    stage: LifecycleStage;
    language: Generated<string>;
    url: string | null;
    file_id: string | null;
    body: Generated<string>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
