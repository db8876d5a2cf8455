// The latest calls with the owner: who called whom, how long, how it ended, and what was said.
import { Badge, Spoiler, Table, Text } from '@mantine/core';
import { formatDateTime, humanize } from '../../format';
import { formatDuration } from '../claims/claimLabels';
import { EmptyTableRow } from '../EmptyTableRow';
import type { CallLog } from './overviewTypes';
import type { ProductNames } from './timelineText';

export function OwnerCalls({ calls, product, claimNumber }: { calls: CallLog[]; product: ProductNames; claimNumber: (claimId: string) => string | null }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Call</Table.Th>
            <Table.Th>About</Table.Th>
            <Table.Th>Notes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr key={call.id}>
              <Table.Td valign="top">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(call.startedAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  {call.loggedBy.label}
                </Text>
              </Table.Td>
              <Table.Td valign="top">
                <Text size="sm">
                  {call.direction === 'inbound' ? 'They called' : 'We called'}, {formatDuration(call.durationSeconds)}
                </Text>
                <Badge variant="light" size="sm" color={call.outcome === 'resolved' ? 'green' : 'gray'}>
                  {humanize(call.outcome)}
                </Badge>
              </Table.Td>
              <Table.Td valign="top">
                <Text size="sm">{call.claimId ? `Claim ${claimNumber(call.claimId) ?? ''}` : call.ownershipId ? product(call.ownershipId) : '—'}</Text>
              </Table.Td>
              <Table.Td valign="top" maw={320}>
                <Spoiler maxHeight={40} showLabel="More" hideLabel="Less" styles={{ control: { fontSize: 'var(--mantine-font-size-xs)' } }}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {call.notes || '—'}
                  </Text>
                </Spoiler>
              </Table.Td>
            </Table.Tr>
          ))}
          <EmptyTableRow show={calls.length === 0} columns={4}>
            No calls logged.
          </EmptyTableRow>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
