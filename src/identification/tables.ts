import type { Generated } from 'kysely';

export type PhotoReadKind = 'label' | 'receipt';

export interface IdentificationTables {
  photo_reads: {
    id: Generated<string>;
    brand_id: string;
    kind: PhotoReadKind;
    file_id: string | null;
    method: 'barcode' | 'ocr' | 'none';
    read: unknown;
    needs_confirmation: boolean;
    problem: 'no_label' | 'unreadable' | 'busy' | null;
    confirmed: unknown | null;
    corrected: boolean | null;
    corrected_fields: string[] | null;
    ownership_id: string | null;
    duration_ms: number;
    created_at: Generated<Date>;
    confirmed_at: Date | null;
  };
}
