// One rule of a condition: a fact, how it compares, and with what.
import { Autocomplete, CloseButton, Group, Select } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyComparison, JourneyTest } from '../../types';
import { factOptions, operatorOptions, takesList, takesNoValue } from './conditionFacts';
import { ConditionValueInput } from './ConditionValueInput';
import { describedOption } from './describedOption';

const renderFact = describedOption(new Map(factOptions.map((fact) => [fact.value, fact.label])));

interface ConditionRowProps {
  test: JourneyTest;
  onChange: (test: JourneyTest) => void;
  onRemove: () => void;
  /** The API's problem with this rule, by field ('' for the rule as a whole). */
  errorOf: (field: '' | 'fact' | 'op' | 'value') => ReactNode;
  readOnly: boolean;
}

/** The value kept when the operator changes between one value, a list and none. */
function valueFor(op: JourneyComparison, value: JourneyTest['value']): JourneyTest['value'] {
  if (takesNoValue(op)) return undefined;
  if (takesList(op)) return Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
  return Array.isArray(value) ? (value[0] ?? '') : value;
}

export function ConditionRow({ test, onChange, onRemove, errorOf, readOnly }: ConditionRowProps) {
  return (
    <Group align="flex-start" gap="xs" wrap="wrap">
      <Autocomplete
        label="Fact"
        placeholder="model.category"
        data={factOptions.map((fact) => fact.value)}
        renderOption={renderFact}
        value={test.fact}
        onChange={(fact) => onChange({ ...test, fact })}
        error={errorOf('fact') ?? errorOf('')}
        w={230}
        maxDropdownHeight={320}
      />
      <Select
        label="Is"
        data={operatorOptions}
        value={test.op}
        allowDeselect={false}
        onChange={(picked) => {
          const op = (picked ?? 'eq') as JourneyComparison;
          const { value: _dropped, ...rest } = test;
          const value = valueFor(op, test.value);
          onChange(value === undefined ? { ...rest, op } : { ...rest, op, value });
        }}
        error={errorOf('op')}
        w={150}
      />
      <ConditionValueInput fact={test.fact} op={test.op} value={test.value} onChange={(value) => onChange({ ...test, value })} error={errorOf('value')} />
      {!readOnly && <CloseButton mt={28} aria-label={`Remove the rule on ${test.fact || 'a fact'}`} onClick={onRemove} />}
    </Group>
  );
}
