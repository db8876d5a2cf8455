// Switches a journey live, off or paused, saying what each means for owners.
import { Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import { notifyError, notifySuccess } from '../../notify';
import type { JourneyDetail, JourneyStatus } from '../../types';
import { statusHelp, statusLabels } from './journeyLabels';

export function JourneyStatusControl({ journey, onChanged, readOnly }: { journey: JourneyDetail; onChanged: (journey: JourneyDetail) => void; readOnly: boolean }) {
  const [busy, setBusy] = useState(false);
  async function change(status: JourneyStatus) {
    setBusy(true);
    try {
      const updated = await api.post<JourneyDetail>(`/journeys/${journey.id}/status`, { status });
      onChanged(updated);
      notifySuccess(`${updated.name} is ${statusLabels[status].toLowerCase()}: ${statusHelp[status].toLowerCase()}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Group gap="sm">
      <SegmentedControl
        aria-label="Journey status"
        disabled={readOnly || busy}
        value={journey.status}
        onChange={(status) => void change(status as JourneyStatus)}
        data={(['live', 'paused', 'off'] as const).map((status) => ({ value: status, label: statusLabels[status] }))}
        color={journey.status === 'live' ? 'green' : journey.status === 'paused' ? 'yellow' : 'gray'}
      />
      <Text size="sm" c="dimmed">
        {statusHelp[journey.status]}
      </Text>
    </Group>
  );
}
