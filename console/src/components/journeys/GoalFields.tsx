// The journey's goal: an event within some days of entering ends the journey as a conversion.
import { Group, NumberInput, Stack, Switch } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyDefinition } from '../../types';
import { EventTypeInput } from './EventTypeInput';

export function GoalFields({ goal, onChange, errorOf, readOnly }: {
  goal: JourneyDefinition['goal'];
  onChange: (goal: JourneyDefinition['goal']) => void;
  errorOf: (field: string) => ReactNode;
  readOnly: boolean;
}) {
  return (
    <Stack gap="sm">
      <Switch
        label="Count a conversion when the owner does something (ends their journey)"
        checked={goal !== null}
        disabled={readOnly}
        onChange={(event) => onChange(event.currentTarget.checked ? { event: 'care_plan.added', withinDays: 30 } : null)}
      />
      {goal && (
        <Group align="flex-start">
          <EventTypeInput label="Goal event" value={goal.event ?? ''} onChange={(event) => onChange({ ...goal, event })} error={errorOf('event')} w={320} />
          <NumberInput
            label="Within (days of entering)"
            min={1}
            max={365}
            allowDecimal={false}
            value={goal.withinDays ?? ''}
            onChange={(days) => onChange({ ...goal, withinDays: typeof days === 'number' ? days : 30 })}
            error={errorOf('withinDays')}
            w={200}
          />
        </Group>
      )}
    </Stack>
  );
}
