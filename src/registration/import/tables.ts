import type { Generated } from 'kysely';

export type ImportStatus = 'receiving' | 'importing' | 'done' | 'failed';

export interface ImportTables {
  registration_imports: {
    id: Generated<string>;
    brand_id: string;
    file_name: string;
    header: string;
    status: Generated<ImportStatus>;
    consent_wording: string | null;
    rows_received: Generated<number>;
    rows_imported: Generated<number>;
    rows_rejected: Generated<number>;
    rows_already_registered: Generated<number>;
    through_lines: Generated<number[]>;
    error: string | null;
    created_by: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    finished_at: Date | null;
  };
  registration_import_rejections: {
    brand_id: string;
    import_id: string;
    line: number;
    reason: string;
    raw: string;
  };
}
