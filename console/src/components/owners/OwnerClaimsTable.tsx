// The owner's claims, open ones first: number to quote, product, where it stands and for how long.
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { EmptyTableRow } from '../EmptyTableRow';
import { formatDuration, statusColors, statusLabels } from '../claims/claimLabels';
import type { ClaimSummary } from '../claims/claimTypes';

const finished = new Set(['resolved', 'closed']);

export function OwnerClaimsTable({ claims, highlightId }: { claims: ClaimSummary[]; highlightId: string | null }) {
  const highlighted = useRef<HTMLTableRowElement>(null);
  // Braces: scrollIntoView returns a promise in newer browsers, which React would take for a cleanup.
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: 'nearest' });
  }, [highlightId]);
  const ordered = [...claims].sort((a, b) => Number(finished.has(a.status)) - Number(finished.has(b.status)));

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Claim</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Age</Table.Th>
            <Table.Th ta="right">In status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((claim) => {
            const isHighlighted = claim.id === highlightId;
            return (
              <Table.Tr key={claim.id} ref={isHighlighted ? highlighted : undefined} bg={isHighlighted ? 'var(--mantine-color-yellow-light)' : undefined} aria-current={isHighlighted ? 'true' : undefined}>
                <Table.Td>
                  <Anchor component={Link} to={`/claims/${claim.id}`} size="sm" fw={500} ff="monospace">
                    {claim.number}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {claim.problem.label}
                    {claim.paidService ? ' · paid service' : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{claim.model.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {claim.ownership.serial ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColors[claim.status]} variant="light">
                    {statusLabels[claim.status]}
                  </Badge>
                  {claim.assignee && (
                    <Text size="xs" c="dimmed">
                      {claim.assignee.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatDuration(claim.sla.ageSeconds)}</Table.Td>
                <Table.Td ta="right">{finished.has(claim.status) ? '—' : formatDuration(claim.sla.timeInStatusSeconds)}</Table.Td>
              </Table.Tr>
            );
          })}
          <EmptyTableRow show={claims.length === 0} columns={5}>
            No claims.
          </EmptyTableRow>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
