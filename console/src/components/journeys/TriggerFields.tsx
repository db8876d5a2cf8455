// What makes an owner enter: an event (and how often the same owner may enter), a day counted from a
// date of their product, or their product entering a segment.
import { Anchor, Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { JourneyTrigger } from '../../types';
import { useSegmentOptions } from '../segments/useSegmentOptions';
import { EventTypeInput } from './EventTypeInput';
import { dateAttributeLabels, entryLabels, segmentEntryLabels } from './journeyLabels';

const startOf: Record<JourneyTrigger['kind'], JourneyTrigger> = {
  event: { kind: 'event', event: 'ownership.registered', entry: 'per_ownership' },
  date: { kind: 'date', attribute: 'purchase_date', offsetDays: 30 },
  segment: { kind: 'segment', segmentId: '', entry: 'per_ownership' },
};

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
        data={[
          { value: 'event', label: 'When something happens' },
          { value: 'date', label: 'On a date of the product' },
          { value: 'segment', label: 'Entering a segment' },
        ]}
        value={trigger.kind}
        onChange={(kind) => kind !== trigger.kind && onChange(startOf[kind as JourneyTrigger['kind']])}
      />
      {trigger.kind === 'segment' ? (
        <SegmentTriggerFields trigger={trigger} onChange={onChange} errorOf={errorOf} />
      ) : trigger.kind === 'event' ? (
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

function SegmentTriggerFields({ trigger, onChange, errorOf }: {
  trigger: Extract<JourneyTrigger, { kind: 'segment' }>;
  onChange: (trigger: JourneyTrigger) => void;
  errorOf: (field: string) => ReactNode;
}) {
  const segments = useSegmentOptions();
  return (
    <Stack gap={4}>
      <Group align="flex-start">
        <Select
          label="Segment"
          placeholder={segments === null ? 'Loading segments…' : segments.length === 0 ? 'No segments yet' : 'Pick a segment'}
          searchable
          data={(segments ?? []).map((segment) => ({ value: segment.id, label: `${segment.name} (${segment.memberCount.toLocaleString()})` }))}
          value={trigger.segmentId || null}
          onChange={(segmentId) => onChange({ ...trigger, segmentId: segmentId ?? '' })}
          error={errorOf('segmentId')}
          w={320}
        />
        <Select
          label="Enters"
          data={Object.entries(segmentEntryLabels).map(([value, label]) => ({ value, label }))}
          value={trigger.entry ?? 'per_ownership'}
          allowDeselect={false}
          onChange={(entry) => onChange({ ...trigger, entry: (entry ?? 'per_ownership') as typeof trigger.entry })}
          error={errorOf('entry')}
          w={280}
        />
      </Group>
      <Text size="xs" c="dimmed">
        A product enters when a refresh (every 15 minutes, or on demand) finds it newly meeting the segment&apos;s condition. Products already in the
        segment when the journey goes live do not enter. <Anchor component={Link} to="/segments" size="xs">Manage segments</Anchor>
      </Text>
    </Stack>
  );
}
