// Starts a template: its key, name, channel, class and default language, with a first content to edit.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api';
import { showSaveError } from '../../formErrors';
import { type Template, type TemplateChannel, type TemplateClass, classLabels, commonLanguages, templateClasses } from './templateTypes';

interface NewTemplateValues {
  key: string;
  name: string;
  channel: TemplateChannel;
  class: TemplateClass;
  defaultLanguage: string;
}

const blank: NewTemplateValues = { key: '', name: '', channel: 'email', class: 'marketing', defaultLanguage: 'en' };

// A first content that passes the checks, so the editor opens on something that renders.
const starter = {
  email: { subject: 'Hello {{ owner.firstName }}', body: 'Hello {{ owner.firstName }},\n\nWrite your message here.', buttonLabel: null, buttonUrl: null },
  sms: { subject: '', body: '{{ brand.name }}: write your message here.', buttonLabel: null, buttonUrl: null },
};

export function NewTemplateModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (template: Template) => void }) {
  const [saving, setSaving] = useState(false);
  const form = useForm<NewTemplateValues>({ initialValues: blank });

  function close() {
    form.setValues(blank);
    form.clearErrors();
    onClose();
  }

  async function submit(values: NewTemplateValues) {
    setSaving(true);
    try {
      const created = await api.post<Template>('/templates', { ...values, key: values.key.trim(), name: values.name.trim(), contents: { [values.defaultLanguage]: starter[values.channel] } });
      form.setValues(blank);
      onCreated(created);
    } catch (caught) {
      showSaveError(form, caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="New template" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack>
          <TextInput label="Name" required placeholder="Filter reminder" {...form.getInputProps('name')} />
          <TextInput label="Key" required placeholder="filter-reminder" description="What journeys name it by: lower-case letters, digits, - and _. It cannot change later." {...form.getInputProps('key')} />
          <Group grow>
            <Select label="Channel" data={[{ value: 'email', label: 'Email' }, { value: 'sms', label: 'Text message (SMS)' }]} allowDeselect={false} {...form.getInputProps('channel')} />
            <Select label="Default language" data={commonLanguages} searchable allowDeselect={false} {...form.getInputProps('defaultLanguage')} />
          </Group>
          <Select label="Class" data={templateClasses.map((value) => ({ value, label: classLabels[value] }))} allowDeselect={false} {...form.getInputProps('class')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Create and edit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
