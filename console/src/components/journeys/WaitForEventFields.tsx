import { Group, Stack, Switch } from '@mantine/core';
import type { JourneyStep } from '../../types';
import { ConditionEditor } from './ConditionEditor';
import { DurationInput } from './DurationInput';
import { EventTypeInput } from './EventTypeInput';
import { NextStepSelect } from './NextStepSelect';
import type { StepFieldProps } from './stepFieldProps';
import { withOptional } from './stepFieldProps';

export function WaitForEventFields({ step, onChange, errorOf, errors, path, steps, readOnly }: StepFieldProps<Extract<JourneyStep, { type: 'wait_for_event' }>>) {
  return (
    <Stack gap="sm">
      <Group align="flex-start">
        <EventTypeInput label="Event" value={step.event ?? ''} onChange={(event) => onChange({ ...step, event })} error={errorOf('event')} w={280} />
        <DurationInput label="Give up after" value={step.timeout} onChange={(timeout) => onChange({ ...step, timeout })} error={errorOf('timeout')} />
      </Group>
      <Switch
        label="After the event, keep waiting until a condition holds (e.g. no open claim)"
        checked={step.until !== undefined}
        disabled={readOnly}
        onChange={(event) => onChange(withOptional(step, 'until', event.currentTarget.checked ? { all: [{ fact: 'claims.open', op: 'eq', value: 0 }] } : undefined))}
      />
      {step.until !== undefined && (
        <ConditionEditor
          value={step.until}
          onChange={(until) => onChange(withOptional(step, 'until', until ?? undefined))}
          path={`${path}.until`}
          errors={errors}
          readOnly={readOnly}
          emptyText="No rules: the first event is enough."
        />
      )}
      <Group align="flex-start">
        <NextStepSelect label="When the event comes" value={step.onEvent} onChange={(next) => onChange(withOptional(step, 'onEvent', next))} steps={steps} selfId={step.id} error={errorOf('onEvent')} />
        <NextStepSelect label="When it does not come in time" value={step.onTimeout} onChange={(next) => onChange(withOptional(step, 'onTimeout', next))} steps={steps} selfId={step.id} error={errorOf('onTimeout')} />
      </Group>
    </Stack>
  );
}
