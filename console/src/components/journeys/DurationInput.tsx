// A duration as days, hours and minutes (seconds only when a definition already has them).
import { Group, Input, NumberInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyDuration } from '../../types';

const units = [
  { key: 'days', label: 'Days', max: 3650 },
  { key: 'hours', label: 'Hours', max: 1000 },
  { key: 'minutes', label: 'Minutes', max: 10000 },
] as const;

export function DurationInput({ label, value, onChange, error }: {
  label: string;
  value: JourneyDuration | undefined;
  onChange: (duration: JourneyDuration) => void;
  error?: ReactNode;
}) {
  const set = (unit: keyof JourneyDuration, amount: number | string) => {
    const { [unit]: _old, ...rest } = value ?? {};
    onChange(typeof amount === 'number' && amount > 0 ? { ...rest, [unit]: amount } : rest);
  };
  const shown = (value?.seconds ?? 0) > 0 ? [...units, { key: 'seconds', label: 'Seconds', max: 100000 } as const] : units;
  return (
    <Input.Wrapper label={label} error={error}>
      <Group gap="xs" wrap="nowrap">
        {shown.map((unit) => (
          <NumberInput
            key={unit.key}
            aria-label={`${label}: ${unit.label.toLowerCase()}`}
            description={unit.label}
            min={0}
            max={unit.max}
            allowDecimal={false}
            allowNegative={false}
            value={value?.[unit.key] ?? ''}
            onChange={(amount) => set(unit.key, amount)}
            w={90}
            error={Boolean(error)}
          />
        ))}
      </Group>
    </Input.Wrapper>
  );
}
