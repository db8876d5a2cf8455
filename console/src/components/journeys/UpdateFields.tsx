import { Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { type JourneyStep, lifecycleStages } from '../../types';
import { FreeValueInput } from './FreeValueInput';
import { NextStepSelect } from './NextStepSelect';
import type { StepFieldProps } from './stepFieldProps';
import { withOptional } from './stepFieldProps';

type UpdateStep = Extract<JourneyStep, { type: 'update' }>;

export function UpdateFields({ step, onChange, errorOf, steps, readOnly }: StepFieldProps<UpdateStep>) {
  return (
    <Stack gap="sm">
      <Group align="flex-start">
        <Select
          label="Set the product's lifecycle stage"
          placeholder="Leave as it is"
          clearable
          data={[...lifecycleStages]}
          value={step.stage ?? null}
          onChange={(stage) => onChange(withOptional(step, 'stage', (stage ?? undefined) as UpdateStep['stage']))}
          error={errorOf('stage') ?? errorOf('')}
          w={260}
        />
        <NextStepSelect label="Then" value={step.next} onChange={(next) => onChange(withOptional(step, 'next', next))} steps={steps} selfId={step.id} error={errorOf('next')} />
      </Group>
      <Switch
        label="Set an attribute on the owner (for later conditions: attributes.<name>)"
        checked={step.attribute !== undefined}
        disabled={readOnly}
        onChange={(event) => onChange(withOptional(step, 'attribute', event.currentTarget.checked ? { name: '', value: true } : undefined))}
      />
      {step.attribute && (
        <Group align="flex-start">
          <TextInput
            label="Attribute"
            placeholder="askedForReview"
            value={step.attribute.name}
            onChange={(event) => onChange({ ...step, attribute: { name: event.currentTarget.value, value: step.attribute?.value ?? null } })}
            error={errorOf('attribute.name') ?? errorOf('attribute')}
            w={220}
          />
          <FreeValueInput
            label="Value"
            kind={null}
            value={step.attribute.value}
            onChange={(value) => onChange({ ...step, attribute: { name: step.attribute?.name ?? '', value } })}
            error={errorOf('attribute.value')}
            flex={0}
            miw={220}
          />
        </Group>
      )}
    </Stack>
  );
}
