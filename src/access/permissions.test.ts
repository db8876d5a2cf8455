import { describe, expect, it } from 'vitest';
import { can, permissions, permissionsOf, roles } from './permissions.ts';

describe('permissions', () => {
  it.each(permissions)('an admin may %s', (permission) => {
    expect(can('admin', permission)).toBe(true);
  });

  it.each([
    ['marketer', 'catalog:read', true],
    ['marketer', 'catalog:write', false],
    ['marketer', 'api_keys:manage', false],
    ['agent', 'catalog:read', true],
    ['agent', 'events:read', false],
    ['agent', 'staff:manage', false],
    ['analyst', 'events:read', true],
    ['analyst', 'audit:read', false],
    ['analyst', 'brand:manage', false],
    ['agent', 'owners:write', true],
    ['marketer', 'owners:write', false],
    ['analyst', 'owners:read', false],
    ['agent', 'registrations:import', false],
    ['marketer', 'messaging:manage', true],
    ['agent', 'messaging:manage', false],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('only admins manage staff, keys, the brand and read the audit log', () => {
    const adminOnly = ['staff:manage', 'api_keys:manage', 'brand:manage', 'audit:read', 'catalog:write'] as const;
    for (const role of roles.filter((r) => r !== 'admin')) {
      for (const permission of adminOnly) expect(permissionsOf(role)).not.toContain(permission);
    }
  });
});
