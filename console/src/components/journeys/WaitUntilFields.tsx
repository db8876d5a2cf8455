import { Group, TextInput } from '@mantine/core';
import type { JourneyStep } from '../../types';
import { NextStepSelect } from './NextStepSelect';
import type { StepFieldProps } from './stepFieldProps';
import { withOptional } from './stepFieldProps';

export function WaitUntilFields({ step, onChange, errorOf, steps }: StepFieldProps<Extract<JourneyStep, { type: 'wait_until' }>>) {
  return (
    <Group align="flex-start">
      <TextInput
        type="time"
        label="Until"
        description="The next time it is this time of day in the owner's time zone"
        value={step.time ?? ''}
        onChange={(event) => onChange({ ...step, time: event.currentTarget.value })}
        error={errorOf('time')}
        w={260}
      />
      <NextStepSelect label="Then" value={step.next} onChange={(next) => onChange(withOptional(step, 'next', next))} steps={steps} selfId={step.id} error={errorOf('next')} />
    </Group>
  );
}
