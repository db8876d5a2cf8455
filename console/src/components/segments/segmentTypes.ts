// Shapes of /api/v1/segments.
import type { JourneyCondition, JourneyStatus } from '../../types';

export interface SegmentSummary {
  id: string;
  name: string;
  description: string | null;
  condition: JourneyCondition;
  memberCount: number;
  refreshedAt: string | null;
  lastEntered: number;
  lastLeft: number;
  /** A refresh was asked for and has not run yet. */
  refreshPending: boolean;
  updatedAt: string;
}

export interface SegmentDetail extends SegmentSummary {
  journeys: { id: string; name: string; status: JourneyStatus }[];
}

export interface SegmentMember {
  ownershipId: string;
  ownerId: string;
  ownerName: string;
  ownerEmail: string;
  modelName: string;
  serial: string | null;
  enteredAt: string;
}

export interface SegmentPreview {
  count: number;
  sample: Omit<SegmentMember, 'enteredAt'>[];
}
