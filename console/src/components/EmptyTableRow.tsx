import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The one row a table shows when a finished load found nothing. */
export function EmptyTableRow({ show, columns, children }: { show: boolean; columns: number; children: ReactNode }) {
  if (!show) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text c="dimmed" ta="center" py="md">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
