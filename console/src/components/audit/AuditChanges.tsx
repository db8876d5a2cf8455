// Renders an audit entry's `changes`: before → after for updates, the recorded values otherwise.
import { Group, Stack, Table, Text } from '@mantine/core';
import { fieldLabel } from '../../format';

type Changes = Record<string, unknown>;

// Bookkeeping fields that repeat on every entry and say nothing about the change.
const noise = new Set(['id', 'createdAt', 'updatedAt']);

function isDiff(action: string, changes: Changes): changes is Record<string, [unknown, unknown]> {
  return action.endsWith('.updated') && Object.values(changes).every((value) => Array.isArray(value) && value.length === 2);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface DiffRow {
  label: string;
  before: unknown;
  after: unknown;
}

/** Nested objects (the warranty) become one row per sub-field that actually changed. */
function diffRows(changes: Record<string, [unknown, unknown]>): DiffRow[] {
  const rows: DiffRow[] = [];
  const walk = (label: string, before: unknown, after: unknown) => {
    if (isPlainObject(before) && isPlainObject(after)) {
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) walk(`${label} · ${fieldLabel(key).toLowerCase()}`, before[key], after[key]);
      }
    } else {
      rows.push({ label, before, after });
    }
  };
  for (const [field, [before, after]] of Object.entries(changes)) walk(fieldLabel(field), before, after);
  return rows;
}

function isEmpty(value: unknown) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** One line of text for a value: objects as `key: value` pairs, so nobody has to read JSON. */
function describe(value: unknown): string {
  if (isEmpty(value)) return '—';
  if (Array.isArray(value)) return value.map(describe).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => !isEmpty(inner))
      .map(([key, inner]) => `${fieldLabel(key).toLowerCase()}: ${describe(inner)}`)
      .join('; ');
  }
  return String(value);
}

function Value({ value }: { value: unknown }) {
  if (isEmpty(value)) {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  }
  // Lists of objects (serial rules, maintenance tasks) read best one item per line.
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    return (
      <Stack gap={2}>
        {value.map((item, index) => (
          <Text key={index} size="sm">
            • {describe(item)}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <Text span size="sm" style={{ wordBreak: 'break-word' }}>
      {describe(value)}
    </Text>
  );
}

function FieldName({ label }: { label: string }) {
  return (
    <Text size="sm" fw={500}>
      {label}
    </Text>
  );
}

export function AuditChanges({ action, changes }: { action: string; changes: Changes | null }) {
  if (!changes || Object.keys(changes).length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No details
      </Text>
    );
  }

  if (isDiff(action, changes)) {
    return (
      <Table layout="fixed" withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs">
        <Table.Tbody>
          {diffRows(changes).map(({ label, before, after }) => (
            <Table.Tr key={label}>
              <Table.Td w={180} valign="top">
                <FieldName label={label} />
              </Table.Td>
              <Table.Td valign="top">
                {/* Before above after: long texts keep the full width instead of two narrow columns. */}
                <Stack gap={2}>
                  <Group gap={6} wrap="nowrap" align="flex-start" c="dimmed" td="line-through" aria-label="Before">
                    <Value value={before} />
                  </Group>
                  <Group gap={6} wrap="nowrap" align="flex-start" aria-label="After">
                    <Text span size="sm" c="dimmed">
                      →
                    </Text>
                    <Value value={after} />
                  </Group>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Table layout="fixed" withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs">
      <Table.Tbody>
        {Object.entries(changes)
          .filter(([field]) => !noise.has(field))
          .map(([field, value]) => (
            <Table.Tr key={field}>
              <Table.Td w={180} valign="top">
                <FieldName label={fieldLabel(field)} />
              </Table.Td>
              <Table.Td valign="top">
                <Value value={value} />
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
