// The form of one step, by its type.
import { Text } from '@mantine/core';
import type { JourneyStep } from '../../types';
import { BranchFields } from './BranchFields';
import { SendFields } from './SendFields';
import { SplitFields } from './SplitFields';
import type { StepFieldProps } from './stepFieldProps';
import { TaskFields } from './TaskFields';
import { UpdateFields } from './UpdateFields';
import { WaitFields } from './WaitFields';
import { WaitForEventFields } from './WaitForEventFields';
import { WaitUntilFields } from './WaitUntilFields';
import { WebhookFields } from './WebhookFields';

export function StepFields(props: StepFieldProps<JourneyStep>) {
  const { step } = props;
  // Each branch hands the narrowed step to its form; onChange takes the same type back.
  const as = <T extends JourneyStep>(narrowed: T) => ({ ...props, step: narrowed, onChange: props.onChange as (step: T) => void });
  switch (step.type) {
    case 'wait':
      return <WaitFields {...as(step)} />;
    case 'wait_until':
      return <WaitUntilFields {...as(step)} />;
    case 'wait_for_event':
      return <WaitForEventFields {...as(step)} />;
    case 'branch':
      return <BranchFields {...as(step)} />;
    case 'split':
      return <SplitFields {...as(step)} />;
    case 'send':
      return <SendFields {...as(step)} />;
    case 'update':
      return <UpdateFields {...as(step)} />;
    case 'webhook':
      return <WebhookFields {...as(step)} />;
    case 'task':
      return <TaskFields {...as(step)} />;
    case 'exit':
      return (
        <Text size="sm" c="dimmed">
          Owners leave the journey here.
        </Text>
      );
  }
}
