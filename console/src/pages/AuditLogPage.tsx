// Who changed what, newest first, filterable by subject and by kind of actor.
import { Alert, Badge, Group, Select, Spoiler, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { AuditChanges } from '../components/audit/AuditChanges';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime, humanize } from '../format';
import type { AuditEntry } from '../types';
import { useCursorList } from '../useCursorList';
import { EmptyTableRow } from '../components/EmptyTableRow';

// The API takes any subject type; these are the ones it records today.
const subjectTypes = [
  { value: 'model', label: 'Models' },
  { value: 'resource', label: 'Resources' },
  { value: 'brand', label: 'Brand' },
  { value: 'staff_user', label: 'Staff users' },
  { value: 'api_key', label: 'API keys' },
  { value: 'file', label: 'Files' },
  { value: 'registration_settings', label: 'Registration settings' },
  { value: 'ownership', label: 'Ownerships' },
];

const actorTypes = [
  { value: 'staff', label: 'Staff users' },
  { value: 'api_key', label: 'API keys' },
  { value: 'system', label: 'OpenOX itself' },
  { value: 'owner', label: 'Owners' },
];

export function AuditLogPage() {
  const [subjectType, setSubjectType] = useState<string | null>(null);
  const [actorType, setActorType] = useState<string | null>(null);
  const list = useCursorList<AuditEntry>('/audit-log', {
    subjectType: subjectType ?? undefined,
    actorType: actorType ?? undefined,
  });

  return (
    <>
      <PageHeader title="Audit log" />
      <Group mb="md">
        <Select label="Subject" placeholder="Everything" data={subjectTypes} value={subjectType} onChange={setSubjectType} clearable w={220} />
        <Select label="Done by" placeholder="Anyone" data={actorTypes} value={actorType} onChange={setActorType} clearable w={220} />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={190}>When</Table.Th>
              <Table.Th w={200}>Who</Table.Th>
              <Table.Th w={170}>What</Table.Th>
              <Table.Th>Changes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td valign="top">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(entry.at)}
                  </Text>
                </Table.Td>
                <Table.Td valign="top">
                  <Stack gap={2}>
                    <Text size="sm">{entry.actorLabel}</Text>
                    <Text size="xs" c="dimmed">{humanize(entry.actorType)}</Text>
                  </Stack>
                </Table.Td>
                <Table.Td valign="top">
                  <Badge variant="light">{humanize(entry.action)}</Badge>
                </Table.Td>
                <Table.Td valign="top">
                  {/* Creations record the whole object; fold long ones so the log stays scannable. */}
                  <Spoiler maxHeight={160} showLabel="Show all" hideLabel="Show less" styles={{ control: { fontSize: 'var(--mantine-font-size-sm)' } }}>
                    <AuditChanges action={entry.action} changes={entry.changes} />
                  </Spoiler>
                </Table.Td>
              </Table.Tr>
            ))}
            <EmptyTableRow show={!list.loading && list.items.length === 0} columns={4}>
              No entries match.
            </EmptyTableRow>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
