// Shapes of the OpenOX API's JSON, as served under /api/v1.

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
  | 'claims:write';

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
export type ConsentSource = 'registration_page' | 'owner_page' | 'api' | 'import' | 'console';

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

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'logged' | 'suppressed';

export interface OutboxMessage {
  id: string;
  ownerId: string | null;
  channel: ConsentChannel;
  class: 'safety' | 'service' | 'marketing';
  template: string;
  recipient: string;
  subject: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxMessageDetail extends OutboxMessage {
  bodyText: string;
  bodyHtml: string | null;
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
