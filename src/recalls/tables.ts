import type { Generated } from 'kysely';

export interface RecallTables {
  recalls: {
    id: Generated<string>;
    brand_id: string;
    model_id: string;
    title: string;
    hazard: string;
    remedy: string;
    url: string | null;
    /** Null: every unit of the model. */
    serials: string[] | null;
    manufactured_from: string | null;
    manufactured_to: string | null;
    announced_on: Generated<string>;
    closed_at: Date | null;
    created_at: Generated<Date>;
  };
}
