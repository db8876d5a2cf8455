// The journey's steps in order (the first is where owners enter), each linked to the next by its targets.
import { Button, Menu, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JourneyStep, JourneyStepCounts, JourneyStepType } from '../../types';
import { stepTypeLabels } from './journeyLabels';
import { StepCard } from './StepCard';
import { freshStepId, hasPlainNext, plainNext, relink, stepOfType } from './stepDefaults';

interface StepListProps {
  steps: JourneyStep[];
  /** `edited`: the one step that changed in place (its errors go); undefined when steps moved or went. */
  onChange: (steps: JourneyStep[], edited?: number) => void;
  /** Live figures per step; null before the journey exists. */
  counts: readonly JourneyStepCounts[] | null;
  errors: Record<string, ReactNode>;
  readOnly: boolean;
}

export function StepList({ steps, onChange, counts, errors, readOnly }: StepListProps) {
  const countsOf = new Map((counts ?? []).map((figures) => [figures.stepId, figures]));

  function add(type: JourneyStepType) {
    const id = freshStepId(type, steps);
    const last = steps.at(-1);
    // The usual case is a straight line: the step that ended the journey now leads to the new one.
    const linked = last && hasPlainNext(last.type) && plainNext(last) === undefined ? [...steps.slice(0, -1), { ...last, next: id } as JourneyStep] : steps;
    onChange([...linked, stepOfType(type, id)]);
  }

  function move(index: number, by: -1 | 1) {
    const moved = [...steps];
    const [step] = moved.splice(index, 1);
    if (!step) return;
    moved.splice(index + by, 0, step);
    onChange(moved);
  }

  return (
    <Stack gap="sm">
      {errors['definition.steps'] && (
        <Text c="red" size="sm">
          {errors['definition.steps']}
        </Text>
      )}
      {steps.map((step, index) => (
        <StepCard
          key={index}
          step={step}
          index={index}
          steps={steps}
          counts={counts ? (countsOf.get(step.id) ?? null) : undefined}
          errors={errors}
          readOnly={readOnly}
          onChange={(changed) => onChange(steps.map((current, i) => (i === index ? changed : current)), index)}
          onRenamed={(from, to) => onChange(steps.map((current, i) => (i === index ? current : relink(current, from, to))))}
          onMove={(by) => move(index, by)}
          onRemove={() => onChange(steps.filter((_, i) => i !== index).map((current) => relink(current, step.id, undefined)))}
        />
      ))}
      {!readOnly && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="light" w="fit-content">
              Add step
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {Object.entries(stepTypeLabels).map(([type, label]) => (
              <Menu.Item key={type} onClick={() => add(type as JourneyStepType)}>
                {label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Stack>
  );
}
