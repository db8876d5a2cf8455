// Registration conflicts: who claimed which unit that someone else holds, and whether it is settled.
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatDay } from '../../format';
import type { RegistrationConflict } from '../../types';
import { ConfirmButton } from '../ConfirmButton';
import { EmptyTableRow } from '../EmptyTableRow';
import { sourceLabels } from './registrationLabels';

function OwnerLink({ owner }: { owner: { id: string; name: string } }) {
  return (
    <Anchor component={Link} to={`/owners/${owner.id}`} size="sm">
      {owner.name}
    </Anchor>
  );
}

/** With `onTransfer`, open conflicts offer the usual settlement: the claimant bought the unit, so it passes to them. */
export function ConflictsTable({ conflicts, loading, emptyText, onTransfer }: {
  conflicts: RegistrationConflict[];
  loading: boolean;
  emptyText: string;
  onTransfer?: (conflict: RegistrationConflict) => Promise<unknown>;
}) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Claimed by</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th>Held by</Table.Th>
            <Table.Th>Claim says</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conflicts.map((conflict) => (
            <Table.Tr key={conflict.id}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(conflict.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <OwnerLink owner={conflict.claimant} />
                  <Text size="xs" c="dimmed">
                    {conflict.claimant.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{conflict.ownership.model.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {conflict.ownership.serial ?? 'no serial'}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <OwnerLink owner={conflict.ownership.holder} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {[conflict.claimedRetailer, conflict.claimedPurchaseDate && `bought ${formatDay(conflict.claimedPurchaseDate)}`].filter(Boolean).join(', ') || '—'}
                </Text>
                <Text size="xs" c="dimmed">
                  via {sourceLabels[conflict.source as keyof typeof sourceLabels] ?? conflict.source}
                </Text>
              </Table.Td>
              <Table.Td>
                {conflict.resolvedAt ? (
                  <Badge color="gray" variant="light" title={`Resolved ${formatDateTime(conflict.resolvedAt)}`}>
                    Resolved
                  </Badge>
                ) : (
                  <Stack gap={4} align="flex-start">
                    <Badge color="orange" variant="light">
                      Open
                    </Badge>
                    {onTransfer && (
                      <ConfirmButton
                        size="compact-xs"
                        color="blue"
                        title="Transfer to the claimant?"
                        message={`${conflict.ownership.holder.name} will no longer own this ${conflict.ownership.model.name}; it becomes ${conflict.claimant.name}'s, and the warranty follows the model's rules for a new owner.`}
                        confirmLabel="Transfer"
                        onConfirm={() => onTransfer(conflict)}
                      >
                        Transfer to claimant
                      </ConfirmButton>
                    )}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          <EmptyTableRow show={!loading && conflicts.length === 0} columns={6}>
            {emptyText}
          </EmptyTableRow>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
