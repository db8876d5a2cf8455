// The warranty as it stood when the claim was filed, beside the warranty today when they differ.
import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { formatDay, humanize } from '../../format';
import type { Coverage } from './claimTypes';

function CoverageLines({ coverage }: { coverage: Coverage }) {
  const part = (name: string, value: Coverage['parts']) =>
    value.covered ? `${name} covered until ${formatDay(value.until)}` : value.until ? `${name} ended ${formatDay(value.until)}` : `${name} not covered`;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={coverage.covered ? 'green' : 'gray'} variant="light">
          {coverage.covered ? 'Covered' : 'Not covered'}
        </Badge>
        {coverage.carePlan && (
          <Badge color="violet" variant="light">
            {coverage.carePlan.name} until {formatDay(coverage.carePlan.until)}
          </Badge>
        )}
      </Group>
      <Text size="sm">{part('Parts', coverage.parts)}</Text>
      <Text size="sm">{part('Labour', coverage.labour)}</Text>
      <Text size="sm" c="dimmed">
        Starts {formatDay(coverage.startsOn)} ({humanize(coverage.basis)})
        {coverage.excludedBecause ? `; excluded: ${humanize(coverage.excludedBecause)}` : ''}
      </Text>
      <List size="xs" c="dimmed">
        {coverage.reasons.map((reason, index) => (
          <List.Item key={index}>
            {reason.text ?? humanize(reason.code)}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function ClaimCoverageCard({ filed, current }: { filed: Coverage; current: Coverage | null }) {
  const changed = current !== null && JSON.stringify(current) !== JSON.stringify(filed);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Coverage when filed
      </Title>
      <CoverageLines coverage={filed} />
      {changed && current && (
        <>
          <Title order={5} mt="md" mb="xs">
            Coverage today
          </Title>
          <CoverageLines coverage={current} />
        </>
      )}
    </Card>
  );
}
