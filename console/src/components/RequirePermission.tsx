import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSession } from '../session';
import type { Permission } from '../types';

/** Guards a page reached by URL: the navigation already hides it, but a bookmark may not. */
export function RequirePermission({ permission, children }: { permission: Permission | null; children: ReactNode }) {
  const { can } = useSession();
  if (permission && !can(permission)) {
    return (
      <Alert color="yellow" title="Not available">
        Your role does not allow this page.
      </Alert>
    );
  }
  return <>{children}</>;
}
