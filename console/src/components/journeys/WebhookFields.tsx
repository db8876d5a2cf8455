import { Group, TextInput } from '@mantine/core';
import type { JourneyStep } from '../../types';
import { NextStepSelect } from './NextStepSelect';
import type { StepFieldProps } from './stepFieldProps';
import { withOptional } from './stepFieldProps';

export function WebhookFields({ step, onChange, errorOf, steps }: StepFieldProps<Extract<JourneyStep, { type: 'webhook' }>>) {
  return (
    <Group align="flex-start">
      <TextInput
        label="URL"
        description="Gets a POST with the journey, run, step, owner and product ids as JSON"
        placeholder="https://crm.example.com/hooks/openox"
        value={step.url ?? ''}
        onChange={(event) => onChange({ ...step, url: event.currentTarget.value })}
        error={errorOf('url')}
        w={420}
      />
      <NextStepSelect label="Then" value={step.next} onChange={(next) => onChange(withOptional(step, 'next', next))} steps={steps} selfId={step.id} error={errorOf('next')} />
    </Group>
  );
}
