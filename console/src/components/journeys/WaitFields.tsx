import { Group } from '@mantine/core';
import type { JourneyStep } from '../../types';
import { DurationInput } from './DurationInput';
import { NextStepSelect } from './NextStepSelect';
import type { StepFieldProps } from './stepFieldProps';
import { withOptional } from './stepFieldProps';

export function WaitFields({ step, onChange, errorOf, steps }: StepFieldProps<Extract<JourneyStep, { type: 'wait' }>>) {
  return (
    <Group align="flex-start">
      <DurationInput label="Wait for" value={step.duration} onChange={(duration) => onChange({ ...step, duration })} error={errorOf('duration')} />
      <NextStepSelect label="Then" value={step.next} onChange={(next) => onChange(withOptional(step, 'next', next))} steps={steps} selfId={step.id} error={errorOf('next')} />
    </Group>
  );
}
