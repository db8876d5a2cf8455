// An agent files a claim for an owner on the phone: owner, product and coverage come filled in.
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { formatDay } from '../../format';
import { showSaveError } from '../../formErrors';
import { notifySuccess } from '../../notify';
import type { ClaimDetail, Coverage, ProductCategoryProblems } from './claimTypes';

interface ClaimDraft {
  ownership: { id: string; serial: string | null; purchaseDate: string | null };
  owner: { id: string; name: string; email: string; phone: string | null };
  model: { id: string; name: string; category: string };
  coverage: Coverage | null;
  problemCategories: ProductCategoryProblems;
}

interface NewClaimValues {
  problemCategory: string;
  description: string;
  videoUrl: string;
  contactChannels: string[];
  contactPhone: string;
}

export function NewClaimModal({ ownershipId, opened, onClose }: { ownershipId: string; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ClaimDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<NewClaimValues>({ initialValues: { problemCategory: '', description: '', videoUrl: '', contactChannels: ['email'], contactPhone: '' } });

  useEffect(() => {
    if (!opened) return;
    let cancelled = false;
    setDraft(null);
    setError(null);
    api
      .get<ClaimDraft>('/claims/draft', { ownershipId })
      .then((loaded) => {
        if (cancelled) return;
        setDraft(loaded);
        form.setFieldValue('contactPhone', loaded.owner.phone ?? '');
      })
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
    // The form object is stable for the modal's life: reload only for another product or a reopening.
  }, [ownershipId, opened]);

  async function submit(values: NewClaimValues) {
    if (!draft) return;
    setSaving(true);
    try {
      const claim = await api.post<ClaimDetail>('/claims', {
        ownershipId,
        ownerId: draft.owner.id,
        problemCategory: values.problemCategory,
        description: values.description,
        videoUrl: values.videoUrl.trim() || null,
        contactChannels: values.contactChannels,
        contactPhone: values.contactPhone.trim() || null,
      });
      notifySuccess(`Claim ${claim.number} filed${claim.paidService ? ' as a paid service request' : ''}.`);
      onClose();
      navigate(`/claims/${claim.id}`);
    } catch (caught) {
      showSaveError(form, caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="File a claim for the owner" size="lg" centered>
      {error && <Alert color="red">{error}</Alert>}
      {!draft && !error && <Loader aria-label="Loading the product" />}
      {draft && (
        <form onSubmit={form.onSubmit((values) => void submit(values))}>
          <Stack>
            <Group justify="space-between">
              <div>
                <Text fw={500}>{draft.model.name}</Text>
                <Text size="sm" c="dimmed">
                  {draft.owner.name} · {draft.owner.email} · serial {draft.ownership.serial ?? '—'} · bought {formatDay(draft.ownership.purchaseDate)}
                </Text>
              </div>
              <Badge color={draft.coverage?.covered ? 'green' : 'orange'} variant="light">
                {draft.coverage?.covered ? 'Covered' : 'Not covered: paid service'}
              </Badge>
            </Group>
            <Select
              label="What is wrong"
              required
              data={draft.problemCategories.categories.map((category) => ({ value: category.code, label: category.label }))}
              {...form.getInputProps('problemCategory')}
            />
            <Textarea label="Description" required autosize minRows={3} {...form.getInputProps('description')} />
            <TextInput label="Video link" placeholder="https://" {...form.getInputProps('videoUrl')} />
            <Checkbox.Group label="Reach the owner by" {...form.getInputProps('contactChannels')}>
              <Group mt="xs">
                <Checkbox value="email" label="Email" />
                <Checkbox value="sms" label="Text message" />
                <Checkbox value="phone" label="Phone call" />
              </Group>
            </Checkbox.Group>
            <TextInput label="Phone" type="tel" {...form.getInputProps('contactPhone')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={saving}>
                File claim
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
