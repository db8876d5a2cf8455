// Everything that happened on a claim, oldest first: status changes and messages; and the box to write in.
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { notifyError } from '../../notify';
import { actorLabel, statusColors, statusLabels } from './claimLabels';
import type { ClaimDetail, ClaimVisibility } from './claimTypes';

type Entry =
  | { kind: 'transition'; at: string; item: ClaimDetail['transitions'][number] }
  | { kind: 'message'; at: string; item: ClaimDetail['messages'][number] };

function entriesOf(claim: ClaimDetail): Entry[] {
  return [
    ...claim.transitions.map((item): Entry => ({ kind: 'transition', at: item.at, item })),
    ...claim.messages.map((item): Entry => ({ kind: 'message', at: item.createdAt, item })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

export function ClaimTimeline({ claim, onChanged, canWrite }: { claim: ClaimDetail; onChanged: (claim: ClaimDetail) => void; canWrite: boolean }) {
  const [visibility, setVisibility] = useState<ClaimVisibility>('internal');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    try {
      onChanged(await api.post<ClaimDetail>(`/claims/${claim.id}/messages`, { visibility, body }));
      setBody('');
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      notifyError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Timeline bulletSize={14} lineWidth={2}>
        {entriesOf(claim).map((entry) =>
          entry.kind === 'transition' ? (
            <Timeline.Item key={entry.item.id} color={statusColors[entry.item.to]} title={<Group gap="xs"><Badge color={statusColors[entry.item.to]} variant="light">{statusLabels[entry.item.to]}</Badge><Text size="sm" c="dimmed">{entry.item.from ? `from ${statusLabels[entry.item.from].toLowerCase()}` : 'filed'}</Text></Group>}>
              {entry.item.reason && <Text size="sm">{entry.item.reason}</Text>}
              <Text size="xs" c="dimmed">
                {actorLabel(entry.item.actor)} · {formatDateTime(entry.item.at)}
              </Text>
            </Timeline.Item>
          ) : (
            <Timeline.Item key={entry.item.id} color={entry.item.visibility === 'internal' ? 'gray' : 'blue'} title={entry.item.visibility === 'internal' ? 'Internal note' : entry.item.author.type === 'owner' ? 'Owner wrote' : 'Reply to the owner'}>
              <Paper withBorder p="xs" bg={entry.item.visibility === 'internal' ? 'var(--mantine-color-yellow-0)' : undefined}>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {entry.item.body}
                </Text>
              </Paper>
              <Text size="xs" c="dimmed">
                {actorLabel(entry.item.author)} · {formatDateTime(entry.item.createdAt)}
              </Text>
            </Timeline.Item>
          ),
        )}
      </Timeline>
      {canWrite && claim.status !== 'closed' && (
        <Stack gap="xs">
          <SegmentedControl
            value={visibility}
            onChange={(value) => setVisibility(value as ClaimVisibility)}
            data={[{ value: 'internal', label: 'Internal note' }, { value: 'owner', label: 'Reply to the owner' }]}
            w="fit-content"
          />
          <Textarea
            label={visibility === 'internal' ? 'Note for staff' : 'Reply'}
            description={visibility === 'internal' ? 'Only staff see this.' : 'The owner sees this on their claim page and gets it by email (and text, if they chose texts).'}
            autosize
            minRows={3}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={error}
          />
          <Group justify="flex-end">
            <Button loading={busy} disabled={!body.trim()} onClick={() => void send()}>
              {visibility === 'internal' ? 'Add note' : 'Send reply'}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
