import { Button, CloseButton, Group, NumberInput, Stack, Text } from '@mantine/core';
import type { JourneyStep } from '../../types';
import { NextStepSelect } from './NextStepSelect';
import { type StepFieldProps, withOptional } from './stepFieldProps';

type SplitStep = Extract<JourneyStep, { type: 'split' }>;

export function SplitFields({ step, onChange, errorOf, steps, readOnly }: StepFieldProps<SplitStep>) {
  const paths = step.paths ?? [];
  const total = paths.reduce((sum, path) => sum + (Number(path.percent) || 0), 0) + (Number(step.holdoutPercent) || 0);
  const setPath = (index: number, path: SplitStep['paths'][number]) => onChange({ ...step, paths: paths.map((current, i) => (i === index ? path : current)) });
  return (
    <Stack gap="sm">
      {paths.map((path, index) => (
        <Group key={index} align="flex-start">
          <NumberInput
            label={`Path ${index + 1} (%)`}
            min={1}
            max={100}
            allowDecimal={false}
            value={path.percent ?? ''}
            // Cleared: sent without a percent, for the API to ask for one there.
            onChange={(percent) => setPath(index, withOptional(path, 'percent', typeof percent === 'number' ? percent : undefined))}
            error={errorOf(`paths.${index}.percent`)}
            w={130}
          />
          <NextStepSelect
            label="Goes to"
            value={path.next}
            onChange={(next) => setPath(index, next === undefined ? { percent: path.percent } : { ...path, next })}
            steps={steps}
            selfId={step.id}
            error={errorOf(`paths.${index}.next`)}
          />
          {!readOnly && paths.length > 1 && (
            <CloseButton mt={28} aria-label={`Remove path ${index + 1}`} onClick={() => onChange({ ...step, paths: paths.filter((_, i) => i !== index) })} />
          )}
        </Group>
      ))}
      <Group align="flex-end">
        <NumberInput
          label="Holdout group (%)"
          description="Gets nothing; measures the lift"
          min={0}
          max={50}
          allowDecimal={false}
          value={step.holdoutPercent ?? 0}
          onChange={(percent) => onChange({ ...step, holdoutPercent: typeof percent === 'number' ? percent : 0 })}
          error={errorOf('holdoutPercent')}
          w={200}
        />
        {!readOnly && paths.length < 5 && (
          <Button variant="light" size="xs" onClick={() => onChange({ ...step, paths: [...paths, { percent: 10 }] })}>
            Add path
          </Button>
        )}
      </Group>
      <Text size="sm" c={total === 100 ? 'dimmed' : 'red'}>
        Paths and holdout add up to {total}% {total === 100 ? '' : '(they must add up to 100%)'}
      </Text>
      {errorOf('paths') && (
        <Text size="sm" c="red">
          {errorOf('paths')}
        </Text>
      )}
    </Stack>
  );
}
