// Makes an API key, then shows its secret exactly once: the API stores only a hash.
import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api';
import { showSaveError } from '../../formErrors';
import { roleOptions } from '../../roleOptions';
import type { CreatedApiKey, Role } from '../../types';

interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}

export function CreateApiKeyModal({ opened, onClose, onCreated }: CreateApiKeyModalProps) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  function close() {
    setCreated(null); // forget the secret as soon as the dialog closes
    onClose();
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Your new API key' : 'Create API key'}
      size="lg"
      // Once the key is on screen, don't let a stray click outside lose it.
      closeOnClickOutside={!created}
    >
      {opened && !created && (
        <CreateApiKeyForm
          onCancel={close}
          onCreated={(key) => {
            setCreated(key);
            onCreated(key);
          }}
        />
      )}
      {created && <ShowKeyOnce apiKey={created} onDone={close} />}
    </Modal>
  );
}

function CreateApiKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (key: CreatedApiKey) => void }) {
  const form = useForm({ initialValues: { name: '', role: 'analyst' as Role } });

  const save = form.onSubmit(async (values) => {
    try {
      onCreated(await api.post<CreatedApiKey>('/api-keys', { name: values.name.trim(), role: values.role }));
    } catch (error) {
      showSaveError(form, error);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <TextInput label="Name" description="What uses this key, e.g. “Warehouse sync”." required data-autofocus {...form.getInputProps('name')} />
        <Select
          label="Role"
          description="The key may do what a staff user with this role may do."
          data={roleOptions}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShowKeyOnce({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" title="Copy it now">
        You will not see this key again. Store it somewhere safe; if it is lost, revoke it and create another.
      </Alert>
      <Code block fz="sm" style={{ wordBreak: 'break-all' }} aria-label="API key">
        {apiKey.key}
      </Code>
      <Text size="sm" c="dimmed">
        Send it as <Code>Authorization: Bearer &lt;key&gt;</Code>.
      </Text>
      <Group justify="flex-end">
        <CopyButton value={apiKey.key}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal' : 'brand'} variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
