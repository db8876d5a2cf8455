import type { Generated } from 'kysely';
import type { FilePurpose } from './files.ts';

export interface FileTables {
  files: {
    id: Generated<string>;
    brand_id: string;
    purpose: FilePurpose;
    content_type: string;
    byte_size: number;
    sha256: Buffer;
    original_name: string;
    content: Buffer;
    created_at: Generated<Date>;
  };
}
