// Adds or edits one resource (manual, video, FAQ…) of a model.
import { Anchor, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api';
import { showSaveError } from '../../formErrors';
import { notifySuccess } from '../../notify';
import type { Resource, ResourceInput } from '../../types';
import { FileUploadButton } from '../FileUploadButton';
import { kindOptions, stageOptions } from './resourceLabels';

interface ResourceFormModalProps {
  modelId: string;
  /** null adds a new resource. */
  resource: Resource | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (resource: Resource) => void;
}

const blank: ResourceInput = { kind: 'manual', title: '', stage: 'onboarding', language: 'en', url: null, fileId: null, body: '' };

export function ResourceFormModal({ modelId, resource, opened, onClose, onSaved }: ResourceFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={resource ? 'Edit resource' : 'Add resource'} size="lg">
      {/* Mounted only while open, so each opening starts from the resource's current values. */}
      {opened && <ResourceForm modelId={modelId} resource={resource} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function ResourceForm({ modelId, resource, onClose, onSaved }: Omit<ResourceFormModalProps, 'opened'>) {
  const [file, setFile] = useState<{ name: string; url: string } | null>(
    resource?.fileUrl ? { name: 'Current PDF', url: resource.fileUrl } : null,
  );
  const form = useForm({
    initialValues: {
      ...blank,
      ...(resource
        ? { kind: resource.kind, title: resource.title, stage: resource.stage, language: resource.language, fileId: resource.fileId, body: resource.body }
        : {}),
      url: resource?.url ?? '',
    },
  });
  const kind = form.values.kind;
  const takesFile = kind === 'manual' || kind === 'quick_start';
  const takesBody = kind === 'faq' || kind === 'troubleshooting';

  const save = form.onSubmit(async (values) => {
    const body: ResourceInput = { ...values, title: values.title.trim(), url: values.url.trim() || null };
    try {
      const saved = resource
        ? await api.patch<Resource>(`/resources/${resource.id}`, body)
        : await api.post<Resource>(`/models/${modelId}/resources`, body);
      notifySuccess(resource ? `Saved ${saved.title}.` : `Added ${saved.title}.`);
      onSaved(saved);
      onClose();
    } catch (error) {
      showSaveError(form, error);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={3}>
          <Select label="Kind" data={kindOptions} allowDeselect={false} {...form.getInputProps('kind')} />
          <Select label="Lifecycle stage" data={stageOptions} allowDeselect={false} {...form.getInputProps('stage')} />
          <TextInput label="Language" description="e.g. en or fr-CA" {...form.getInputProps('language')} />
        </SimpleGrid>
        <TextInput
          label="Link"
          description={kind === 'video' ? 'Where the video is hosted.' : 'Optional: a page on your own site.'}
          placeholder="https://"
          {...form.getInputProps('url')}
        />
        {takesFile && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              PDF document
            </Text>
            <Group gap="sm">
              <FileUploadButton
                purpose="document"
                size="xs"
                label={file ? 'Replace PDF' : 'Upload PDF'}
                onUploaded={(uploaded) => {
                  form.setFieldValue('fileId', uploaded.id);
                  setFile({ name: uploaded.originalName, url: uploaded.url });
                }}
              />
              {file && (
                <>
                  <Anchor href={file.url} target="_blank" size="sm">
                    {file.name}
                  </Anchor>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      form.setFieldValue('fileId', null);
                      setFile(null);
                    }}
                  >
                    Remove
                  </Button>
                </>
              )}
            </Group>
            {form.errors.fileId && (
              <Text size="xs" c="red">
                {form.errors.fileId}
              </Text>
            )}
          </Stack>
        )}
        {takesBody && (
          <Textarea
            label={kind === 'faq' ? 'Answer' : 'Article'}
            autosize
            minRows={4}
            maxRows={14}
            {...form.getInputProps('body')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {resource ? 'Save resource' : 'Add resource'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
