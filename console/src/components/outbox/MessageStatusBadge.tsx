import { Badge, Tooltip } from '@mantine/core';
import type { MessageStatus } from '../../types';

const statusLooks: Record<MessageStatus, { color: string; label: string; hint: string }> = {
  queued: { color: 'blue', label: 'Queued', hint: 'Waiting to be handed to the email or SMS provider.' },
  sending: { color: 'blue', label: 'Sending', hint: 'Being handed to the provider now.' },
  sent: { color: 'green', label: 'Sent', hint: 'The provider accepted it.' },
  failed: { color: 'red', label: 'Failed', hint: 'Every attempt failed; see the last error.' },
  logged: { color: 'gray', label: 'Logged only', hint: 'No provider is configured, so it was recorded here and not sent.' },
  suppressed: { color: 'orange', label: 'Suppressed', hint: 'The recipient opted out of this channel (or bounced, or complained), so it was not sent.' },
};

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  const look = statusLooks[status];
  return (
    <Tooltip label={look.hint}>
      <Badge color={look.color} variant="light">
        {look.label}
      </Badge>
    </Tooltip>
  );
}
