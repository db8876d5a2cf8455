// A condition value typed as text, for facts of no fixed kind (attributes, event data).
import { TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { JourneyScalar } from '../../types';
import { type FactKind, parseValue, valueText } from './conditionFacts';

/** Text that becomes a number, true/false or null when it reads as one (for attributes and event data). */
export function FreeValueInput({ kind, value, onChange, ...inputProps }: {
  kind: FactKind | null;
  value: JourneyScalar | undefined;
  onChange: (value: JourneyScalar) => void;
  label: string;
  error?: ReactNode;
  flex: number;
  miw: number;
}) {
  const [text, setText] = useState(valueText(value));
  // Keep what is being typed ("1." stays "1."), but take a value that changed elsewhere (the JSON tab).
  useEffect(() => {
    setText((current) => (Object.is(parseValue(current, kind), value === undefined ? '' : value) ? current : valueText(value)));
  }, [value, kind]);
  return (
    <TextInput
      {...inputProps}
      description={kind === null ? 'Numbers, true, false and null are read as such' : undefined}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(parseValue(event.currentTarget.value, kind));
      }}
    />
  );
}
