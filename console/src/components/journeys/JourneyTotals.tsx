// A journey's totals at a glance, with when they were last refreshed.
import { Group, Paper, Text } from '@mantine/core';
import type { JourneyCounts } from '../../types';

const totals = [
  { key: 'entered', label: 'Entered' },
  { key: 'active', label: 'In the journey' },
  { key: 'completed', label: 'Completed' },
  { key: 'converted', label: 'Converted' },
  { key: 'exited', label: 'Exited' },
  { key: 'notEligible', label: 'Kept out by the conditions' },
] as const;

export function JourneyTotals({ counts, refreshedAt }: { counts: JourneyCounts; refreshedAt: Date | null }) {
  return (
    <Group gap="sm" align="stretch">
      {totals.map((total) => (
        <Paper key={total.key} withBorder px="md" py="xs">
          <Text size="xl" fw={700}>
            {counts[total.key].toLocaleString()}
          </Text>
          <Text size="xs" c="dimmed">
            {total.label}
          </Text>
        </Paper>
      ))}
      {refreshedAt && (
        <Text size="xs" c="dimmed" style={{ alignSelf: 'flex-end' }}>
          Live: refreshed every 10 s, last at {refreshedAt.toLocaleTimeString()}
        </Text>
      )}
    </Group>
  );
}
