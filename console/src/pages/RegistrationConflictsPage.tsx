// Attempts to register a unit someone else holds: usually a resale, to be settled by a transfer.
import { Alert, Text } from '@mantine/core';
import { api } from '../api';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { ConflictsTable } from '../components/registrations/ConflictsTable';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';
import type { RegistrationConflict } from '../types';
import { useCursorList } from '../useCursorList';

export function RegistrationConflictsPage() {
  const list = useCursorList<RegistrationConflict>('/registration-conflicts');
  const { can } = useSession();
  async function transfer(conflict: RegistrationConflict) {
    try {
      await api.post(`/registration-conflicts/${conflict.id}/transfer`);
      notifySuccess(`${conflict.ownership.model.name} now belongs to ${conflict.claimant.name}.`);
      await list.reload();
    } catch (error) {
      notifyError(error);
      throw error;
    }
  }
  return (
    <>
      <PageHeader title="Registration conflicts" />
      <Text c="dimmed" size="sm" mb="md">
        Someone tried to register a product that another owner already holds. Most are second-hand sales.
      </Text>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <ConflictsTable conflicts={list.items} loading={list.loading} emptyText="No conflicts." onTransfer={can('owners:write') ? transfer : undefined} />
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
