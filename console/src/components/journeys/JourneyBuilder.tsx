// The journey as a form: trigger, entry conditions, goal and the steps with their live counts.
import { Fieldset, Stack, Text } from '@mantine/core';
import type { JourneyStepCounts } from '../../types';
import { ConditionEditor } from './ConditionEditor';
import { GoalFields } from './GoalFields';
import { clearErrorsUnder, type JourneyForm } from './journeyForm';
import { StepList } from './StepList';
import { TriggerFields } from './TriggerFields';

/** `counts`: the live figures per step; null for a journey not created yet. */
export function JourneyBuilder({ form, counts, readOnly }: { form: JourneyForm; counts: readonly JourneyStepCounts[] | null; readOnly: boolean }) {
  const { definition } = form.values;
  const errors = form.errors;
  const under = (prefix: string) => (field: string) => errors[field ? `${prefix}.${field}` : prefix];
  const set = <K extends keyof typeof definition>(field: K, value: (typeof definition)[K], clear: string = `definition.${field}`) => {
    form.setFieldValue('definition', { ...form.getValues().definition, [field]: value });
    clearErrorsUnder(form, clear);
  };

  return (
    <Stack gap="lg">
      <Fieldset legend="Trigger: when owners enter" disabled={readOnly}>
        <TriggerFields trigger={definition.trigger} onChange={(trigger) => set('trigger', trigger)} errorOf={under('definition.trigger')} readOnly={readOnly} />
        {errors['definition.trigger'] && (
          <Text size="sm" c="red" mt="xs">
            {errors['definition.trigger']}
          </Text>
        )}
      </Fieldset>
      <Fieldset legend="Entry conditions: who may enter" disabled={readOnly}>
        <ConditionEditor
          value={definition.conditions}
          onChange={(conditions) => set('conditions', conditions)}
          path="definition.conditions"
          errors={errors}
          readOnly={readOnly}
          emptyText="No conditions: every owner the trigger finds enters (except those registered for safety notices only)."
        />
      </Fieldset>
      <Fieldset legend="Goal" disabled={readOnly}>
        <GoalFields goal={definition.goal} onChange={(goal) => set('goal', goal)} errorOf={under('definition.goal')} readOnly={readOnly} />
        {errors['definition.goal'] && (
          <Text size="sm" c="red" mt="xs">
            {errors['definition.goal']}
          </Text>
        )}
      </Fieldset>
      <Fieldset legend="Steps: owners start at the first" disabled={readOnly}>
        <StepList
          steps={definition.steps}
          onChange={(steps, edited) => set('steps', steps, edited === undefined ? 'definition.steps' : `definition.steps.${edited}`)}
          counts={counts}
          errors={errors}
          readOnly={readOnly}
        />
      </Fieldset>
    </Stack>
  );
}
