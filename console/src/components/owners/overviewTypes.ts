// Shapes of the agent desk's JSON: search hits (/owners?q=), the 360° view (/owners/:id/overview) and calls.
import type { ClaimSummary, Coverage } from '../claims/claimTypes';
import type { OwnerDetail, OwnerProduct, OwnerSummary } from '../../types';

export type MatchKind = 'email' | 'phone' | 'serial' | 'claim' | 'name';

export interface OwnerMatch {
  on: MatchKind;
  ownershipId: string | null;
  ownershipStatus: OwnerProduct['status'] | null;
  claimId: string | null;
  claimNumber: string | null;
}

export interface OwnerHit extends OwnerSummary {
  matches: OwnerMatch[];
}

export type MaintenanceStatus = 'overdue' | 'due_soon' | 'ok';

export interface OwnershipMaintenance {
  ownershipId: string;
  startsOn: string;
  basis: 'purchase_date' | 'registration_date';
  tasks: { taskId: string; name: string; intervalDays: number; lastDoneOn: string | null; dueOn: string; daysUntilDue: number; status: MaintenanceStatus }[];
}

export interface OwnerOverviewProduct extends OwnerProduct {
  endedAt: string | null;
  coverage: Coverage | null;
  maintenance: OwnershipMaintenance | null;
  openClaims: number | null;
}

export const callDirections = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof callDirections)[number];
export const callOutcomes = ['resolved', 'follow_up', 'claim_filed', 'escalated', 'no_answer', 'left_voicemail'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export interface CallLog {
  id: string;
  ownerId: string;
  ownershipId: string | null;
  claimId: string | null;
  direction: CallDirection;
  startedAt: string;
  durationSeconds: number;
  outcome: CallOutcome;
  notes: string;
  loggedBy: { staffId: string | null; label: string };
  createdAt: string;
}

export interface TimelineActor {
  type: 'owner' | 'staff' | 'api_key' | 'system';
  id: string | null;
  label: string;
}

export interface TimelineEvent {
  id: string;
  type: string;
  subjectType: string;
  subjectId: string | null;
  at: string;
  actor: TimelineActor | null;
  payload: Record<string, unknown>;
}

export interface TimelineEntry {
  id: string;
  type: string;
  subjectType: string;
  subjectId: string | null;
  actor: TimelineActor | null;
  firstAt: string;
  lastAt: string;
  count: number;
  events: TimelineEvent[];
}

/** One event a connected product reported (GET /ownerships/:id/telemetry). */
export interface TelemetryEvent {
  id: string;
  ownershipId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  receivedAt: string;
  eventId: string | null;
}

export interface OwnershipTelemetry {
  ownershipId: string;
  latestByType: TelemetryEvent[];
  recent: TelemetryEvent[];
}

export interface OwnerOverview extends Omit<OwnerDetail, 'ownerships'> {
  ownerships: OwnerOverviewProduct[];
  preferredChannel: { channel: 'email' | 'sms' | 'phone'; basis: 'latest_claim' | 'consent' | 'email' };
  claims: ClaimSummary[] | null;
  calls: CallLog[];
  productTelemetry: OwnershipTelemetry[];
  timeline: TimelineEntry[];
}
