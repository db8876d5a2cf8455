// A segment's products, those who entered last first, a page at a time.
import { Alert, Anchor, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../useCursorList';
import { EmptyTableRow } from '../EmptyTableRow';
import { LoadMoreButton } from '../LoadMoreButton';
import type { SegmentMember } from './segmentTypes';

/** `version` changes when a refresh ran: the list starts again from the newest entries. */
export function SegmentMembersTable({ segmentId, count, version }: { segmentId: string; count: number; version: string | null }) {
  const members = useCursorList<SegmentMember>(`/segments/${segmentId}/members`);
  const shownVersion = useRef(version);
  const { reload } = members;
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    void reload();
  }, [version, reload]);
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {count.toLocaleString()} product{count === 1 ? '' : 's'} as of the last refresh.
      </Text>
      {members.error && <Alert color="red">{members.error}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Product</Table.Th>
              <Table.Th>Entered</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.items.map((member) => (
              <Table.Tr key={member.ownershipId}>
                <Table.Td>
                  <Anchor component={Link} to={`/owners/${member.ownerId}`}>
                    {member.ownerName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {member.ownerEmail}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {member.modelName}
                  {member.serial && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {member.serial}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(member.enteredAt)}</Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!members.loading && members.items.length === 0} columns={3}>
              No products in this segment (yet: a refresh computes its members).
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={members.hasMore} loading={members.loading} onLoadMore={() => void members.loadMore()} />
    </>
  );
}
