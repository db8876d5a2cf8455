import { Group, Stack } from '@mantine/core';
import type { JourneyStep } from '../../types';
import { ConditionEditor } from './ConditionEditor';
import { NextStepSelect } from './NextStepSelect';
import type { StepFieldProps } from './stepFieldProps';
import { withOptional } from './stepFieldProps';

export function BranchFields({ step, onChange, errorOf, errors, path, steps, readOnly }: StepFieldProps<Extract<JourneyStep, { type: 'branch' }>>) {
  return (
    <Stack gap="sm">
      <ConditionEditor
        value={step.condition}
        // A branch always has a condition; with no rules it always holds.
        onChange={(condition) => onChange({ ...step, condition: condition ?? { all: [] } })}
        path={`${path}.condition`}
        errors={errors}
        readOnly={readOnly}
        emptyText='No rules: every owner takes the "then" path.'
      />
      <Group align="flex-start">
        <NextStepSelect label="Then (the condition holds)" value={step.then} onChange={(next) => onChange(withOptional(step, 'then', next))} steps={steps} selfId={step.id} error={errorOf('then')} />
        <NextStepSelect label="Else" value={step.else} onChange={(next) => onChange(withOptional(step, 'else', next))} steps={steps} selfId={step.id} error={errorOf('else')} />
      </Group>
    </Stack>
  );
}
