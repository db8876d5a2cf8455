// Shapes of the OpenOX API's JSON, as served under /api/v1.

export type Permission =
  | 'catalog:read'
  | 'catalog:write'
  | 'brand:manage'
  | 'staff:read'
  | 'staff:manage'
  | 'api_keys:manage'
  | 'audit:read'
  | 'events:read';

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
  startsAt: 'purchase' | 'registration';
  proofRequired: 'none' | 'receipt' | 'receipt_and_serial_photo';
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
