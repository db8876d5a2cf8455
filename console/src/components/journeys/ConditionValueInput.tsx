// The value side of a condition row, shaped by the operator (one value, a list, none) and the fact's kind.
import { NumberInput, Select, TagsInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyComparison, JourneyScalar } from '../../types';
import { factKind, knownFacts, parseValue, takesList, takesNoValue, valueText } from './conditionFacts';
import { FreeValueInput } from './FreeValueInput';

interface ConditionValueInputProps {
  fact: string;
  op: JourneyComparison;
  value: JourneyScalar | JourneyScalar[] | undefined;
  onChange: (value: JourneyScalar | JourneyScalar[] | undefined) => void;
  error?: ReactNode;
}

export function ConditionValueInput({ fact, op, value, onChange, error }: ConditionValueInputProps) {
  const kind = factKind(fact);
  const choices = knownFacts[fact]?.choices;
  if (takesNoValue(op)) return null;
  const common = { label: 'Value', error, flex: 1, miw: 160 };

  if (takesList(op)) {
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return (
      <TagsInput
        {...common}
        description="Enter after each value"
        data={choices ? [...choices] : kind === 'boolean' ? ['true', 'false'] : []}
        value={list.map(valueText)}
        onChange={(tags) => onChange(tags.map((tag) => parseValue(tag, kind)))}
      />
    );
  }
  const single = Array.isArray(value) ? value[0] : value;
  if (kind === 'boolean') {
    return (
      <Select
        {...common}
        data={[{ value: 'true', label: 'yes' }, { value: 'false', label: 'no' }]}
        value={typeof single === 'boolean' ? String(single) : null}
        onChange={(picked) => onChange(picked === null ? undefined : picked === 'true')}
      />
    );
  }
  if (choices) {
    return <Select {...common} data={[...choices]} value={typeof single === 'string' ? single : null} onChange={(picked) => onChange(picked ?? undefined)} />;
  }
  if (kind === 'number') {
    return <NumberInput {...common} value={typeof single === 'number' ? single : ''} onChange={(number) => onChange(typeof number === 'number' ? number : undefined)} />;
  }
  return <FreeValueInput {...common} kind={kind} value={single} onChange={onChange} />;
}
