import type { Generated } from 'kysely';

export interface BrandTables {
  brands: {
    id: Generated<string>;
    slug: string;
    name: string;
    logo_file_id: string | null;
    primary_color: Generated<string>;
    accent_color: Generated<string>;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
