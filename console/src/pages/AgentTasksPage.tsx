// The tasks journeys give agents ("call this owner"): who, about which product, and a Done button.
import { Alert, Anchor, Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useSession } from '../session';
import type { AgentTask, AgentTaskStatus } from '../types';
import { useCursorList } from '../useCursorList';

export function AgentTasksPage() {
  const { can } = useSession();
  const [status, setStatus] = useState<AgentTaskStatus>('open');
  const [finishing, setFinishing] = useState<string | null>(null);
  const list = useCursorList<AgentTask>('/agent-tasks', { status });

  async function markDone(task: AgentTask) {
    setFinishing(task.id);
    try {
      await api.post<AgentTask>(`/agent-tasks/${task.id}/done`);
      list.setItems((items) => items.filter((item) => item.id !== task.id));
      notifySuccess(`Done: ${task.title} (${task.owner.name}).`);
    } catch (error) {
      notifyError(error);
      // Someone else finished it first: the list catches up.
      if (error instanceof ApiError && error.status === 409) void list.reload();
    } finally {
      setFinishing(null);
    }
  }

  return (
    <>
      <PageHeader title="Tasks" />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(value) => setStatus(value as AgentTaskStatus)}
        data={[{ value: 'open', label: 'Open' }, { value: 'done', label: 'Done' }]}
      />
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Product</Table.Th>
              <Table.Th>Task</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>{status === 'open' ? '' : 'Done'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/owners/${task.owner.id}${task.product ? `?ownership=${task.product.ownershipId}` : ''}`} size="sm" fw={600}>
                    {task.owner.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {task.product ? (
                    <>
                      <Text size="sm">{task.product.modelName}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {task.product.serial ?? '—'}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={420}>
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {task.title}
                    </Text>
                    {task.details && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {task.details}
                      </Text>
                    )}
                    {task.journey && (
                      <Text size="xs" c="dimmed">
                        From the journey{' '}
                        {can('journeys:read') ? (
                          <Anchor component={Link} to={`/journeys/${task.journey.id}`} size="xs">
                            {task.journey.name}
                          </Anchor>
                        ) : (
                          task.journey.name
                        )}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(task.createdAt)}</Table.Td>
                <Table.Td>
                  {task.status === 'open' ? (
                    can('owners:write') && (
                      <Button size="xs" variant="light" loading={finishing === task.id} onClick={() => void markDone(task)}>
                        Done
                      </Button>
                    )
                  ) : (
                    <>
                      <Text size="sm">{formatDateTime(task.doneAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {task.doneBy}
                      </Text>
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={5}>
              {status === 'open' ? 'No open tasks.' : 'No tasks done yet.'}
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
