import type { Generated } from 'kysely';

export type JourneyStatus = 'off' | 'live' | 'paused';
export type RunStatus = 'active' | 'completed' | 'converted' | 'exited';

export interface JourneyTables {
  journeys: {
    id: Generated<string>;
    brand_id: string;
    name: string;
    status: Generated<JourneyStatus>;
    playbook_key: string | null;
    current_version_id: string | null;
    live_since: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  journey_versions: {
    id: Generated<string>;
    brand_id: string;
    journey_id: string;
    version: number;
    definition: unknown;
    trigger_kind: 'event' | 'date' | 'segment';
    trigger_event: string | null;
    trigger_segment_id: Generated<string | null>;
    goal_event: string | null;
    published_at: Generated<Date>;
    published_by: string;
  };
  journey_runs: {
    id: Generated<string>;
    brand_id: string;
    journey_id: string;
    journey_version_id: string;
    owner_id: string;
    ownership_id: string | null;
    entry_key: string;
    status: Generated<RunStatus>;
    step_id: string | null;
    step_started_at: Date | null;
    wake_at: Date | null;
    awaiting_event: string | null;
    event_arrived: Generated<boolean>;
    trigger_payload: Generated<unknown>;
    end_reason: string | null;
    entered_at: Generated<Date>;
    ended_at: Date | null;
  };
  journey_step_log: {
    run_id: string;
    step_id: string;
    brand_id: string;
    journey_version_id: string;
    outcome: string;
    message_id: string | null;
    at: Generated<Date>;
  };
  agent_tasks: {
    id: Generated<string>;
    brand_id: string;
    owner_id: string;
    ownership_id: string | null;
    title: string;
    details: string | null;
    status: Generated<'open' | 'done'>;
    run_id: string | null;
    step_id: string | null;
    created_at: Generated<Date>;
    done_at: Date | null;
    done_by: string | null;
  };
  journey_webhook_calls: {
    id: Generated<string>;
    brand_id: string;
    run_id: string;
    step_id: string;
    url: string;
    payload: unknown;
    status: Generated<'pending' | 'delivered' | 'failed'>;
    attempts: Generated<number>;
    last_status: number | null;
    last_error: string | null;
    created_at: Generated<Date>;
    delivered_at: Date | null;
  };
  webhook_signing_secrets: {
    brand_id: string;
    secret: string;
    previous_secret: string | null;
    previous_expires_at: Date | null;
    created_at: Generated<Date>;
    rotated_at: Date | null;
  };
  worker_heartbeats: {
    worker_id: string;
    beat_at: Generated<Date>;
  };
}
