import type { Generated } from 'kysely';

export type ConsentChannel = 'email' | 'sms';
export const consentSources = ['registration_page', 'owner_page', 'api', 'import', 'console', 'preference_centre', 'unsubscribe_link', 'sms_keyword'] as const;
export type ConsentSource = (typeof consentSources)[number];

export interface OwnerTables {
  owners: {
    id: Generated<string>;
    brand_id: string;
    email: string;
    name: string;
    phone: string | null;
    address: string | null;
    city: string | null;
    region: string | null;
    postal_code: string | null;
    country: string | null;
    language: Generated<string>;
    safety_only: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    /** An IANA time zone the owner chose; null: worked out from their address when needed. */
    time_zone: Generated<string | null>;
    /** Values journey steps set, for later conditions (`attributes.<name>`). */
    attributes: Generated<unknown>;
  };
  consent_records: {
    id: Generated<string>;
    brand_id: string;
    owner_id: string;
    channel: ConsentChannel;
    granted: boolean;
    wording: string;
    wording_version: string;
    language: string;
    source: ConsentSource;
    ip: string | null;
    user_agent: string | null;
    recorded_at: Generated<Date>;
  };
  /** A view: the latest consent record per owner and channel. */
  owner_consents: {
    brand_id: string;
    owner_id: string;
    channel: ConsentChannel;
    granted: boolean;
    wording_version: string;
    source: ConsentSource;
    recorded_at: Date;
  };
  owner_sign_in_tokens: {
    id: Generated<string>;
    brand_id: string;
    owner_id: string;
    link_hash: Buffer;
    code_hash: Buffer;
    code_attempts: Generated<number>;
    created_at: Generated<Date>;
    expires_at: Date;
    used_at: Date | null;
  };
  owner_sessions: {
    id: Generated<string>;
    brand_id: string;
    owner_id: string;
    token_hash: Buffer;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Date;
  };
}
