import type { Generated } from 'kysely';

export const callDirections = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof callDirections)[number];

/** How a call ended, for the agent who picks the owner up next. */
export const callOutcomes = ['resolved', 'follow_up', 'claim_filed', 'escalated', 'no_answer', 'left_voicemail'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export interface AgentTables {
  call_logs: {
    id: Generated<string>;
    brand_id: string;
    owner_id: string;
    ownership_id: string | null;
    claim_id: string | null;
    staff_id: string | null;
    logged_by_label: string;
    direction: CallDirection;
    started_at: Date;
    duration_seconds: number;
    outcome: CallOutcome;
    notes: Generated<string>;
    created_at: Generated<Date>;
  };
}
