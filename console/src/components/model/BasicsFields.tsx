import { Autocomplete, Button, Fieldset, Group, Image, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FileUploadButton } from '../FileUploadButton';
import type { ModelForm } from './modelForm';

interface BasicsFieldsProps {
  form: ModelForm;
  imageUrl: string | null;
  onImageChange: (fileId: string | null, url: string | null) => void;
  categories: string[];
  readOnly: boolean;
}

export function BasicsFields({ form, imageUrl, onImageChange, categories, readOnly }: BasicsFieldsProps) {
  return (
    <Fieldset legend="Basics" disabled={readOnly}>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack flex={1} miw={280} gap="sm">
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <TextInput label="SKU" required {...form.getInputProps('sku')} />
            <Autocomplete label="Category" required data={categories} {...form.getInputProps('category')} />
          </Group>
          <Textarea label="Description" autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
        </Stack>
        <Stack w={220} gap="xs">
          <Text size="sm" fw={500}>
            Product image
          </Text>
          {imageUrl ? (
            <Image src={imageUrl} alt="Product image" h={160} fit="contain" radius="sm" bd="1px solid var(--mantine-color-gray-3)" />
          ) : (
            <Text size="sm" c="dimmed" h={160} bg="gray.0" ta="center" pt={68} style={{ borderRadius: 4 }}>
              No image
            </Text>
          )}
          {!readOnly && (
            <Group gap="xs">
              <FileUploadButton
                purpose="image"
                label={imageUrl ? 'Replace image' : 'Upload image'}
                size="xs"
                onUploaded={(file) => onImageChange(file.id, file.url)}
              />
              {imageUrl && (
                <Button size="xs" variant="subtle" color="red" onClick={() => onImageChange(null, null)}>
                  Remove
                </Button>
              )}
            </Group>
          )}
          {form.errors.imageFileId && (
            <Text size="xs" c="red">
              {form.errors.imageFileId}
            </Text>
          )}
        </Stack>
      </Group>
    </Fieldset>
  );
}
