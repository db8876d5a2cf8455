// Who is where: the owners in a journey, latest first, by status or step, a page at a time.
import { Alert, Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, humanize } from '../../format';
import { useSession } from '../../session';
import type { JourneyRun, JourneyRunStatus } from '../../types';
import { useCursorList } from '../../useCursorList';
import { EmptyTableRow } from '../EmptyTableRow';
import { LoadMoreButton } from '../LoadMoreButton';
import { runStatusColors, runStatusLabels } from './journeyLabels';

export function JourneyRunsTable({ journeyId, stepIds }: { journeyId: string; stepIds: readonly string[] }) {
  const { can } = useSession();
  const [status, setStatus] = useState<JourneyRunStatus | null>(null);
  const [step, setStep] = useState<string | null>(null);
  // A new filter starts again from the first page.
  const list = useCursorList<JourneyRun>(`/journeys/${journeyId}/runs`, { status: status ?? undefined, step: step ?? undefined });
  const runs = list.items;

  return (
    <>
      <Group mb="md" align="flex-end">
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={Object.entries(runStatusLabels).map(([value, label]) => ({ value, label }))}
          value={status}
          onChange={(value) => setStatus(value as JourneyRunStatus | null)}
          w={200}
        />
        <Select label="Step" placeholder="Any step" clearable data={[...new Set(stepIds)]} value={step} onChange={setStep} w={200} />
        <Button variant="default" onClick={() => void list.reload()}>
          Refresh
        </Button>
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Step</Table.Th>
              <Table.Th>Entered</Table.Th>
              <Table.Th>Next move / ended</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>
                  {can('owners:read') ? (
                    <Anchor component={Link} to={`/owners/${run.owner.id}${run.ownershipId ? `?ownership=${run.ownershipId}` : ''}`}>
                      {run.owner.name}
                    </Anchor>
                  ) : (
                    run.owner.name
                  )}
                </Table.Td>
                <Table.Td>v{run.version}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={runStatusColors[run.status]}>
                    {runStatusLabels[run.status]}
                  </Badge>
                </Table.Td>
                <Table.Td ff="monospace">{run.stepId ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(run.enteredAt)}</Table.Td>
                <Table.Td>
                  {run.status === 'active' ? (
                    run.wakeAt ? (
                      formatDateTime(run.wakeAt)
                    ) : (
                      <Text size="sm" c="dimmed">
                        waiting for an event
                      </Text>
                    )
                  ) : (
                    <>
                      {formatDateTime(run.endedAt)}
                      {run.endReason && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({humanize(run.endReason)})
                        </Text>
                      )}
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && runs.length === 0} columns={6}>
              No owners match.
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
