// Find an owner from one box: a name, an email, a phone number or a serial number.
import { Alert, Badge, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import type { OwnerSummary } from '../types';
import { useCursorList } from '../useCursorList';

export function OwnersPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  // Wait for a pause in typing rather than querying on every keystroke.
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const list = useCursorList<OwnerSummary>('/owners', { q: debouncedSearch || undefined });

  return (
    <>
      <PageHeader title="Owners" />
      <TextInput
        label="Search"
        description="A name, an email address, a phone number or a serial number"
        placeholder="Jane Smith, jane@example.com, (415) 555-0132, SN12345678"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={520}
        mb="md"
      />
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th ta="right">Products</Table.Th>
              <Table.Th>Owner since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((owner) => (
              <Table.Tr key={owner.id} onClick={() => navigate(`/owners/${owner.id}`)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {/* A real link too, so the row works from the keyboard and opens in a new tab. */}
                    <Text component={Link} to={`/owners/${owner.id}`} fw={500} c="inherit" td="none">
                      {owner.name}
                    </Text>
                    {owner.safetyOnly && (
                      <Badge color="yellow" variant="light" size="sm">
                        Safety only
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{owner.email}</Table.Td>
                <Table.Td>{owner.phone ?? '—'}</Table.Td>
                <Table.Td ta="right">{owner.productCount}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(owner.createdAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={5}>
              {debouncedSearch ? 'No owner matches.' : 'No owners yet.'}
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
