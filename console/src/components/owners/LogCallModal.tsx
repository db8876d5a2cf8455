// Log a call with the owner: which way, how long, how it ended, what it was about, and notes.
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api';
import { humanize } from '../../format';
import { showSaveError } from '../../formErrors';
import { notifySuccess } from '../../notify';
import { type CallDirection, type CallLog, type CallOutcome, callOutcomes, type OwnerOverview } from './overviewTypes';

interface CallValues {
  direction: CallDirection;
  minutes: number | string;
  outcome: CallOutcome | null;
  about: string | null;
  notes: string;
}

const blank: CallValues = { direction: 'inbound', minutes: 5, outcome: null, about: null, notes: '' };

/** `about` holds "ownership:<id>" or "claim:<id>": one choice covers both, as the agent thinks of them. */
function aboutOptions(owner: OwnerOverview) {
  return [
    ...(owner.claims ?? []).map((claim) => ({ value: `claim:${claim.id}`, label: `Claim ${claim.number} (${claim.model.name})` })),
    ...owner.ownerships.map((product) => ({ value: `ownership:${product.id}`, label: `${product.model.name}${product.serial ? ` ${product.serial}` : ''}${product.status === 'active' ? '' : ` (${product.status})`}` })),
  ];
}

export function LogCallModal({ owner, opened, onClose, onLogged }: { owner: OwnerOverview; opened: boolean; onClose: () => void; onLogged: (call: CallLog) => void }) {
  const [saving, setSaving] = useState(false);
  const form = useForm<CallValues>({
    initialValues: blank,
    validate: { outcome: (value) => (value ? null : 'Say how the call ended.') },
  });

  async function submit(values: CallValues) {
    setSaving(true);
    try {
      const [kind, id] = values.about?.split(':') ?? [];
      const call = await api.post<CallLog>(`/owners/${owner.id}/calls`, {
        direction: values.direction,
        durationSeconds: Math.round(Number(values.minutes) * 60),
        outcome: values.outcome,
        notes: values.notes,
        ownershipId: kind === 'ownership' ? id : undefined,
        claimId: kind === 'claim' ? id : undefined,
      });
      notifySuccess('Call logged.');
      form.setValues(blank);
      onLogged(call);
    } catch (caught) {
      showSaveError(form, caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Log a call with ${owner.name}`} centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack>
          <SegmentedControl
            aria-label="Direction"
            data={[{ value: 'inbound', label: 'They called' }, { value: 'outbound', label: 'We called' }]}
            {...form.getInputProps('direction')}
          />
          <NumberInput label="Duration (minutes)" min={0} max={1440} step={1} decimalScale={1} required {...form.getInputProps('minutes')} />
          <Select label="Outcome" required data={callOutcomes.map((value) => ({ value, label: humanize(value) }))} {...form.getInputProps('outcome')} />
          <Select label="About" placeholder="The owner in general" clearable data={aboutOptions(owner)} {...form.getInputProps('about')} />
          <Textarea label="Notes" autosize minRows={3} maxLength={4000} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Log call
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
