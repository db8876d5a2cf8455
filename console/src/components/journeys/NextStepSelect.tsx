// Where a step leads: one of the journey's other steps, or nowhere (the owner's journey ends there).
import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyStep } from '../../types';
import { stepTypeLabels } from './journeyLabels';

const end = '__end__';

export function NextStepSelect({ label, value, onChange, steps, selfId, error }: {
  label: string;
  value: string | undefined;
  onChange: (next: string | undefined) => void;
  steps: readonly JourneyStep[];
  selfId: string;
  error?: ReactNode;
}) {
  // Unique ids only: Select needs unique values, and two steps sharing an id is an error the API reports.
  const targets = steps.filter((step, index) => step.id !== selfId && step.id !== '' && steps.findIndex((other) => other.id === step.id) === index);
  // A target that is not a step (a typo in the JSON) stays visible, so the API's message about it makes sense.
  const unknown = value !== undefined && !targets.some((step) => step.id === value) ? [{ value, label: `${value} (not a step)` }] : [];
  return (
    <Select
      label={label}
      data={[
        { value: end, label: 'End of the journey' },
        ...targets.map((step) => ({ value: step.id, label: `${step.id} — ${stepTypeLabels[step.type] ?? step.type}` })),
        ...unknown,
      ]}
      value={value ?? end}
      allowDeselect={false}
      onChange={(picked) => onChange(picked === null || picked === end ? undefined : picked)}
      error={error}
      w={260}
    />
  );
}
