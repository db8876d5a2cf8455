import { Button, CloseButton, Fieldset, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { ListError } from './ListError';
import type { ModelForm } from './modelForm';

export function MaintenanceRows({ form, readOnly }: { form: ModelForm; readOnly: boolean }) {
  return (
    <Fieldset legend="Maintenance schedule" disabled={readOnly}>
      <Stack gap="sm">
        {form.values.maintenanceSchedule.length === 0 && (
          <Text size="sm" c="dimmed">
            No recurring tasks. Owners get a reminder for each task at its interval.
          </Text>
        )}
        {form.values.maintenanceSchedule.map((_, index) => (
          <Paper key={index} withBorder p="sm">
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Stack gap="xs" flex={1}>
                <Group grow align="flex-start">
                  <TextInput label={`Task ${index + 1}`} required {...form.getInputProps(`maintenanceSchedule.${index}.name`)} />
                  <NumberInput
                    label="Every (days)"
                    required
                    min={1}
                    max={36500}
                    allowDecimal={false}
                    {...form.getInputProps(`maintenanceSchedule.${index}.intervalDays`)}
                  />
                </Group>
                <Textarea label="Instructions" autosize minRows={2} {...form.getInputProps(`maintenanceSchedule.${index}.instructions`)} />
              </Stack>
              {!readOnly && (
                <CloseButton
                  mt={30}
                  aria-label={`Remove task ${index + 1}`}
                  onClick={() => form.removeListItem('maintenanceSchedule', index)}
                />
              )}
            </Group>
          </Paper>
        ))}
        <ListError form={form} path="maintenanceSchedule" />
        {!readOnly && (
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem('maintenanceSchedule', { name: '', intervalDays: 90, instructions: '' })}
            >
              Add task
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
