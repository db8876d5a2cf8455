// Runs the journey on paper for a real owner (and one of their products): each step's decision and
// the message it would send, rendered, with nothing queued or sent.
import { Alert, Button, Collapse, Group, JsonInput, Paper, Select, Stack, Text, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import type { JourneyDefinition, JourneyPreviewStep, OwnerDetail } from '../../types';
import { OwnerPicker } from '../templates/OwnerPicker';
import { stepTypeLabels } from './journeyLabels';

export function JourneyPreviewPanel({ journeyId, definition }: {
  journeyId: string;
  /** The definition being edited (previewed as it is, published or not); null when the builder cannot read it. */
  definition: JourneyDefinition | null;
}) {
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [products, setProducts] = useState<{ value: string; label: string }[]>([]);
  const [ownershipId, setOwnershipId] = useState<string | null>(null);
  const [eventText, setEventText] = useState('');
  const [eventOpened, { toggle: toggleEvent }] = useDisclosure(false);
  const [steps, setSteps] = useState<JourneyPreviewStep[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    setProducts([]);
    setOwnershipId(null);
    setSteps(null);
    if (!ownerId) return;
    let cancelled = false;
    api
      .get<OwnerDetail>(`/owners/${ownerId}`)
      .then((owner) => {
        if (cancelled) return;
        const active = owner.ownerships.filter((product) => product.status === 'active');
        setProducts(active.map((product) => ({ value: product.id, label: `${product.model.name}${product.serial ? ` (${product.serial})` : ''}` })));
        setOwnershipId(active[0]?.id ?? null);
      })
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, [ownerId]);

  let event: Record<string, unknown> | undefined;
  let eventError: string | null = null;
  if (eventText.trim()) {
    try {
      const parsed: unknown = JSON.parse(eventText);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) event = parsed as Record<string, unknown>;
      else eventError = 'The event data is a JSON object, e.g. {"to": "resolved"}.';
    } catch {
      eventError = 'This is not valid JSON.';
    }
  }

  async function run() {
    if (!ownerId) return;
    setRunning(true);
    setError(null);
    try {
      const answer = await api.post<{ steps: JourneyPreviewStep[] }>(`/journeys/${journeyId}/preview`, {
        ownerId,
        ownershipId,
        ...(definition ? { definition } : {}),
        ...(event ? { event } : {}),
      });
      setSteps(answer.steps);
    } catch (caught) {
      setSteps(null);
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Shows what the journey as edited here would do for one owner, with time moved on at each wait and no awaited event arriving. Nothing is queued or sent.
      </Text>
      <Group align="flex-end">
        <OwnerPicker label="Owner" placeholder="Search by email, phone, serial or name" value={ownerId} onChange={setOwnerId} w={360} />
        <Select label="Product" placeholder={ownerId ? 'No product' : 'Pick an owner first'} clearable data={products} value={ownershipId} onChange={setOwnershipId} disabled={!ownerId} w={300} />
        <Button onClick={() => void run()} loading={running} disabled={!ownerId || eventError !== null}>
          Preview
        </Button>
      </Group>
      <div>
        <Button variant="subtle" size="compact-sm" onClick={toggleEvent}>
          {eventOpened ? 'Hide' : 'Add'} the entering event's data (for event.data.* conditions)
        </Button>
        <Collapse expanded={eventOpened}>
          <JsonInput mt="xs" placeholder='{"to": "resolved"}' value={eventText} onChange={setEventText} autosize minRows={3} error={eventError} w={480} />
        </Collapse>
      </div>
      {!definition && (
        <Alert color="yellow">The builder cannot read the JSON being edited, so the published version is previewed.</Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {steps && (
        <Timeline active={steps.length - 1} bulletSize={18} lineWidth={2}>
          {steps.map((step, index) => (
            <Timeline.Item key={index} title={step.stepId === 'trigger' ? 'Trigger · entering a segment' : `${step.stepId === 'entry' ? 'Entry' : step.stepId} · ${step.type === 'entry' ? 'entry conditions' : stepTypeLabels[step.type]}`}>
              <Text size="xs" c="dimmed">
                {formatDateTime(step.at)}
              </Text>
              <Text size="sm">{step.decision}</Text>
              {step.message && (
                <Paper withBorder p="sm" mt="xs" maw={640}>
                  <Text size="xs" c="dimmed">
                    {step.message.channel === 'sms' ? 'SMS' : 'Email'} to {step.message.recipient ?? 'nobody (no address)'}
                  </Text>
                  {step.message.subject && (
                    <Text size="sm" fw={600}>
                      {step.message.subject}
                    </Text>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {step.message.text}
                  </Text>
                </Paper>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
