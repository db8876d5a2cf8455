// Shapes of the claims API's JSON (/api/v1/claims…), as the console reads them.
import type { StoredFile } from '../../types';

export const claimStatuses = ['submitted', 'in_review', 'needs_info', 'approved', 'denied', 'fulfilment', 'resolved', 'closed'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
export type ClaimVisibility = 'internal' | 'owner';

export interface ClaimActor {
  type: 'owner' | 'staff' | 'api_key' | 'system';
  id: string | null;
  label: string;
}

export interface ClaimSla {
  ageSeconds: number;
  timeInStatusSeconds: number;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
}

export interface ClaimSummary {
  id: string;
  number: string;
  status: ClaimStatus;
  kind: 'warranty' | 'service';
  paidService: boolean;
  problem: { code: string; label: string };
  owner: { id: string; name: string; email: string };
  ownership: { id: string; serial: string | null };
  model: { id: string; name: string; sku: string };
  assignee: { id: string; name: string } | null;
  rmaNumber: string | null;
  createdAt: string;
  statusChangedAt: string;
  sla: ClaimSla;
}

interface CoveragePart {
  covered: boolean;
  until: string | null;
}

export interface Coverage {
  covered: boolean;
  parts: CoveragePart;
  labour: CoveragePart;
  startsOn: string | null;
  basis: string;
  carePlan: { name: string; until: string } | null;
  excludedBecause: string | null;
  /** `text`: the reason in English; claims filed before it existed have only the code. */
  reasons: { code: string; params: Record<string, string>; text?: string }[];
}

export type Fulfilment =
  | { kind: 'repair'; bookedFor: string }
  | { kind: 'replacement'; carrier: string; trackingNumber: string }
  | { kind: 'refund'; amountMinor: number; currency: string };

export interface ClaimDetail extends ClaimSummary {
  description: string;
  videoUrl: string | null;
  contactChannels: ('email' | 'sms' | 'phone')[];
  contactPhone: string | null;
  serviceNote: string | null;
  denialReason: string | null;
  fulfilment: {
    kind: Fulfilment['kind'];
    bookedFor: string | null;
    carrier: string | null;
    trackingNumber: string | null;
    amountMinor: number | null;
    currency: string | null;
  } | null;
  coverage: Coverage;
  currentCoverage: Coverage | null;
  proofRequested: boolean;
  proof: { status: 'none' | 'submitted' | 'verified' | 'rejected'; fileUrl: string | null };
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  source: 'owner_page' | 'api' | 'console';
  createdBy: ClaimActor;
  nextStatuses: ClaimStatus[];
  transitions: { id: string; from: ClaimStatus | null; to: ClaimStatus; reason: string | null; actor: ClaimActor; at: string }[];
  messages: { id: string; visibility: ClaimVisibility; author: ClaimActor; body: string; createdAt: string }[];
  attachments: { id: string; visibility: ClaimVisibility; addedBy: ClaimActor; file: StoredFile; createdAt: string }[];
}

export interface ClaimAssignee {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface ProblemCategory {
  code: string;
  label: string;
}

export interface ProductCategoryProblems {
  productCategory: string;
  custom: boolean;
  categories: ProblemCategory[];
}
