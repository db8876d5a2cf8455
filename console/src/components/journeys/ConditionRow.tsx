// One rule of a condition: a fact, how it compares, and with what.
import { Autocomplete, CloseButton, Group, Select } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyComparison, JourneyTest } from '../../types';
import { type ConditionScope, factKind, factOptionsFor, operatorOptionsFor, segmentProblemOf, takesList, takesNoValue } from './conditionFacts';
import { ConditionValueInput } from './ConditionValueInput';
import { describedOption } from './describedOption';

const factOptions = { journey: factOptionsFor('journey'), segment: factOptionsFor('segment') };
const renderFact = describedOption(new Map(factOptions.journey.map((fact) => [fact.value, fact.label])));

interface ConditionRowProps {
  test: JourneyTest;
  onChange: (test: JourneyTest) => void;
  onRemove: () => void;
  /** The API's problem with this rule, by field ('' for the rule as a whole). */
  errorOf: (field: '' | 'fact' | 'op' | 'value') => ReactNode;
  readOnly: boolean;
  /** Segments take fewer facts than journeys. */
  scope: ConditionScope;
}

/** The value kept when the operator changes between one value, a list and none. */
function valueFor(op: JourneyComparison, value: JourneyTest['value']): JourneyTest['value'] {
  if (takesNoValue(op)) return undefined;
  if (takesList(op)) return Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
  return Array.isArray(value) ? (value[0] ?? '') : value;
}

/** The rule with another fact: an operator the new fact does not take becomes the first one it does. */
function withFact(test: JourneyTest, fact: string): JourneyTest {
  const allowed = operatorOptionsFor(fact).map((option) => option.value as JourneyComparison);
  if (allowed.includes(test.op)) return { ...test, fact };
  const op = (factKind(fact) === 'list' ? 'includes' : 'eq') as JourneyComparison;
  return { fact, op, value: valueFor(op, test.value) };
}

export function ConditionRow({ test, onChange, onRemove, errorOf, readOnly, scope }: ConditionRowProps) {
  const outOfScope = scope === 'segment' && test.fact ? segmentProblemOf(test.fact) : null;
  return (
    <Group align="flex-start" gap="xs" wrap="wrap">
      <Autocomplete
        label="Fact"
        placeholder="model.category"
        data={factOptions[scope].map((fact) => fact.value)}
        renderOption={renderFact}
        value={test.fact}
        onChange={(fact) => onChange(withFact(test, fact))}
        error={errorOf('fact') ?? errorOf('') ?? outOfScope}
        w={230}
        maxDropdownHeight={320}
      />
      <Select
        label="Is"
        data={operatorOptionsFor(test.fact)}
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
