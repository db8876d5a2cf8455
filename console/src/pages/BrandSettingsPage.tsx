// The brand's name, logo and colours, as owners and staff see them.
import { Button, ColorInput, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../api';
import { FileUploadButton } from '../components/FileUploadButton';
import { PageHeader } from '../components/PageHeader';
import { showSaveError } from '../formErrors';
import { notifySuccess } from '../notify';
import { useSession, useSignedInSession } from '../session';
import type { Brand } from '../types';

export function BrandSettingsPage() {
  const { brand } = useSignedInSession();
  const { replaceBrand } = useSession();
  const [logoUrl, setLogoUrl] = useState(brand.logoUrl);
  const form = useForm({
    initialValues: {
      name: brand.name,
      logoFileId: brand.logoFileId,
      primaryColor: brand.primaryColor,
      accentColor: brand.accentColor,
    },
  });

  const save = form.onSubmit(async (values) => {
    try {
      const saved = await api.patch<Brand>('/brand', { ...values, name: values.name.trim() });
      replaceBrand(saved); // header and theme follow at once
      form.resetDirty(values);
      notifySuccess('Brand settings saved.');
    } catch (error) {
      showSaveError(form, error);
    }
  });

  return (
    <>
      <PageHeader title="Brand settings" />
      <Paper withBorder p="lg" maw={560}>
        <form onSubmit={save} noValidate>
          <Stack>
            <TextInput label="Brand name" required {...form.getInputProps('name')} />
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Logo
              </Text>
              {logoUrl ? (
                <Image src={logoUrl} alt="Brand logo" h={64} w="auto" fit="contain" style={{ alignSelf: 'flex-start' }} />
              ) : (
                <Text size="sm" c="dimmed">
                  No logo yet.
                </Text>
              )}
              <Group gap="xs">
                <FileUploadButton
                  purpose="logo"
                  size="xs"
                  label={logoUrl ? 'Replace logo' : 'Upload logo'}
                  onUploaded={(file) => {
                    form.setFieldValue('logoFileId', file.id);
                    setLogoUrl(file.url);
                  }}
                />
                {logoUrl && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      form.setFieldValue('logoFileId', null);
                      setLogoUrl(null);
                    }}
                  >
                    Remove
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                PNG, JPEG or WebP, at most 2 MB.
              </Text>
              {form.errors.logoFileId && (
                <Text size="xs" c="red">
                  {form.errors.logoFileId}
                </Text>
              )}
            </Stack>
            <Group grow>
              <ColorInput label="Primary colour" format="hex" {...form.getInputProps('primaryColor')} />
              <ColorInput label="Accent colour" format="hex" {...form.getInputProps('accentColor')} />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
