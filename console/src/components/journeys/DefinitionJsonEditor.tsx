// The definition as JSON, the very body the API takes: edits the builder can show go into it at once;
// anything else is sent as it is on publish, for the API to say what is wrong.
import { Alert, JsonInput, Stack, Text } from '@mantine/core';

export interface JsonDraft {
  text: string;
  /** Not JSON at all: nothing can be published until it is. */
  syntaxError: string | null;
  /** JSON the builder cannot show; publishing sends it as it is. */
  builderProblem: string | null;
}

export function DefinitionJsonEditor({ draft, onChange, readOnly }: { draft: JsonDraft; onChange: (text: string) => void; readOnly: boolean }) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        This is the journey as the API takes it (POST and PUT /api/v1/journeys with a name and this definition).
      </Text>
      <JsonInput
        aria-label="Journey definition as JSON"
        value={draft.text}
        onChange={onChange}
        readOnly={readOnly}
        autosize
        minRows={16}
        maxRows={40}
        formatOnBlur
        error={draft.syntaxError}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      {draft.builderProblem && (
        <Alert color="yellow" title="The builder cannot show this">
          {draft.builderProblem} Publish sends the JSON as it is and shows the API's answer.
        </Alert>
      )}
    </Stack>
  );
}
