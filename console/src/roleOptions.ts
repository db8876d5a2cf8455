import { roles } from './types';

// What each role is for, so whoever picks one knows what they are granting.
const roleHints: Record<(typeof roles)[number], string> = {
  admin: 'Admin — everything',
  marketer: 'Marketer — catalog and brand',
  agent: 'Agent — support',
  analyst: 'Analyst — read-only reports',
};

export const roleOptions = roles.map((value) => ({ value, label: roleHints[value] }));
