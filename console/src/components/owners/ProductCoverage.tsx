// A product's warranty today and its next maintenance, compact enough for a table cell.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDay, humanize } from '../../format';
import type { Coverage } from '../claims/claimTypes';
import type { MaintenanceStatus, OwnershipMaintenance } from './overviewTypes';

function lastCoveredDay(coverage: Coverage): string | null {
  const days = [coverage.parts, coverage.labour].filter((part) => part.covered).map((part) => part.until).filter((day): day is string => day !== null);
  return days.sort().at(-1) ?? null;
}

export function CoverageSummary({ coverage }: { coverage: Coverage | null }) {
  if (!coverage) return <Text size="sm" c="dimmed">—</Text>;
  const ended = [coverage.parts.until, coverage.labour.until].filter((day): day is string => day !== null).sort().at(-1);
  const part = (name: string, value: Coverage['parts']) => `${name} ${value.covered ? `to ${formatDay(value.until)}` : 'not covered'}`;
  // Short badges: a table cell clips long ones; the dates go in the text below.
  return (
    <Stack gap={2}>
      <Group gap={4}>
        <Badge color={coverage.covered ? 'green' : 'gray'} variant="light">
          {coverage.covered ? 'Covered' : 'Not covered'}
        </Badge>
        {coverage.carePlan && (
          <Badge color="violet" variant="light" title={`${coverage.carePlan.name} until ${formatDay(coverage.carePlan.until)}`}>
            Care plan
          </Badge>
        )}
      </Group>
      {coverage.covered ? (
        <Text size="xs">
          Until {formatDay(lastCoveredDay(coverage))}: {part('parts', coverage.parts)}, {part('labour', coverage.labour)}
        </Text>
      ) : (
        <Text size="xs">{coverage.excludedBecause ? humanize(coverage.excludedBecause) : ended ? `Ended ${formatDay(ended)}` : 'No warranty applies'}</Text>
      )}
      {coverage.carePlan && (
        <Text size="xs">
          {coverage.carePlan.name} until {formatDay(coverage.carePlan.until)}
        </Text>
      )}
      {coverage.basis !== 'none' && (
        <Text size="xs" c="dimmed">
          From the {humanize(coverage.basis).toLowerCase()}
        </Text>
      )}
    </Stack>
  );
}

const maintenanceColors: Record<MaintenanceStatus, string> = { overdue: 'red', due_soon: 'orange', ok: 'dimmed' };

export function MaintenanceSummary({ maintenance }: { maintenance: OwnershipMaintenance | null }) {
  const [next, ...later] = maintenance?.tasks ?? [];
  if (!next) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={next.status === 'ok' ? undefined : 500} c={maintenanceColors[next.status]}>
        {next.name}: {next.status === 'overdue' ? 'overdue since' : 'due'} {formatDay(next.dueOn)}
      </Text>
      {later.length > 0 && (
        <Text size="xs" c="dimmed">
          then {later.map((task) => `${task.name} ${formatDay(task.dueOn)}`).join(', ')}
        </Text>
      )}
    </Stack>
  );
}
