// A small table of wording overrides: which country or channel, which language, and the text that replaces the shipped one.
import { Button, CloseButton, Fieldset, Group, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { languageOptions } from './regionOptions';
import type { OverrideField, SettingsForm } from './settingsForm';

interface OverrideRowsProps {
  form: SettingsForm;
  field: OverrideField;
  legend: string;
  description: string;
  scopeLabel: string;
  scopeOptions: { value: string; label: string }[];
  /** What a new row starts with, e.g. the brand's first country. */
  defaultScope: string;
  maxLength: number;
  readOnly: boolean;
}

export function OverrideRows({ form, field, legend, description, scopeLabel, scopeOptions, defaultScope, maxLength, readOnly }: OverrideRowsProps) {
  const rows = form.values[field];
  const languages = languageOptions(rows.map((row) => row.language));
  return (
    <Fieldset legend={legend} disabled={readOnly}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={220}>{scopeLabel}</Table.Th>
                  <Table.Th w={190}>Language</Table.Th>
                  <Table.Th>Text</Table.Th>
                  <Table.Th w={40} aria-label="Remove" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => (
                  <Table.Tr key={index}>
                    <Table.Td valign="top">
                      <Select aria-label={scopeLabel} data={scopeOptions} searchable allowDeselect={false} {...form.getInputProps(`${field}.${index}.scope`)} />
                    </Table.Td>
                    <Table.Td valign="top">
                      <Select aria-label="Language" data={languages} searchable allowDeselect={false} {...form.getInputProps(`${field}.${index}.language`)} />
                    </Table.Td>
                    <Table.Td valign="top">
                      <Textarea
                        aria-label="Text"
                        autosize
                        minRows={2}
                        maxRows={10}
                        description={`${row.text.length} / ${maxLength} characters`}
                        inputWrapperOrder={['input', 'description', 'error']}
                        {...form.getInputProps(`${field}.${index}.text`)}
                      />
                    </Table.Td>
                    <Table.Td valign="top">
                      {!readOnly && <CloseButton mt={6} aria-label={`Remove override ${index + 1}`} onClick={() => form.removeListItem(field, index)} />}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {form.errors[field] && (
          <Text size="xs" c="red">
            {form.errors[field]}
          </Text>
        )}
        {!readOnly && (
          <Group>
            <Button variant="light" size="xs" onClick={() => form.insertListItem(field, { scope: defaultScope, language: 'en', text: '' })}>
              Add override
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
