// One language's content: subject and button for an email, the text itself for both channels.
import { Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { ContentDraft, TemplateChannel } from './templateTypes';

type Field = keyof ContentDraft;

export function ContentEditor({ channel, draft, errors, onChange }: {
  channel: TemplateChannel;
  draft: ContentDraft;
  /** Messages by field, as the API named them. */
  errors: Partial<Record<Field, string>>;
  onChange: (draft: ContentDraft) => void;
}) {
  const set = (field: Field) => (event: { currentTarget: { value: string } }) => onChange({ ...draft, [field]: event.currentTarget.value });
  const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
  return (
    <Stack>
      {channel === 'email' && <TextInput label="Subject" required value={draft.subject} onChange={set('subject')} error={errors.subject} styles={mono} />}
      <Textarea
        label={channel === 'email' ? 'Message' : 'Text message'}
        description={channel === 'email' ? 'Paragraphs are split by a blank line. The email is laid out in your colours, with a plain-text part and a footer linking to the preference centre.' : 'Marketing texts end with “Reply STOP to opt out.”'}
        required
        autosize
        minRows={channel === 'email' ? 8 : 4}
        value={draft.body}
        onChange={set('body')}
        error={errors.body}
        styles={mono}
      />
      {channel === 'email' && (
        <Group grow align="flex-start">
          <TextInput label="Button label" placeholder="See my product" value={draft.buttonLabel} onChange={set('buttonLabel')} error={errors.buttonLabel} styles={mono} />
          <TextInput label="Button address" placeholder="{{ links.productPage }}" value={draft.buttonUrl} onChange={set('buttonUrl')} error={errors.buttonUrl} styles={mono} />
        </Group>
      )}
    </Stack>
  );
}
