// The claims queue: filter by status and assignee, with how old each claim is and how long it has waited.
import { Alert, Anchor, Badge, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { statusColors, statusLabels, formatDuration } from '../components/claims/claimLabels';
import { type ClaimSummary, claimStatuses } from '../components/claims/claimTypes';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { useCursorList } from '../useCursorList';

const statusOptions = [
  { value: 'open', label: 'Open (not resolved or closed)' },
  { value: 'all', label: 'Any status' },
  ...claimStatuses.map((status) => ({ value: status, label: statusLabels[status] })),
];

export function ClaimsPage() {
  const navigate = useNavigate();
  const { session } = useSession();
  const [status, setStatus] = useState<string>('open');
  const [assignee, setAssignee] = useState<string>('anyone');
  const assigneeOptions = [
    { value: 'anyone', label: 'Anyone' },
    ...(session?.principal.kind === 'staff' ? [{ value: 'me', label: 'Me' }] : []),
    { value: 'none', label: 'Nobody yet' },
  ];
  const list = useCursorList<ClaimSummary>('/claims', {
    status: status === 'all' ? undefined : status,
    assignee: assignee === 'anyone' ? undefined : assignee,
  });

  return (
    <>
      <PageHeader title="Claims" />
      <Group mb="md" align="flex-start">
        <Select label="Status" data={statusOptions} value={status} onChange={(value) => setStatus(value ?? 'open')} allowDeselect={false} w={260} />
        <Select label="Assigned to" data={assigneeOptions} value={assignee} onChange={(value) => setAssignee(value ?? 'anyone')} allowDeselect={false} w={180} />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={1000}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Claim</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Product</Table.Th>
              <Table.Th>Problem</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Age</Table.Th>
              <Table.Th ta="right">In status</Table.Th>
              <Table.Th>Assignee</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((claim) => (
              <Table.Tr key={claim.id} onClick={() => navigate(`/claims/${claim.id}`)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Stack gap={0}>
                    {/* A real link too, so the row works from the keyboard and opens in a new tab. */}
                    <Anchor component={Link} to={`/claims/${claim.id}`} fw={600} ff="monospace" onClick={(event) => event.stopPropagation()}>
                      {claim.number}
                    </Anchor>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(claim.createdAt)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{claim.owner.name}</Text>
                  <Text size="xs" c="dimmed">
                    {claim.owner.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{claim.model.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {claim.ownership.serial ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{claim.problem.label}</Text>
                  {claim.paidService && (
                    <Badge color="orange" variant="light" size="xs">
                      Paid service
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColors[claim.status]} variant="light">
                    {statusLabels[claim.status]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatDuration(claim.sla.ageSeconds)}</Table.Td>
                <Table.Td ta="right">
                  <Tooltip label={`Since ${formatDateTime(claim.statusChangedAt)}`}>
                    <Text size="sm">{formatDuration(claim.sla.timeInStatusSeconds)}</Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>{claim.assignee?.name ?? <Text c="dimmed" size="sm">Nobody</Text>}</Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={8}>
              No claims match.
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
