import { Badge, Tooltip } from '@mantine/core';
import type { MessageStatus } from '../../types';

const statusLooks: Record<MessageStatus, { color: string; label: string; hint: string }> = {
  queued: { color: 'blue', label: 'Queued', hint: 'Waiting to be handed to the email or SMS provider.' },
  sending: { color: 'blue', label: 'Sending', hint: 'Being handed to the provider now.' },
  sent: { color: 'green', label: 'Sent', hint: 'The provider accepted it.' },
  failed: { color: 'red', label: 'Failed', hint: 'Every attempt failed; see the last error.' },
  logged: { color: 'gray', label: 'Logged only', hint: 'No provider is configured, so it was recorded here and not sent.' },
  suppressed: { color: 'orange', label: 'Suppressed', hint: 'Not sent: an opt-out, bounce or complaint, or no marketing consent.' },
  held: { color: 'yellow', label: 'Held', hint: 'A marketing message waiting for quiet hours to end or a frequency cap to free; it goes by itself then.' },
  expired: { color: 'gray', label: 'Expired', hint: 'It could not go while it was still relevant, so it was not sent.' },
  delivered: { color: 'green', label: 'Delivered', hint: 'The SMS provider reported it reached the phone.' },
  undelivered: { color: 'red', label: 'Undelivered', hint: 'The provider could not deliver it (or the email bounced).' },
};

// The send-time policy's reasons, as a person reads them.
const reasonLabels: Record<string, string> = {
  quiet_hours: "in the owner's quiet hours",
  frequency_cap: 'over the frequency cap',
  past_expiry: 'past its expiry',
  opted_out: 'the recipient opted out',
  bounced: 'the address bounced',
  complained: 'the recipient complained',
  no_owner: 'marketing to an address with no owner',
  safety_only: "the owner's details are for safety notices only",
  no_consent: 'the owner never opted in',
  consent_withdrawn: 'the owner withdrew consent',
};

export function statusReasonText(reason: string | null): string | null {
  return reason ? (reasonLabels[reason] ?? reason) : null;
}

export function MessageStatusBadge({ status, reason = null }: { status: MessageStatus; reason?: string | null }) {
  const look = statusLooks[status];
  const because = statusReasonText(reason);
  return (
    <Tooltip label={because ? `${look.hint} Why: ${because}.` : look.hint}>
      <Badge color={look.color} variant="light">
        {look.label}
      </Badge>
    </Tooltip>
  );
}
