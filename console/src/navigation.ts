// The console's sections and the permission each needs; the shell reads this to build the navbar.
import type { Permission } from './types';

export interface Section {
  label: string;
  path: string;
  permission: Permission | null;
}

export const sections: Section[] = [
  { label: 'Home', path: '/', permission: null },
  { label: 'Catalog', path: '/catalog', permission: 'catalog:read' },
  { label: 'Service centres', path: '/service-centres', permission: 'catalog:read' },
  { label: 'Owners', path: '/owners', permission: 'owners:read' },
  { label: 'Claims', path: '/claims', permission: 'claims:read' },
  { label: 'Tasks', path: '/tasks', permission: 'owners:read' },
  { label: 'Reviews', path: '/reviews', permission: 'owners:read' },
  { label: 'Registrations', path: '/registrations', permission: 'owners:read' },
  { label: 'Registration conflicts', path: '/registration-conflicts', permission: 'owners:read' },
  { label: 'Photo-read accuracy', path: '/photo-read-accuracy', permission: 'owners:read' },
  { label: 'Imports', path: '/imports', permission: 'registrations:import' },
  { label: 'Outbox', path: '/outbox', permission: 'messages:read' },
  { label: 'Messaging settings', path: '/messaging-settings', permission: 'messages:read' },
  { label: 'Templates', path: '/templates', permission: 'messages:read' },
  { label: 'Journeys', path: '/journeys', permission: 'journeys:read' },
  { label: 'Segments', path: '/segments', permission: 'journeys:read' },
  { label: 'Staff', path: '/staff', permission: 'staff:read' },
  { label: 'API keys', path: '/api-keys', permission: 'api_keys:manage' },
  { label: 'Audit log', path: '/audit-log', permission: 'audit:read' },
  { label: 'Brand settings', path: '/brand', permission: 'brand:manage' },
  { label: 'Registration settings', path: '/registration-settings', permission: 'registration_settings:manage' },
  { label: 'Claim categories', path: '/claim-categories', permission: 'catalog:write' },
];
