// Average handling time over the last days: how fast claims get a first response and a resolution, and calls.
import { Alert, Card, Group, Loader, SegmentedControl, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { formatDay } from '../../format';
import { formatDuration } from '../claims/claimLabels';

interface DurationFigures {
  count: number;
  averageSeconds: number | null;
  medianSeconds: number | null;
}

interface HandlingTimes {
  period: { from: string; to: string };
  claims: { filed: number; firstResponse: DurationFigures; resolution: DurationFigures };
  calls: DurationFigures & { inbound: number; outbound: number; totalSeconds: number };
}

const periods = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
];

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export function HandlingTimeCard() {
  const [days, setDays] = useState('30');
  const [figures, setFigures] = useState<HandlingTimes | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setFigures(null);
    api
      .get<HandlingTimes>('/agent/handling-times', { from: daysAgo(Number(days) - 1), to: daysAgo(0) })
      .then((loaded) => !cancelled && setFigures(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, [days]);

  const row = (label: string, count: string, figuresOf: DurationFigures) => (
    <Table.Tr key={label}>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{count}</Table.Td>
      <Table.Td ta="right">{formatDuration(figuresOf.averageSeconds)}</Table.Td>
      <Table.Td ta="right">{formatDuration(figuresOf.medianSeconds)}</Table.Td>
    </Table.Tr>
  );

  return (
    <Card withBorder maw={640}>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Handling time</Text>
        <SegmentedControl size="xs" data={periods} value={days} onChange={setDays} aria-label="Period" />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!figures && !error && <Loader size="sm" aria-label="Loading handling times" />}
      {figures && (
        <>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">Count</Table.Th>
                <Table.Th ta="right">Average</Table.Th>
                <Table.Th ta="right">Median</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {row('Claims: first response', `${figures.claims.firstResponse.count} of ${figures.claims.filed}`, figures.claims.firstResponse)}
              {row('Claims: resolution', `${figures.claims.resolution.count} of ${figures.claims.filed}`, figures.claims.resolution)}
              {row('Calls', `${figures.calls.count} (${figures.calls.inbound} in, ${figures.calls.outbound} out)`, figures.calls)}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            Claims filed and calls made {formatDay(figures.period.from)} to {formatDay(figures.period.to)}; {formatDuration(figures.calls.totalSeconds)} on the phone in all.
          </Text>
        </>
      )}
    </Card>
  );
}
