// What happened with the owner, newest first; repeated edits by one person within minutes are one line.
import { Spoiler, Stack, Text, Timeline } from '@mantine/core';
import { formatDateTime } from '../../format';
import type { TimelineActor, TimelineEntry } from './overviewTypes';
import { type ProductNames, describeEntry, describeEvent } from './timelineText';

function actorText(actor: TimelineActor | null): string | null {
  if (!actor) return null;
  if (actor.type === 'owner') return 'by the owner';
  if (actor.type === 'system') return null;
  return `by ${actor.label}`;
}

function when(entry: TimelineEntry): string {
  return entry.count > 1 ? `${formatDateTime(entry.firstAt)} – ${formatDateTime(entry.lastAt)}` : formatDateTime(entry.lastAt);
}

export function OwnerTimeline({ entries, product }: { entries: TimelineEntry[]; product: ProductNames }) {
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing has happened yet.
      </Text>
    );
  }
  return (
    <Spoiler maxHeight={560} showLabel="Show the whole timeline" hideLabel="Show less">
      <Timeline bulletSize={12} lineWidth={2} aria-label="Timeline">
        {entries.map((entry) => (
          <Timeline.Item key={entry.id} title={<Text size="sm" fw={500}>{describeEntry(entry, product)}</Text>}>
            <Text size="xs" c="dimmed">
              {[when(entry), actorText(entry.actor)].filter(Boolean).join(' · ')}
            </Text>
            {entry.count > 1 && (
              <Stack gap={0} mt={2}>
                {entry.events.map((event) => (
                  <Text key={event.id} size="xs" c="dimmed">
                    {formatDateTime(event.at)}: {describeEvent(event, product)}
                  </Text>
                ))}
              </Stack>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Spoiler>
  );
}
