// One step of the journey: its id and type, live counts, where it sits in the order, and its form.
import { ActionIcon, Badge, Group, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useRef, type ReactNode } from 'react';
import type { JourneyStep, JourneyStepCounts, JourneyStepType } from '../../types';
import { stepTypeLabels } from './journeyLabels';
import { StepCountsBadges } from './StepCountsBadges';
import { plainNext, stepOfType } from './stepDefaults';
import { StepFields } from './StepFields';

interface StepCardProps {
  step: JourneyStep;
  index: number;
  steps: readonly JourneyStep[];
  /** The step's live figures (null: none yet); undefined before the journey exists. */
  counts: JourneyStepCounts | null | undefined;
  errors: Record<string, ReactNode>;
  readOnly: boolean;
  onChange: (step: JourneyStep) => void;
  /** The id changed from `from` (on leaving the field): links to it follow. */
  onRenamed: (from: string, to: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const typeOptions = Object.entries(stepTypeLabels).map(([value, label]) => ({ value, label }));

export function StepCard({ step, index, steps, counts, errors, readOnly, onChange, onRenamed, onMove, onRemove }: StepCardProps) {
  const path = `definition.steps.${index}`;
  const idWhenFocused = useRef(step.id);
  const errorOf = (field: string) => errors[field ? `${path}.${field}` : path];
  return (
    <Paper withBorder p="md" id={`step-${step.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group align="flex-start" gap="sm">
            <Badge mt={30} variant={index === 0 ? 'filled' : 'light'} size="lg" circle={index !== 0}>
              {index === 0 ? 'Entry' : index + 1}
            </Badge>
            <TextInput
              label="Step id"
              value={step.id}
              onFocus={() => {
                idWhenFocused.current = step.id;
              }}
              onChange={(event) => onChange({ ...step, id: event.currentTarget.value })}
              onBlur={() => idWhenFocused.current !== step.id && onRenamed(idWhenFocused.current, step.id)}
              error={errorOf('id')}
              w={180}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Select
              label="Type"
              data={typeOptions}
              value={step.type}
              allowDeselect={false}
              onChange={(type) => type && type !== step.type && onChange(stepOfType(type as JourneyStepType, step.id, plainNext(step)))}
              error={errorOf('type')}
              w={230}
            />
          </Group>
          <Stack gap={6} align="flex-end">
            {counts !== undefined && <StepCountsBadges counts={counts} isSend={step.type === 'send'} />}
            {!readOnly && (
              <Group gap={4}>
                <Tooltip label="Move up">
                  <ActionIcon variant="default" aria-label={`Move ${step.id} up`} disabled={index === 0} onClick={() => onMove(-1)}>
                    ↑
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Move down">
                  <ActionIcon variant="default" aria-label={`Move ${step.id} down`} disabled={index === steps.length - 1} onClick={() => onMove(1)}>
                    ↓
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Remove step (links to it end the path there)">
                  <ActionIcon variant="light" color="red" aria-label={`Remove ${step.id}`} disabled={steps.length === 1} onClick={onRemove}>
                    ✕
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Stack>
        </Group>
        {errorOf('') && (
          <Text size="sm" c="red">
            {errorOf('')}
          </Text>
        )}
        <StepFields step={step} onChange={onChange} errorOf={errorOf} errors={errors} path={path} steps={steps} readOnly={readOnly} />
      </Stack>
    </Paper>
  );
}
