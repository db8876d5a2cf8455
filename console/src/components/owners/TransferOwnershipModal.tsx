// The owner sold or gave the product away: pass it to its new owner, who is found or added by email.
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api';
import { showSaveError } from '../../formErrors';
import { notifySuccess } from '../../notify';
import type { OwnerOverviewProduct } from './overviewTypes';

interface TransferValues {
  email: string;
  name: string;
  country: string;
  language: string;
  transferredOn: string;
}

const blank: TransferValues = { email: '', name: '', country: '', language: 'en', transferredOn: '' };

export function TransferOwnershipModal({ product, onClose, onTransferred }: {
  product: OwnerOverviewProduct | null;
  onClose: () => void;
  onTransferred: (newOwnerId: string) => void;
}) {
  const [saving, setSaving] = useState(false);
  const form = useForm<TransferValues>({ initialValues: blank });

  function close() {
    form.setValues(blank);
    form.clearErrors();
    onClose();
  }

  async function submit(values: TransferValues) {
    if (!product) return;
    setSaving(true);
    try {
      const transferred = await api.post<{ ownerId: string }>(`/ownerships/${product.id}/transfer`, {
        owner: { email: values.email.trim(), name: values.name.trim(), country: values.country.trim().toUpperCase() || undefined, language: values.language },
        transferredOn: values.transferredOn || undefined,
      });
      notifySuccess(`${product.model.name} now belongs to ${values.name.trim()}.`);
      form.setValues(blank);
      onTransferred(transferred.ownerId);
    } catch (caught) {
      // The API names fields as owner.email etc.; the form's fields are flat.
      showSaveError({ setErrors: (errors) => form.setErrors(Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^owner\./, ''), message]))) }, caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={product !== null} onClose={close} title={`Transfer ${product?.model.name ?? 'product'} to a new owner`} centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack>
          <Text size="sm" c="dimmed">
            Serial {product?.serial ?? '—'}. The current owner keeps it in their history but can no longer act on it; the warranty follows the model's
            transfer rules.
          </Text>
          <TextInput label="New owner's email" type="email" required {...form.getInputProps('email')} />
          <TextInput label="New owner's name" required {...form.getInputProps('name')} />
          <Group grow>
            <TextInput label="Country" placeholder="US" maxLength={2} {...form.getInputProps('country')} />
            <Select label="Language" data={[{ value: 'en', label: 'English' }, { value: 'es', label: 'Spanish' }]} allowDeselect={false} {...form.getInputProps('language')} />
          </Group>
          <TextInput label="Transferred on" type="date" description="When the new owner got it, if known." {...form.getInputProps('transferredOn')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Transfer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
