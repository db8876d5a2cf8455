/** Staff roles, from the brand's point of view. API keys carry a role too. */
export const roles = ['admin', 'marketer', 'agent', 'analyst'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'catalog:read',
  'catalog:write',
  'brand:manage',
  'staff:read',
  'staff:manage',
  'api_keys:manage',
  'audit:read',
  'events:read',
  'owners:read',
  'owners:write',
  'registrations:import',
  'messages:read',
  'registration_settings:manage',
  'claims:read',
  'claims:write',
  'templates:manage',
  'telemetry:write',
  'journeys:read',
  'journeys:write',
  'messaging:manage',
] as const;
export type Permission = (typeof permissions)[number];

/** The one place that decides what each role may do. */
const grants: Readonly<Record<Role, readonly Permission[]>> = {
  admin: permissions,
  // Marketers set the messaging rules (caps, quiet hours, the SMS programme) and record bounces.
  marketer: ['catalog:read', 'events:read', 'owners:read', 'messages:read', 'templates:manage', 'journeys:read', 'journeys:write', 'messaging:manage'],
  // Agents register products for callers and correct their details.
  agent: ['catalog:read', 'owners:read', 'owners:write', 'messages:read', 'claims:read', 'claims:write'],
  // Analysts see numbers, not people.
  analyst: ['catalog:read', 'events:read', 'journeys:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return grants[role];
}
