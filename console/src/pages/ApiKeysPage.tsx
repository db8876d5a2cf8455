// Keys for integrations: create (secret shown once), see their use, revoke; and the secret webhook calls are signed with.
import { Alert, Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { CreateApiKeyModal } from '../components/apiKeys/CreateApiKeyModal';
import { WebhookSigningSecretCard } from '../components/apiKeys/WebhookSigningSecretCard';
import { ConfirmButton } from '../components/ConfirmButton';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { notifyError, notifySuccess } from '../notify';
import type { ApiKey, CreatedApiKey } from '../types';
import { useCursorList } from '../useCursorList';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { upsertById } from '../upsertById';

export function ApiKeysPage() {
  const list = useCursorList<ApiKey>('/api-keys');
  const [creating, setCreating] = useState(false);

  async function revoke(key: ApiKey) {
    try {
      // Revoking answers with the key as it now stands.
      const revoked = await api.delete<ApiKey>(`/api-keys/${key.id}`);
      list.setItems((items) => upsertById(items, revoked));
      notifySuccess(`Revoked ${key.name}.`);
    } catch (error) {
      notifyError(error);
      throw error;
    }
  }

  function added(created: CreatedApiKey) {
    // Keep the secret out of the list's state: it belongs only in the one-time dialog.
    const { key: _secret, ...listed } = created;
    list.setItems((items) => [listed, ...items]);
  }

  return (
    <>
      <PageHeader title="API keys">
        <Button onClick={() => setCreating(true)}>Create API key</Button>
      </PageHeader>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key starts with</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((key) => (
              <Table.Tr key={key.id} c={key.revokedAt ? 'dimmed' : undefined}>
                <Table.Td fw={500}>{key.name}</Table.Td>
                <Table.Td ff="monospace">{key.prefix}…</Table.Td>
                <Table.Td tt="capitalize">{key.role}</Table.Td>
                <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(key.lastUsedAt)}</Table.Td>
                <Table.Td ta="right">
                  {key.revokedAt ? (
                    <Badge color="gray">Revoked {formatDateTime(key.revokedAt)}</Badge>
                  ) : (
                    <ConfirmButton
                      size="xs"
                      title="Revoke this API key?"
                      message={`Anything using “${key.name}” will stop working at once. This cannot be undone.`}
                      confirmLabel="Revoke key"
                      onConfirm={() => revoke(key)}
                    >
                      Revoke
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={6}>
              No API keys yet.
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
      <CreateApiKeyModal opened={creating} onClose={() => setCreating(false)} onCreated={added} />
      <WebhookSigningSecretCard />
    </>
  );
}
