import { Badge, Group, Progress, Text } from '@mantine/core';
import type { RegistrationImport } from '../../types';

const statusColors = { receiving: 'blue', importing: 'blue', done: 'green', failed: 'red' } as const;

/** Where an import stands: its status and how many rows went in, were rejected or were already there. */
export function ImportProgress({ entry }: { entry: RegistrationImport }) {
  const settled = entry.rowsImported + entry.rowsRejected + entry.rowsAlreadyRegistered;
  const running = entry.status === 'receiving' || entry.status === 'importing';
  return (
    <>
      <Group gap="xs">
        <Badge color={statusColors[entry.status]}>{entry.status}</Badge>
        <Text size="sm">
          {entry.rowsReceived.toLocaleString()} rows read · {entry.rowsImported.toLocaleString()} imported · {entry.rowsRejected.toLocaleString()} rejected ·{' '}
          {entry.rowsAlreadyRegistered.toLocaleString()} already registered
        </Text>
      </Group>
      {running && <Progress mt="xs" animated value={entry.rowsReceived > 0 ? (100 * settled) / entry.rowsReceived : 0} aria-label="Import progress" />}
      {entry.error && <Text c="red" size="sm" mt="xs">{entry.error}</Text>}
    </>
  );
}
