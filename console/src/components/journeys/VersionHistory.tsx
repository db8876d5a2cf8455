// Every published version of a journey, newest first, with how many owners are still inside each.
import { Badge, Table } from '@mantine/core';
import { formatDateTime } from '../../format';
import type { JourneyVersion } from '../../types';

export function VersionHistory({ versions, current }: { versions: readonly JourneyVersion[]; current: number }) {
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Version</Table.Th>
          <Table.Th>Published</Table.Th>
          <Table.Th>By</Table.Th>
          <Table.Th ta="right">Owners still on it</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((version) => (
          <Table.Tr key={version.version}>
            <Table.Td>
              v{version.version}{' '}
              {version.version === current && (
                <Badge size="xs" variant="light">
                  current
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{formatDateTime(version.publishedAt)}</Table.Td>
            <Table.Td>{version.publishedBy}</Table.Td>
            <Table.Td ta="right">{version.active.toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
