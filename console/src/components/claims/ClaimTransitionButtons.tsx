// One button per status the claim may move to now; a move that needs words or details asks for them first.
import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { formErrorsFrom } from '../../formErrors';
import { notifyError, notifySuccess } from '../../notify';
import { moveLabels, statusColors, statusLabels } from './claimLabels';
import type { ClaimDetail, ClaimStatus, Fulfilment } from './claimTypes';

const reasonPrompts: Partial<Record<ClaimStatus, string>> = {
  denied: 'Why is it denied? The owner is told this.',
  needs_info: 'What does the owner need to send or answer? They are told this.',
};

interface Draft {
  reason: string;
  kind: Fulfilment['kind'];
  bookedFor: string;
  carrier: string;
  trackingNumber: string;
  amount: number | string;
  currency: string;
}

const emptyDraft: Draft = { reason: '', kind: 'repair', bookedFor: '', carrier: '', trackingNumber: '', amount: '', currency: 'USD' };

function fulfilmentOf(draft: Draft): Fulfilment {
  if (draft.kind === 'repair') return { kind: 'repair', bookedFor: draft.bookedFor ? new Date(draft.bookedFor).toISOString() : '' };
  if (draft.kind === 'replacement') return { kind: 'replacement', carrier: draft.carrier, trackingNumber: draft.trackingNumber };
  return { kind: 'refund', amountMinor: Math.round(Number(draft.amount) * 100), currency: draft.currency.toUpperCase() };
}

export function ClaimTransitionButtons({ claim, onChanged, canWrite }: { claim: ClaimDetail; onChanged: (claim: ClaimDetail) => void; canWrite: boolean }) {
  const [target, setTarget] = useState<ClaimStatus | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (claim.nextStatuses.length === 0) return <Text c="dimmed">This claim is closed: its record is final.</Text>;

  async function move(to: ClaimStatus) {
    setBusy(true);
    try {
      const body = { to, ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}), ...(to === 'fulfilment' ? { fulfilment: fulfilmentOf(draft) } : {}) };
      onChanged(await api.post<ClaimDetail>(`/claims/${claim.id}/transitions`, body));
      notifySuccess(`Claim ${claim.number} is now ${statusLabels[to].toLowerCase()}.`);
      setTarget(null);
      setDraft(emptyDraft);
      setErrors({});
    } catch (error) {
      setErrors(formErrorsFrom(error));
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  const set = (field: keyof Draft) => (value: string | number) => setDraft((current) => ({ ...current, [field]: value }));
  const field = (name: string) => errors[name] ?? errors[`fulfilment.${name}`];

  return (
    <>
      <Group gap="sm">
        {claim.nextStatuses.map((status) => (
          <Button key={status} color={statusColors[status]} variant={status === 'denied' ? 'light' : 'filled'} disabled={!canWrite} onClick={() => setTarget(status)}>
            {moveLabels[status]}
          </Button>
        ))}
      </Group>
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={target ? `${moveLabels[target]}: claim ${claim.number}` : ''} centered>
        {target && (
          <Stack>
            {target === 'fulfilment' && (
              <>
                <SegmentedControl
                  value={draft.kind}
                  onChange={(value) => set('kind')(value)}
                  data={[{ value: 'repair', label: 'Repair' }, { value: 'replacement', label: 'Replacement' }, { value: 'refund', label: 'Refund' }]}
                />
                {draft.kind === 'repair' && (
                  <TextInput label="Repair booked for" type="datetime-local" required value={draft.bookedFor} onChange={(event) => set('bookedFor')(event.currentTarget.value)} error={field('bookedFor')} />
                )}
                {draft.kind === 'replacement' && (
                  <>
                    <TextInput label="Carrier" required value={draft.carrier} onChange={(event) => set('carrier')(event.currentTarget.value)} error={field('carrier')} />
                    <TextInput label="Tracking number" required value={draft.trackingNumber} onChange={(event) => set('trackingNumber')(event.currentTarget.value)} error={field('trackingNumber')} />
                  </>
                )}
                {draft.kind === 'refund' && (
                  <Group grow>
                    <NumberInput label="Amount" required min={0} decimalScale={2} value={draft.amount} onChange={set('amount')} error={field('amountMinor')} />
                    <TextInput label="Currency" required maxLength={3} value={draft.currency} onChange={(event) => set('currency')(event.currentTarget.value)} error={field('currency')} />
                  </Group>
                )}
              </>
            )}
            <Textarea
              label={reasonPrompts[target] ? 'Reason' : 'Note to the owner (optional)'}
              description={reasonPrompts[target] ?? 'Shown to the owner in the claim history and in the email they get.'}
              required={reasonPrompts[target] !== undefined}
              autosize
              minRows={3}
              value={draft.reason}
              onChange={(event) => set('reason')(event.currentTarget.value)}
              error={errors.reason ?? errors.fulfilment}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)} disabled={busy}>
                Cancel
              </Button>
              <Button color={statusColors[target]} loading={busy} onClick={() => void move(target)}>
                {moveLabels[target]}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
