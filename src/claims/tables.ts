import type { ColumnType, Generated } from 'kysely';
import type { ClaimStatus, FulfilmentKind } from './claim-lifecycle.ts';

export type ClaimKind = 'warranty' | 'service';
/** How the owner wants to be reached about the claim. */
export type ContactChannel = 'email' | 'phone' | 'sms';
export type ClaimSource = 'owner_page' | 'api' | 'console';
/** Who did something on a claim: the owner, a staff user, a brand system (API key) or OpenOX itself. */
export type ClaimActorType = 'owner' | 'staff' | 'api_key' | 'system';
export type ClaimVisibility = 'internal' | 'owner';

// jsonb: written as JSON text, read back as the parsed value.
type Json<T> = ColumnType<T, string, string>;

export interface ClaimTables {
  claim_number_counters: {
    brand_id: string;
    last_number: number;
  };
  claims: {
    id: Generated<string>;
    brand_id: string;
    number: string;
    ownership_id: string;
    owner_id: string;
    model_id: string;
    kind: ClaimKind;
    paid_service: Generated<boolean>;
    service_note: string | null;
    problem_category: string;
    problem_label: string;
    description: string;
    video_url: string | null;
    contact_channels: ContactChannel[];
    contact_phone: string | null;
    status: Generated<ClaimStatus>;
    status_changed_at: Generated<Date>;
    assignee_id: string | null;
    rma_number: string | null;
    denial_reason: string | null;
    fulfilment_kind: FulfilmentKind | null;
    repair_booked_for: Date | null;
    carrier: string | null;
    tracking_number: string | null;
    refund_amount_minor: number | null;
    refund_currency: string | null;
    coverage: Json<unknown>;
    proof_requested: Generated<boolean>;
    first_response_at: Date | null;
    resolved_at: Date | null;
    closed_at: Date | null;
    source: ClaimSource;
    created_by_type: ClaimActorType;
    created_by_id: string | null;
    created_by_label: string;
    submission_id: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  claim_transitions: {
    id: Generated<string>;
    brand_id: string;
    claim_id: string;
    from_status: ClaimStatus | null;
    to_status: ClaimStatus;
    reason: string | null;
    actor_type: ClaimActorType;
    actor_id: string | null;
    actor_label: string;
    at: Generated<Date>;
  };
  claim_messages: {
    id: Generated<string>;
    brand_id: string;
    claim_id: string;
    visibility: ClaimVisibility;
    author_type: ClaimActorType;
    author_id: string | null;
    author_label: string;
    body: string;
    created_at: Generated<Date>;
  };
  claim_attachments: {
    id: Generated<string>;
    brand_id: string;
    claim_id: string;
    file_id: string;
    visibility: ClaimVisibility;
    added_by_type: ClaimActorType;
    added_by_id: string | null;
    added_by_label: string;
    created_at: Generated<Date>;
  };
  claim_problem_categories: {
    id: Generated<string>;
    brand_id: string;
    product_category: string;
    code: string;
    label: string;
    position: number;
  };
}
