// What the owner agreed to hear about, per channel, and the record that proves it.
import { Badge, Button, Group, Paper, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { apiBase } from '../../api';
import { formatDateTime, languageName } from '../../format';
import type { ConsentChannel, ConsentRecord, ConsentState } from '../../types';
import { EmptyTableRow } from '../EmptyTableRow';
import { consentSourceLabels } from '../registrations/registrationLabels';

const channels: { channel: ConsentChannel; label: string }[] = [
  { channel: 'email', label: 'Email' },
  { channel: 'sms', label: 'SMS' },
];

function ConsentBadge({ label, state }: { label: string; state: ConsentState | undefined }) {
  if (!state) {
    return (
      <Badge color="gray" variant="outline" size="lg">
        {label}: never asked
      </Badge>
    );
  }
  return (
    <Badge color={state.granted ? 'green' : 'gray'} variant="light" size="lg" title={`Since ${formatDateTime(state.recordedAt)}, wording ${state.wordingVersion}`}>
      {label}: {state.granted ? 'opted in' : 'opted out'}
    </Badge>
  );
}

export function OwnerConsents({ ownerId, current, history }: { ownerId: string; current: ConsentState[]; history: ConsentRecord[] }) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group gap="sm">
          {channels.map(({ channel, label }) => (
            <ConsentBadge key={channel} label={label} state={current.find((state) => state.channel === channel)} />
          ))}
        </Group>
        <Group justify="space-between">
          <Title order={4}>History</Title>
          {/* The ledger as evidence: every answer, with its words, source, address and browser. */}
          <Button component="a" variant="default" size="xs" href={`${apiBase}/owners/${ownerId}/consent-records.csv`} download>
            Download CSV
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th w={90}>Channel</Table.Th>
                <Table.Th w={120}>Decision</Table.Th>
                <Table.Th>Wording shown</Table.Th>
                <Table.Th>Where</Table.Th>
                <Table.Th>From</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td valign="top">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(record.recordedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td valign="top">{record.channel === 'sms' ? 'SMS' : 'Email'}</Table.Td>
                  <Table.Td valign="top">
                    <Badge color={record.granted ? 'green' : 'gray'} variant="light">
                      {record.granted ? 'Opted in' : 'Opted out'}
                    </Badge>
                  </Table.Td>
                  <Table.Td valign="top" maw={360}>
                    <Spoiler maxHeight={44} showLabel="More" hideLabel="Less" styles={{ control: { fontSize: 'var(--mantine-font-size-xs)' } }}>
                      <Text size="sm">{record.wording}</Text>
                    </Spoiler>
                    <Text size="xs" c="dimmed">
                      Version {record.wordingVersion}, {languageName(record.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td valign="top">{consentSourceLabels[record.source]}</Table.Td>
                  <Table.Td valign="top">
                    <Text size="xs" ff="monospace">
                      {record.ip ?? '—'}
                    </Text>
                    {record.userAgent && (
                      <Text size="xs" c="dimmed" lineClamp={2} title={record.userAgent}>
                        {record.userAgent}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              <EmptyTableRow show={history.length === 0} columns={6}>
                No consent recorded.
              </EmptyTableRow>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
