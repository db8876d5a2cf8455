import type { Generated } from 'kysely';

export interface SegmentTables {
  segments: {
    id: Generated<string>;
    brand_id: string;
    name: string;
    description: string | null;
    condition: unknown;
    member_count: Generated<number>;
    refreshed_at: Date | null;
    last_entered: Generated<number>;
    last_left: Generated<number>;
    refresh_requested_at: Generated<Date>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  segment_members: {
    brand_id: string;
    segment_id: string;
    ownership_id: string;
    owner_id: string;
    entered_at: Generated<Date>;
  };
}
