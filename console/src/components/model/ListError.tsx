import { Text } from '@mantine/core';
import type { ModelForm } from './modelForm';

/** An error about a whole list (too many rows, say) rather than one row's field. */
export function ListError({ form, path }: { form: ModelForm; path: string }) {
  const error = form.errors[path];
  if (!error) return null;
  return (
    <Text size="xs" c="red" mt="xs">
      {error}
    </Text>
  );
}
