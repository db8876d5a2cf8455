import { Anchor, Group, SegmentedControl, Select, Stack, Switch, Input } from '@mantine/core';
import { Link } from 'react-router';
import type { JourneyStep } from '../../types';
import { NextStepSelect } from './NextStepSelect';
import { OfferFields } from './OfferFields';
import type { StepFieldProps } from './stepFieldProps';
import { withOptional } from './stepFieldProps';
import { useTemplateOptions } from './useTemplateOptions';

type SendStep = Extract<JourneyStep, { type: 'send' }>;

export function SendFields({ step, onChange, errorOf, steps, readOnly }: StepFieldProps<SendStep>) {
  const templates = useTemplateOptions();
  const forChannel = (templates ?? []).filter((template) => template.channel === step.channel);
  const options = forChannel.map((template) => ({ value: template.key, label: `${template.name} (${template.key}, ${template.class})` }));
  // A key the list does not have (templates not readable, or a typo) stays shown, for the API's message to explain.
  if (step.template && !options.some((option) => option.value === step.template)) options.push({ value: step.template, label: step.template });
  return (
    <Stack gap="sm">
      <Group align="flex-start">
        <Input.Wrapper label="Channel" error={errorOf('channel')}>
          <SegmentedControl
            display="flex"
            disabled={readOnly}
            data={[{ value: 'email', label: 'Email' }, { value: 'sms', label: 'SMS' }]}
            value={step.channel}
            onChange={(channel) => onChange({ ...step, channel: channel as SendStep['channel'] })}
          />
        </Input.Wrapper>
        <Select
          label="Template"
          description={
            <>
              The template says whether this is marketing or service. <Anchor component={Link} to="/templates" size="xs">Templates</Anchor>
            </>
          }
          placeholder={templates === null ? 'Loading templates…' : `Pick an ${step.channel === 'sms' ? 'SMS' : 'email'} template`}
          searchable
          data={options}
          value={step.template || null}
          onChange={(template) => onChange({ ...step, template: template ?? '' })}
          nothingFoundMessage={`No ${step.channel} template; create one under Templates`}
          error={errorOf('template')}
          w={380}
        />
        <NextStepSelect label="Then" value={step.next} onChange={(next) => onChange(withOptional(step, 'next', next))} steps={steps} selfId={step.id} error={errorOf('next')} />
      </Group>
      <Switch
        label="Make an offer (for the template's offer.* variables)"
        checked={step.offer !== undefined}
        disabled={readOnly}
        onChange={(event) => onChange(withOptional(step, 'offer', event.currentTarget.checked ? { title: '' } : undefined))}
      />
      {step.offer && <OfferFields offer={step.offer} onChange={(offer) => onChange({ ...step, offer })} errorOf={errorOf} />}
    </Stack>
  );
}
