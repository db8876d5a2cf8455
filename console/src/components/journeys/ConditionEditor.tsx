// A condition as groups of rules (all of / any of / none of), groups inside groups; used for entry
// conditions, branches and "until". Problems the API reports show beside the rule they are about.
import { Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyCondition } from '../../types';
import { blankTest, conditionOf, type GroupMode, groupModeLabels, groupOf, isTest, itemPath } from './conditionGroup';
import type { ConditionScope } from './conditionFacts';
import { ConditionRow } from './ConditionRow';

export interface ConditionEditorProps {
  value: JourneyCondition | null | undefined;
  /** null when the last rule is removed from the outermost group. */
  onChange: (condition: JourneyCondition | null) => void;
  /** Where the API reports problems with this condition, e.g. `definition.conditions`. */
  path: string;
  errors: Record<string, ReactNode>;
  readOnly: boolean;
  /** What an empty condition means here ("Every owner enters"). */
  emptyText: string;
  onRemove?: () => void;
  /** Which facts it offers: a journey's, or the fewer a segment can compute. */
  scope?: ConditionScope;
}

export function ConditionEditor({ value, onChange, path, errors, readOnly, emptyText, onRemove, scope = 'journey' }: ConditionEditorProps) {
  const group = groupOf(value);
  const nested = onRemove !== undefined;
  const change = (items: JourneyCondition[]) => onChange(items.length === 0 && !nested ? null : conditionOf({ ...group, items }));
  const replace = (index: number, item: JourneyCondition | null) =>
    change(item === null ? group.items.filter((_, i) => i !== index) : group.items.map((current, i) => (i === index ? item : current)));

  return (
    <Paper withBorder p="sm" bg={nested ? 'var(--mantine-color-gray-0)' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={group.mode}
            disabled={readOnly}
            onChange={(mode) => onChange(group.items.length === 0 && !nested ? null : conditionOf({ mode: mode as GroupMode, items: group.items }))}
            data={Object.entries(groupModeLabels).map(([mode, label]) => ({ value: mode, label: `${label} these` }))}
          />
          {nested && !readOnly && (
            <Button variant="subtle" color="red" size="compact-xs" onClick={onRemove}>
              Remove group
            </Button>
          )}
        </Group>
        {errors[path] && (
          <Text size="sm" c="red">
            {errors[path]}
          </Text>
        )}
        {group.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        )}
        {group.items.map((item, index) => {
          const at = itemPath(path, group, index);
          return isTest(item) ? (
            <ConditionRow
              key={index}
              test={item}
              onChange={(test) => replace(index, test)}
              onRemove={() => replace(index, null)}
              errorOf={(field) => errors[field ? `${at}.${field}` : at]}
              readOnly={readOnly}
              scope={scope}
            />
          ) : (
            <ConditionEditor
              key={index}
              value={item}
              onChange={(inner) => replace(index, inner)}
              onRemove={() => replace(index, null)}
              path={at}
              errors={errors}
              readOnly={readOnly}
              emptyText="An empty group: add a rule."
              scope={scope}
            />
          );
        })}
        {!readOnly && (
          <Group gap="xs">
            <Button variant="light" size="compact-sm" onClick={() => change([...group.items, { ...blankTest }])}>
              Add rule
            </Button>
            <Button variant="subtle" size="compact-sm" onClick={() => change([...group.items, { any: [{ ...blankTest }] }])}>
              Add group
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
