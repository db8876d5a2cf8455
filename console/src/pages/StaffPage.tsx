// The brand's staff users and their roles.
import { Alert, Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { StaffFormModal } from '../components/staff/StaffFormModal';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import type { StaffUser } from '../types';
import { useCursorList } from '../useCursorList';
import { upsertById } from '../upsertById';

export function StaffPage() {
  const { can } = useSession();
  const canManage = can('staff:manage');
  const list = useCursorList<StaffUser>('/staff');
  // undefined: dialog closed; null: adding; a user: editing them.
  const [editing, setEditing] = useState<StaffUser | null | undefined>(undefined);

  function upsert(saved: StaffUser) {
    list.setItems((items) => upsertById(items, saved));
  }

  return (
    <>
      <PageHeader title="Staff">{canManage && <Button onClick={() => setEditing(null)}>Add staff user</Button>}</PageHeader>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              {canManage && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td fw={500}>{user.name}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td tt="capitalize">{user.role}</Table.Td>
                <Table.Td>
                  {user.disabled ? (
                    <Badge color="gray">Disabled</Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(user.lastSignInAt)}</Text>
                </Table.Td>
                {canManage && (
                  <Table.Td ta="right">
                    <Button size="xs" variant="default" onClick={() => setEditing(user)}>
                      Edit
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
      <StaffFormModal user={editing ?? null} opened={editing !== undefined} onClose={() => setEditing(undefined)} onSaved={upsert} />
    </>
  );
}
