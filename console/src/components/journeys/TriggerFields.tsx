// What makes an owner enter: an event (and how often the same owner may enter), or a day counted from a date of their product.
import { Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyTrigger } from '../../types';
import { EventTypeInput } from './EventTypeInput';
import { dateAttributeLabels, entryLabels } from './journeyLabels';

export function TriggerFields({ trigger, onChange, errorOf, readOnly }: {
  trigger: JourneyTrigger;
  onChange: (trigger: JourneyTrigger) => void;
  errorOf: (field: string) => ReactNode;
  readOnly: boolean;
}) {
  return (
    <Stack gap="sm">
      <SegmentedControl
        w="fit-content"
        disabled={readOnly}
        data={[{ value: 'event', label: 'When something happens' }, { value: 'date', label: 'On a date of the product' }]}
        value={trigger.kind}
        onChange={(kind) =>
          kind !== trigger.kind &&
          onChange(kind === 'event' ? { kind: 'event', event: 'ownership.registered', entry: 'per_ownership' } : { kind: 'date', attribute: 'purchase_date', offsetDays: 30 })
        }
      />
      {trigger.kind === 'event' ? (
        <Group align="flex-start">
          <EventTypeInput label="Event" value={trigger.event ?? ''} onChange={(event) => onChange({ ...trigger, event })} error={errorOf('event')} w={320} />
          <Select
            label="Enters"
            data={Object.entries(entryLabels).map(([value, label]) => ({ value, label }))}
            value={trigger.entry ?? 'per_ownership'}
            allowDeselect={false}
            onChange={(entry) => onChange({ ...trigger, entry: (entry ?? 'per_ownership') as typeof trigger.entry })}
            error={errorOf('entry')}
            w={260}
          />
        </Group>
      ) : (
        <Group align="flex-start">
          <NumberInput
            label="Days"
            description="Negative: before the date"
            min={-3650}
            max={3650}
            allowDecimal={false}
            value={trigger.offsetDays ?? ''}
            onChange={(days) => onChange({ ...trigger, offsetDays: typeof days === 'number' ? days : 0 })}
            error={errorOf('offsetDays')}
            w={140}
          />
          <Text mt={50} size="sm">
            days after the
          </Text>
          <Select
            label="Date"
            data={Object.entries(dateAttributeLabels).map(([value, label]) => ({ value, label }))}
            value={trigger.attribute}
            allowDeselect={false}
            onChange={(attribute) => onChange({ ...trigger, attribute: (attribute ?? 'purchase_date') as typeof trigger.attribute })}
            error={errorOf('attribute')}
            w={220}
          />
        </Group>
      )}
    </Stack>
  );
}
