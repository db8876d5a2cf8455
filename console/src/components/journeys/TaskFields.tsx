import { Group, Stack, TextInput, Textarea } from '@mantine/core';
import type { JourneyStep } from '../../types';
import { NextStepSelect } from './NextStepSelect';
import type { StepFieldProps } from './stepFieldProps';
import { withOptional } from './stepFieldProps';

export function TaskFields({ step, onChange, errorOf, steps }: StepFieldProps<Extract<JourneyStep, { type: 'task' }>>) {
  return (
    <Stack gap="sm">
      <Group align="flex-start">
        <TextInput
          label="Task title"
          description="Agents see it under Tasks, with the owner and product"
          placeholder="Call to offer a service visit"
          value={step.title ?? ''}
          onChange={(event) => onChange({ ...step, title: event.currentTarget.value })}
          error={errorOf('title')}
          w={420}
        />
        <NextStepSelect label="Then" value={step.next} onChange={(next) => onChange(withOptional(step, 'next', next))} steps={steps} selfId={step.id} error={errorOf('next')} />
      </Group>
      <Textarea label="Details" autosize minRows={2} value={step.details ?? ''} onChange={(event) => onChange(withOptional(step, 'details', event.currentTarget.value))} error={errorOf('details')} />
    </Stack>
  );
}
