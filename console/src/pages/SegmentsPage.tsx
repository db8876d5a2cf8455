// The brand's segments: saved conditions over its owners' products, with their member counts.
import { Alert, Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { PageHeader } from '../components/PageHeader';
import type { SegmentSummary } from '../components/segments/segmentTypes';
import { formatDateTime } from '../format';
import { useSession } from '../session';

export function SegmentsPage() {
  const navigate = useNavigate();
  const { can } = useSession();
  const [segments, setSegments] = useState<SegmentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ data: SegmentSummary[] }>('/segments')
      .then((loaded) => !cancelled && setSegments(loaded.data))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <>
      <PageHeader title="Segments">
        {can('journeys:write') && (
          <Button component={Link} to="/segments/new">
            New segment
          </Button>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md">
        A segment holds the products whose owner and product meet its condition, refreshed every 15 minutes. Products registered for safety notices
        only are never in one. A product entering a segment can start a journey.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Segment</Table.Th>
              <Table.Th ta="right">Products</Table.Th>
              <Table.Th>Last refresh</Table.Th>
              <Table.Th ta="right">Entered / left then</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(segments ?? []).map((segment) => (
              <Table.Tr key={segment.id} onClick={() => navigate(`/segments/${segment.id}`)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Anchor component={Link} to={`/segments/${segment.id}`} fw={600} onClick={(event) => event.stopPropagation()}>
                    {segment.name}
                  </Anchor>
                  {segment.description && (
                    <Text size="xs" c="dimmed">
                      {segment.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{segment.memberCount.toLocaleString()}</Table.Td>
                <Table.Td>
                  {formatDateTime(segment.refreshedAt)}{' '}
                  {segment.refreshPending && (
                    <Badge variant="light" color="yellow" size="sm">
                      refresh queued
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  +{segment.lastEntered.toLocaleString()} / −{segment.lastLeft.toLocaleString()}
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={segments !== null && segments.length === 0} columns={4}>
              No segments yet. Create one, then use it as a journey&apos;s trigger.
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
