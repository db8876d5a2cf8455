import { Button, CloseButton, Code, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { ListError } from './ListError';
import type { ModelForm } from './modelForm';

function MaskHelp() {
  return (
    <Text size="sm" c="dimmed">
      In a mask, <Code>A</Code> is a letter, <Code>#</Code> a digit, <Code>*</Code> a letter or digit, and <Code>Y</Code>/
      <Code>M</Code>/<Code>W</Code> are year/month/week-of-manufacture digits. Other characters stand for themselves;{' '}
      <Code>\</Code> escapes the next one. Leave “Where to find it” empty to have it written from the mask.
    </Text>
  );
}

export function SerialRuleRows({ form, readOnly }: { form: ModelForm; readOnly: boolean }) {
  return (
    <Fieldset legend="Serial number rules" disabled={readOnly}>
      <Stack gap="xs">
        {form.values.serialRules.length === 0 && (
          <Text size="sm" c="dimmed">
            No rules: any serial number is accepted at registration.
          </Text>
        )}
        {form.values.serialRules.length > 0 && <MaskHelp />}
        {form.values.serialRules.map((_, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label={`Mask ${index + 1}`}
              placeholder="AA########"
              w={260}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps(`serialRules.${index}.mask`)}
            />
            <TextInput
              label="Where to find it"
              placeholder="e.g. On the sticker inside the door"
              flex={1}
              {...form.getInputProps(`serialRules.${index}.description`)}
            />
            {!readOnly && (
              <CloseButton mt={30} aria-label={`Remove serial rule ${index + 1}`} onClick={() => form.removeListItem('serialRules', index)} />
            )}
          </Group>
        ))}
        <ListError form={form} path="serialRules" />
        {!readOnly && (
          <Group>
            <Button variant="light" size="xs" onClick={() => form.insertListItem('serialRules', { mask: '', description: '' })}>
              Add serial rule
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
