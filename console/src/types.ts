// Shapes of the OpenOX API's JSON, as served under /api/v1.
import type { Comparison } from '../../src/journeys/condition-facts';

export type Permission =
  | 'catalog:read'
  | 'catalog:write'
  | 'brand:manage'
  | 'staff:read'
  | 'staff:manage'
  | 'api_keys:manage'
  | 'audit:read'
  | 'events:read'
  | 'owners:read'
  | 'owners:write'
  | 'registrations:import'
  | 'messages:read'
  | 'registration_settings:manage'
  | 'claims:read'
  | 'claims:write'
  | 'templates:manage'
  | 'telemetry:write'
  | 'journeys:read'
  | 'journeys:write'
  | 'messaging:manage';

export const roles = ['admin', 'marketer', 'agent', 'analyst'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  kind: 'staff' | 'api_key';
  id: string;
  label: string;
  role: Role;
  permissions: Permission[];
}

export interface Brand {
  id: string;
  slug: string;
  name: string;
  logoUrl: string | null;
  logoFileId: string | null;
  primaryColor: string;
  accentColor: string;
  isDemo: boolean;
}

export interface Session {
  principal: Principal;
  brand: Brand;
  csrfToken: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface SerialRule {
  mask: string;
  description?: string;
}

export interface Warranty {
  partsMonths: number;
  labourMonths: number;
  startsAt: 'purchase' | 'delivery' | 'registration';
  proofRequired: 'none' | 'receipt' | 'receipt_and_serial_photo';
  transferable: boolean;
  noProofGraceMonths: number;
}

export interface MaintenanceTask {
  name: string;
  intervalDays: number;
  instructions: string;
}

export interface ModelInput {
  name: string;
  sku: string;
  category: string;
  description: string;
  imageFileId: string | null;
  gtins: string[];
  serialRules: SerialRule[];
  warranty: Warranty;
  maintenanceSchedule: MaintenanceTask[];
}

export interface Model extends ModelInput {
  id: string;
  imageUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export const resourceKinds = ['manual', 'quick_start', 'video', 'faq', 'troubleshooting'] as const;
export const resourceStages = ['unboxing', 'onboarding', 'enjoying', 'sharing', 'caring'] as const;

export interface ResourceInput {
  kind: (typeof resourceKinds)[number];
  title: string;
  stage: (typeof resourceStages)[number];
  language: string;
  url: string | null;
  fileId: string | null;
  body: string;
}

export interface Resource extends ResourceInput {
  id: string;
  modelId: string;
  fileUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export type FilePurpose = 'image' | 'document' | 'logo';

export interface StoredFile {
  id: string;
  url: string;
  contentType: string;
  byteSize: number;
  originalName: string;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  changes: Record<string, unknown> | null;
  requestId: string | null;
}

export interface ActivityRow {
  day: string;
  type: string;
  count: number;
}

export interface ModelRef {
  id: string;
  name: string;
  sku: string;
}

export const registrationSources = ['qr', 'web', 'api', 'import', 'console'] as const;
export type RegistrationSource = (typeof registrationSources)[number];
export type IdentifiedBy = 'qr' | 'barcode' | 'photo' | 'typed';
export type OwnershipStatus = 'active' | 'transferred' | 'retired';
export type ConsentChannel = 'email' | 'sms';
export type ConsentSource = 'registration_page' | 'owner_page' | 'api' | 'import' | 'console' | 'preference_centre' | 'unsubscribe_link' | 'sms_keyword';

export interface OwnerSummary {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  country: string | null;
  safetyOnly: boolean;
  productCount: number;
  createdAt: string;
}

export interface OwnerProduct {
  id: string;
  model: ModelRef;
  serial: string | null;
  purchaseDate: string | null;
  retailer: string | null;
  status: OwnershipStatus;
  stage: (typeof resourceStages)[number];
  source: RegistrationSource;
  identifiedBy: IdentifiedBy;
  proofStatus: 'none' | 'submitted' | 'verified' | 'rejected';
  proofFileUrl: string | null;
  registeredAt: string;
  safetyOnly: boolean;
  manufacturedOn: string | null;
}

export interface ConsentState {
  channel: ConsentChannel;
  granted: boolean;
  wordingVersion: string;
  source: ConsentSource;
  recordedAt: string;
}

export interface ConsentRecord extends ConsentState {
  id: string;
  wording: string;
  language: string;
  ip: string | null;
  userAgent: string | null;
}

export interface RegistrationConflict {
  id: string;
  claimant: { id: string; name: string; email: string };
  claimedPurchaseDate: string | null;
  claimedRetailer: string | null;
  source: string;
  ownership: { id: string; model: ModelRef; serial: string | null; holder: { id: string; name: string } };
  createdAt: string;
  resolvedAt: string | null;
}

export interface OwnerDetail {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  address: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  language: string;
  safetyOnly: boolean;
  createdAt: string;
  ownerships: OwnerProduct[];
  consents: ConsentState[];
  consentHistory: ConsentRecord[];
  conflicts: RegistrationConflict[];
}

export interface Registration {
  id: string;
  owner: { id: string; name: string; email: string };
  model: ModelRef;
  serial: string | null;
  purchaseDate: string | null;
  retailer: string | null;
  source: RegistrationSource;
  identifiedBy: IdentifiedBy;
  status: OwnershipStatus;
  registeredAt: string;
}

export interface RegistrationSettingsInput {
  retailers: string[];
  countries: string[];
  supportEmail: string | null;
  supportPhone: string | null;
  supportUrl: string | null;
  accessoriesUrl: string | null;
  reviewUrl: string | null;
  /** Keyed `<COUNTRY>:<language>`, e.g. `US:es`. */
  rightsStatements: Record<string, string>;
  /** Keyed `email:<language>` or `sms:<language>`. */
  consentWordings: Record<string, string>;
}

export interface RegistrationSettings extends RegistrationSettingsInput {
  /** null while the brand still uses the defaults. */
  updatedAt: string | null;
}

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'logged' | 'suppressed' | 'held' | 'expired' | 'delivered' | 'undelivered';

export interface OutboxMessage {
  id: string;
  ownerId: string | null;
  channel: ConsentChannel;
  class: 'safety' | 'service' | 'marketing' | 'compliance';
  template: string;
  recipient: string;
  subject: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** Why it was held, expired or suppressed (quiet_hours, frequency_cap, no_consent, …). */
  statusReason: string | null;
  holdUntil: string | null;
  expiresAt: string | null;
}

export interface MessageStatusEvent {
  status: string;
  detail: string | null;
  source: 'policy' | 'transport' | 'provider';
  at: string;
}

export interface OutboxMessageDetail extends OutboxMessage {
  bodyText: string;
  bodyHtml: string | null;
  history: MessageStatusEvent[];
}

export interface FrequencyCap {
  limit: number;
  periodHours: number;
}

export interface MessagingSettingsInput {
  emailCaps: FrequencyCap[];
  smsCaps: FrequencyCap[];
  emailQuietHours: { start: string; end: string } | null;
  marketingExpiryHours: number;
  smsFrom: string | null;
  smsProgram: string | null;
  smsFrequency: string | null;
}

export interface MessagingSettings extends MessagingSettingsInput {
  /** null while the brand still uses the defaults. */
  updatedAt: string | null;
}

export type RegistrationImportStatus = 'receiving' | 'importing' | 'done' | 'failed';

export interface RegistrationImport {
  id: string;
  fileName: string;
  status: RegistrationImportStatus;
  rowsReceived: number;
  rowsImported: number;
  rowsRejected: number;
  rowsAlreadyRegistered: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportRejection {
  line: number;
  reason: string;
  raw: string;
}

// Journeys (/journeys, /journey-playbook) and the agent tasks their task steps create (/agent-tasks).

export type JourneyStatus = 'off' | 'live' | 'paused';
export type JourneyRunStatus = 'active' | 'completed' | 'converted' | 'exited';

export interface JourneyDuration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

// Conditions compare with the engine's own comparisons (src/journeys/condition-facts.ts: one list for both sides).
export type JourneyComparison = Comparison;
export type JourneyScalar = string | number | boolean | null;

export interface JourneyTest {
  fact: string;
  op: JourneyComparison;
  value?: JourneyScalar | JourneyScalar[];
}

export type JourneyCondition = { all: JourneyCondition[] } | { any: JourneyCondition[] } | { not: JourneyCondition } | JourneyTest;

export type JourneyTrigger =
  | { kind: 'event'; event: string; entry?: 'per_ownership' | 'per_owner' | 'per_event' }
  | { kind: 'date'; attribute: 'purchase_date' | 'registered_at'; offsetDays: number }
  | { kind: 'segment'; segmentId: string; entry?: 'per_ownership' | 'per_owner' | 'per_event' };

export interface JourneyOffer {
  title: string;
  description?: string;
  code?: string;
  url?: string;
  price?: string;
  endsOn?: string;
}

export const lifecycleStages = ['unboxing', 'onboarding', 'enjoying', 'sharing', 'caring'] as const;

export type JourneyStep =
  | { id: string; type: 'wait'; duration: JourneyDuration; next?: string }
  | { id: string; type: 'wait_until'; time: string; next?: string }
  | { id: string; type: 'wait_for_event'; event: string; until?: JourneyCondition; timeout: JourneyDuration; onEvent?: string; onTimeout?: string }
  | { id: string; type: 'branch'; condition: JourneyCondition; then?: string; else?: string }
  | { id: string; type: 'split'; paths: { percent: number; next?: string }[]; holdoutPercent: number }
  | { id: string; type: 'send'; channel: 'email' | 'sms'; template: string; offer?: JourneyOffer; next?: string }
  | { id: string; type: 'update'; stage?: (typeof lifecycleStages)[number]; attribute?: { name: string; value: JourneyScalar }; next?: string }
  | { id: string; type: 'webhook'; url: string; next?: string }
  | { id: string; type: 'task'; title: string; details?: string; next?: string }
  | { id: string; type: 'exit' };
export type JourneyStepType = JourneyStep['type'];

export interface JourneyDefinition {
  trigger: JourneyTrigger;
  conditions: JourneyCondition | null;
  goal: { event: string; withinDays: number } | null;
  steps: JourneyStep[];
}

export interface JourneySummary {
  id: string;
  name: string;
  status: JourneyStatus;
  version: number;
  trigger: JourneyTrigger;
  playbookKey: string | null;
  active: number;
  converted: number;
  updatedAt: string;
}

export interface JourneyStepCounts {
  stepId: string;
  entered: number;
  waiting: number;
  sent: number;
  held: number;
  converted: number;
  exited: number;
}

export interface JourneyCounts {
  entered: number;
  active: number;
  completed: number;
  converted: number;
  exited: number;
  notEligible: number;
  steps: JourneyStepCounts[];
}

export interface JourneyVersion {
  version: number;
  publishedAt: string;
  publishedBy: string;
  active: number;
}

export interface JourneyDetail {
  id: string;
  name: string;
  status: JourneyStatus;
  playbookKey: string | null;
  version: number;
  definition: JourneyDefinition;
  versions: JourneyVersion[];
  counts: JourneyCounts;
}

export interface JourneyRun {
  id: string;
  owner: { id: string; name: string };
  ownershipId: string | null;
  version: number;
  status: JourneyRunStatus;
  stepId: string | null;
  wakeAt: string | null;
  endReason: string | null;
  enteredAt: string;
  endedAt: string | null;
}

export interface PlaybookEntry {
  key: string;
  name: string;
  summary: string;
  journeyId: string | null;
}

export interface JourneyPreviewStep {
  stepId: string;
  type: JourneyStepType | 'entry';
  at: string;
  decision: string;
  message?: { channel: 'email' | 'sms'; recipient: string | null; subject: string; text: string };
}

export type AgentTaskStatus = 'open' | 'done';

export interface AgentTask {
  id: string;
  owner: { id: string; name: string };
  product: { ownershipId: string; modelName: string; serial: string | null } | null;
  title: string;
  details: string | null;
  status: AgentTaskStatus;
  journey: { id: string; name: string; stepId: string | null } | null;
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
}
