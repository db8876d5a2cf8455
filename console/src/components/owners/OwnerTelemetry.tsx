// What the owner's connected products reported: the latest reading of each kind, then the latest events.
// Products that never reported are not listed (the API leaves them out).
import { Badge, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import { formatDateTime, humanize } from '../../format';
import type { OwnershipTelemetry, TelemetryEvent } from './overviewTypes';

/** `{ percent: 8 }` → "percent 8"; what an agent reads at a glance. */
function readingOf(event: TelemetryEvent): string {
  const entries = Object.entries(event.data);
  if (entries.length === 0) return '—';
  return entries.map(([name, value]) => `${humanize(name)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join(', ');
}

export function OwnerTelemetry({ telemetry, product }: { telemetry: OwnershipTelemetry[]; product: (id: string) => string }) {
  return (
    <Stack>
      {telemetry.map((entry) => (
        <Card key={entry.ownershipId} withBorder>
          <Text fw={500} mb="xs">
            {product(entry.ownershipId)}
          </Text>
          <Group gap="xs" mb="sm">
            {entry.latestByType.map((event) => (
              <Badge key={event.type} variant="light" color={event.type.includes('fault') ? 'red' : 'blue'} title={`Reported ${formatDateTime(event.occurredAt)}`}>
                {humanize(event.type)}: {readingOf(event)}
              </Badge>
            ))}
          </Group>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Data</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entry.recent.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(event.occurredAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{humanize(event.type)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{JSON.stringify(event.data)}</Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
    </Stack>
  );
}
