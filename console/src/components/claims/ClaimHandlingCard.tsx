// Who has the claim, its return authorisation, and the owner's proof of purchase.
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { formErrorsFrom } from '../../formErrors';
import { notifyError, notifySuccess } from '../../notify';
import type { ClaimAssignee, ClaimDetail } from './claimTypes';

const proofLooks: Record<ClaimDetail['proof']['status'], { color: string; label: string }> = {
  none: { color: 'gray', label: 'No receipt on file' },
  submitted: { color: 'blue', label: 'Receipt to check' },
  verified: { color: 'green', label: 'Receipt verified' },
  rejected: { color: 'red', label: 'Receipt rejected' },
};

function useAssignees(): ClaimAssignee[] {
  const [assignees, setAssignees] = useState<ClaimAssignee[]>([]);
  useEffect(() => {
    let cancelled = false;
    api
      .get<{ data: ClaimAssignee[] }>('/claims/assignees')
      .then((answer) => !cancelled && setAssignees(answer.data))
      .catch(notifyError);
    return () => {
      cancelled = true;
    };
  }, []);
  return assignees;
}

export function ClaimHandlingCard({ claim, onChanged, canWrite }: { claim: ClaimDetail; onChanged: (claim: ClaimDetail) => void; canWrite: boolean }) {
  const assignees = useAssignees();
  const [rma, setRma] = useState(claim.rmaNumber ?? '');
  const [rejection, setRejection] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const editable = canWrite && claim.status !== 'closed';

  useEffect(() => setRma(claim.rmaNumber ?? ''), [claim.rmaNumber]);

  async function act(name: string, request: () => Promise<ClaimDetail>, done: string) {
    setBusy(name);
    try {
      onChanged(await request());
      setErrors({});
      notifySuccess(done);
    } catch (error) {
      setErrors(formErrorsFrom(error));
      notifyError(error);
    } finally {
      setBusy(null);
    }
  }

  const proof = proofLooks[claim.proof.status];
  return (
    <Card withBorder>
      <Stack gap="md">
        <Title order={4}>Handling</Title>
        <Select
          label="Assigned to"
          placeholder="Nobody"
          data={assignees.map((staff) => ({ value: staff.id, label: `${staff.name} (${staff.role})` }))}
          value={claim.assignee?.id ?? null}
          onChange={(value) => void act('assign', () => api.post<ClaimDetail>(`/claims/${claim.id}/assignee`, { assigneeId: value }), value ? 'Claim assigned.' : 'Claim unassigned.')}
          clearable
          disabled={!editable || busy === 'assign'}
          error={errors.assigneeId}
        />
        <Group align="flex-end" wrap="nowrap">
          <TextInput label="RMA number" value={rma} onChange={(event) => setRma(event.currentTarget.value)} disabled={!editable} error={errors.rmaNumber} style={{ flex: 1 }} />
          <Button
            variant="default"
            loading={busy === 'rma'}
            disabled={!editable || rma.trim() === (claim.rmaNumber ?? '')}
            onClick={() => void act('rma', () => api.put<ClaimDetail>(`/claims/${claim.id}/rma`, { rmaNumber: rma.trim() || null }), 'RMA number saved.')}
          >
            Save
          </Button>
        </Group>
        <Stack gap="xs">
          <Text fw={500} size="sm">
            Proof of purchase
          </Text>
          <Group gap="xs">
            <Badge color={proof.color} variant="light">
              {proof.label}
            </Badge>
            {claim.proofRequested && (
              <Badge color="yellow" variant="light">
                Requested from the owner
              </Badge>
            )}
            {claim.proof.fileUrl && (
              <Anchor href={claim.proof.fileUrl} target="_blank" rel="noopener noreferrer" size="sm">
                Open receipt
              </Anchor>
            )}
          </Group>
          {editable && (
            <>
              <Button variant="default" loading={busy === 'request'} onClick={() => void act('request', () => api.post<ClaimDetail>(`/claims/${claim.id}/proof-request`, {}), 'The owner has been asked for their receipt.')}>
                Ask the owner for proof of purchase
              </Button>
              {claim.proof.fileUrl && (
                <>
                  <TextInput label="Reason, if rejecting" description="The owner is told this." value={rejection} onChange={(event) => setRejection(event.currentTarget.value)} error={errors.verdict ?? errors.reason} />
                  <Group grow>
                    <Button color="green" variant="light" loading={busy === 'verified'} onClick={() => void act('verified', () => api.post<ClaimDetail>(`/claims/${claim.id}/proof-decision`, { verdict: 'verified' }), 'Receipt verified.')}>
                      Verify
                    </Button>
                    <Button color="red" variant="light" loading={busy === 'rejected'} onClick={() => void act('rejected', () => api.post<ClaimDetail>(`/claims/${claim.id}/proof-decision`, { verdict: 'rejected', ...(rejection.trim() ? { reason: rejection.trim() } : {}) }), 'Receipt rejected; the owner has been told.')}>
                      Reject
                    </Button>
                  </Group>
                </>
              )}
            </>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
