// A greeting and the last days' activity counts, to show the brand is alive.
import { Alert, Box, Card, Loader, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { HandlingTimeCard } from '../components/agent/HandlingTimeCard';
import { PageHeader } from '../components/PageHeader';
import { humanize } from '../format';
import { useSession, useSignedInSession } from '../session';
import type { ActivityRow } from '../types';

export function HomePage() {
  const { brand, principal } = useSignedInSession();
  const { can } = useSession();
  const [activity, setActivity] = useState<ActivityRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const seesActivity = can('events:read');
  useEffect(() => {
    if (!seesActivity) return;
    api
      .get<{ data: ActivityRow[] }>('/activity')
      .then((result) => setActivity(result.data))
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [seesActivity]);

  return (
    <>
      <PageHeader title={`Welcome to ${brand.name}`} />
      <Text c="dimmed" mb="lg">
        Signed in as {principal.label} ({principal.role}).
      </Text>
      {seesActivity && (
        <Card withBorder maw={640}>
          <Text fw={600} mb="sm">
            Recent activity
          </Text>
          {error && <Alert color="red">{error}</Alert>}
          {!activity && !error && <Loader size="sm" aria-label="Loading activity" />}
          {activity && activity.length === 0 && (
            <Text size="sm" c="dimmed">
              Nothing has happened yet.
            </Text>
          )}
          {activity && activity.length > 0 && (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Day</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th ta="right">Count</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activity.map((row) => (
                  <Table.Tr key={`${row.day}-${row.type}`}>
                    <Table.Td>{row.day}</Table.Td>
                    <Table.Td>{humanize(row.type)}</Table.Td>
                    <Table.Td ta="right">{row.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
      {can('claims:read') && (
        <Box mt="lg">
          <HandlingTimeCard />
        </Box>
      )}
    </>
  );
}
