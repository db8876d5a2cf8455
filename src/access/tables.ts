import type { Generated } from 'kysely';
import type { Role } from './permissions.ts';

export interface AccessTables {
  staff_users: {
    id: Generated<string>;
    brand_id: string;
    email: string;
    name: string;
    role: Role;
    password_hash: string;
    disabled_at: Date | null;
    last_sign_in_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  staff_sessions: {
    id: Generated<string>;
    brand_id: string;
    user_id: string;
    token_hash: Buffer;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Date;
  };
  sign_in_attempts: {
    email: string;
    ip: string | null;
    succeeded: boolean;
    attempted_at: Generated<Date>;
  };
  api_keys: {
    id: Generated<string>;
    brand_id: string;
    name: string;
    role: Role;
    prefix: string;
    secret_hash: Buffer;
    created_by: string | null;
    created_at: Generated<Date>;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
  audit_log: {
    id: Generated<string>;
    brand_id: string;
    actor_type: 'staff' | 'api_key' | 'system' | 'owner';
    actor_id: string | null;
    actor_label: string;
    action: string;
    subject_type: string;
    subject_id: string | null;
    changes: unknown;
    request_id: string | null;
    at: Generated<Date>;
  };
}
