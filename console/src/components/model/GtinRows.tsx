import { Button, CloseButton, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { ListError } from './ListError';
import type { ModelForm } from './modelForm';

export function GtinRows({ form, readOnly }: { form: ModelForm; readOnly: boolean }) {
  return (
    <Fieldset legend="GTINs (barcodes)" disabled={readOnly}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {form.values.gtins.length === 0 ? 'No GTINs yet. ' : ''}
          Owners find the product by scanning one of these: 8, 12, 13 or 14 digits ending in the check digit.
        </Text>
        {form.values.gtins.map((_, index) => (
          // Rows are positional: the API reports errors by index (gtins.0), so the index is the identity.
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput label={`GTIN ${index + 1}`} inputMode="numeric" w={360} {...form.getInputProps(`gtins.${index}`)} />
            {!readOnly && (
              <CloseButton mt={30} aria-label={`Remove GTIN ${index + 1}`} onClick={() => form.removeListItem('gtins', index)} />
            )}
          </Group>
        ))}
        <ListError form={form} path="gtins" />
        {!readOnly && (
          <Group>
            <Button variant="light" size="xs" onClick={() => form.insertListItem('gtins', '')}>
              Add GTIN
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
