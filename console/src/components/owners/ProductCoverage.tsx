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
  const until = lastCoveredDay(coverage);
  const ended = [coverage.parts.until, coverage.labour.until].filter((day): day is string => day !== null).sort().at(-1);
  return (
    <Stack gap={2}>
      <Group gap={4}>
        <Badge color={coverage.covered ? 'green' : 'gray'} variant="light">
          {coverage.covered ? `Covered until ${formatDay(until)}` : coverage.excludedBecause ? `Not covered: ${humanize(coverage.excludedBecause).toLowerCase()}` : ended ? `Ended ${formatDay(ended)}` : 'Not covered'}
        </Badge>
        {coverage.carePlan && (
          <Badge color="violet" variant="light">
            {coverage.carePlan.name} until {formatDay(coverage.carePlan.until)}
          </Badge>
        )}
      </Group>
      {coverage.covered && (
        <Text size="xs" c="dimmed">
          Parts {coverage.parts.covered ? `to ${formatDay(coverage.parts.until)}` : 'not covered'}, labour {coverage.labour.covered ? `to ${formatDay(coverage.labour.until)}` : 'not covered'}; from{' '}
          {humanize(coverage.basis).toLowerCase()}
        </Text>
      )}
    </Stack>
  );
}

const maintenanceColors: Record<MaintenanceStatus, string> = { overdue: 'red', due_soon: 'orange', ok: 'gray' };

export function MaintenanceSummary({ maintenance }: { maintenance: OwnershipMaintenance | null }) {
  const [next, ...later] = maintenance?.tasks ?? [];
  if (!next) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      <Badge color={maintenanceColors[next.status]} variant={next.status === 'ok' ? 'outline' : 'light'}>
        {next.name}: {next.status === 'overdue' ? 'overdue since' : 'due'} {formatDay(next.dueOn)}
      </Badge>
      {later.length > 0 && (
        <Text size="xs" c="dimmed">
          then {later.map((task) => `${task.name} ${formatDay(task.dueOn)}`).join(', ')}
        </Text>
      )}
    </Stack>
  );
}
