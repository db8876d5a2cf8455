// The brand's journeys: status, version, trigger and owners inside; a new one, or one from the playbook.
import { Alert, Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api';
import { EmptyTableRow } from '../components/EmptyTableRow';
import { statusColors, statusLabels, triggerSummary } from '../components/journeys/journeyLabels';
import { PlaybookSection } from '../components/journeys/PlaybookSection';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import type { JourneySummary } from '../types';

export function JourneysPage() {
  const navigate = useNavigate();
  const { can } = useSession();
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<JourneySummary[]>('/journeys')
      .then((loaded) => !cancelled && setJourneys(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <>
      <PageHeader title="Journeys">
        {can('journeys:write') && (
          <Button component={Link} to="/journeys/new">
            New journey
          </Button>
        )}
      </PageHeader>
      {error && <Alert color="red">{error}</Alert>}
      <Table.ScrollContainer minWidth={800}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Journey</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th ta="right">In the journey</Table.Th>
              <Table.Th ta="right">Converted</Table.Th>
              <Table.Th>Changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(journeys ?? []).map((journey) => (
              <Table.Tr key={journey.id} onClick={() => navigate(`/journeys/${journey.id}`)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Anchor component={Link} to={`/journeys/${journey.id}`} fw={600} onClick={(event) => event.stopPropagation()}>
                    {journey.name}
                  </Anchor>
                  {journey.playbookKey && (
                    <Text size="xs" c="dimmed">
                      from the playbook
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColors[journey.status]}>
                    {statusLabels[journey.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>v{journey.version}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff={journey.trigger.kind === 'event' ? 'monospace' : undefined}>
                    {triggerSummary(journey.trigger)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{journey.active.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{journey.converted.toLocaleString()}</Table.Td>
                <Table.Td>{formatDateTime(journey.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={journeys !== null && journeys.length === 0} columns={7}>
              No journeys yet. Start one, or adopt one from the playbook below.
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PlaybookSection canAdopt={can('journeys:write')} />
    </>
  );
}
