// Attempts to register a unit someone else holds: usually a resale, to be settled by a transfer.
import { Alert, Text } from '@mantine/core';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { ConflictsTable } from '../components/registrations/ConflictsTable';
import type { RegistrationConflict } from '../types';
import { useCursorList } from '../useCursorList';

export function RegistrationConflictsPage() {
  const list = useCursorList<RegistrationConflict>('/registration-conflicts');
  return (
    <>
      <PageHeader title="Registration conflicts" />
      <Text c="dimmed" size="sm" mb="md">
        Someone tried to register a product that another owner already holds. Most are second-hand sales.
      </Text>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <ConflictsTable conflicts={list.items} loading={list.loading} emptyText="No conflicts." />
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
