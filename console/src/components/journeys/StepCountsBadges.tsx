// A step's live figures: how many owners reached it, wait there now, got its message, were held, converted or left.
import { Badge, Group, Tooltip } from '@mantine/core';
import type { JourneyStepCounts } from '../../types';

const figures = [
  { key: 'entered', label: 'entered', help: 'Owners who reached this step', color: 'blue' },
  { key: 'waiting', label: 'waiting', help: 'Owners at this step now', color: 'cyan' },
  { key: 'sent', label: 'sent', help: 'Messages from this step that went out', color: 'teal' },
  { key: 'held', label: 'held', help: 'Messages consent, an opt-out, a cap or quiet hours stopped or hold', color: 'yellow' },
  { key: 'converted', label: 'converted', help: 'Owners who passed this step and then reached the goal', color: 'green' },
  { key: 'exited', label: 'exited', help: 'Owners whose journey ended at this step', color: 'gray' },
] as const;

export function StepCountsBadges({ counts, isSend }: { counts: JourneyStepCounts | null; isSend: boolean }) {
  return (
    <Group gap={4} aria-label="Live counts">
      {figures
        .filter((figure) => isSend || (figure.key !== 'sent' && figure.key !== 'held'))
        .map((figure) => (
          <Tooltip key={figure.key} label={figure.help}>
            <Badge variant="light" color={figure.color} size="sm" tt="none">
              {(counts?.[figure.key] ?? 0).toLocaleString()} {figure.label}
            </Badge>
          </Tooltip>
        ))}
    </Group>
  );
}
