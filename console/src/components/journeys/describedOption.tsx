// Autocomplete options that show what a value means under the value itself.
import { Stack, Text, type RenderAutocompleteOption } from '@mantine/core';

export function describedOption(labels: ReadonlyMap<string, string>): RenderAutocompleteOption {
  return function DescribedOption({ option }) {
    return (
      <Stack gap={0}>
        <Text size="sm" ff="monospace">
          {option.value}
        </Text>
        {labels.get(option.value) && (
          <Text size="xs" c="dimmed">
            {labels.get(option.value)}
          </Text>
        )}
      </Stack>
    );
  };
}
