// One message as sent: its envelope, its text and its HTML. The HTML runs in a sandbox with no scripts,
// forms or same-origin access, so a message can never act inside the console.
import { Alert, Anchor, Center, DataList, Drawer, Group, Loader, Table, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { formatDateTime, humanize } from '../../format';
import type { OutboxMessage, OutboxMessageDetail } from '../../types';
import { MessageStatusBadge, statusReasonText } from './MessageStatusBadge';

const historySources = { policy: 'Send-time policy', transport: 'Transport', provider: 'Provider' } as const;

export function MessageDrawer({ message, onClose }: { message: OutboxMessage | null; onClose: () => void }) {
  const [detail, setDetail] = useState<OutboxMessageDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!message) return;
    let cancelled = false;
    api
      .get<OutboxMessageDetail>(`/messages/${message.id}`)
      .then((loaded) => !cancelled && setDetail(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      cancelled = true;
    };
  }, [message]);

  return (
    <Drawer opened={message !== null} onClose={onClose} position="right" size="xl" title={message?.subject || (message ? humanize(message.template) : '')}>
      {message && (
        <DataList size="sm" labelWidth={110} mb="md">
          <DataList.Item>
            <DataList.ItemLabel>To</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap="xs">
                <Text size="sm">{message.recipient}</Text>
                {message.ownerId && (
                  <Anchor component={Link} to={`/owners/${message.ownerId}`} size="sm" onClick={onClose}>
                    Open owner
                  </Anchor>
                )}
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Status</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap="xs">
                <MessageStatusBadge status={message.status} reason={message.statusReason} />
                <Text size="sm" c="dimmed">
                  {message.attempts} attempt{message.attempts === 1 ? '' : 's'}
                  {message.sentAt && `, sent ${formatDateTime(message.sentAt)}`}
                </Text>
              </Group>
              {message.statusReason && (
                <Text size="xs" c="dimmed">
                  Because {statusReasonText(message.statusReason)}
                  {message.holdUntil && `; goes at ${formatDateTime(message.holdUntil)}`}
                  {message.expiresAt && `; expires ${formatDateTime(message.expiresAt)}`}
                </Text>
              )}
            </DataList.ItemValue>
          </DataList.Item>
          {message.lastError && (
            <DataList.Item>
              <DataList.ItemLabel>Last error</DataList.ItemLabel>
              <DataList.ItemValue>
                <Text size="sm" c="red">
                  {message.lastError}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
          )}
          <DataList.Item>
            <DataList.ItemLabel>Template</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text size="sm" ff="monospace">
                {message.template}
              </Text>
              <Text size="xs" c="dimmed">
                {humanize(message.class)} message by {message.channel === 'sms' ? 'SMS' : 'email'}, created {formatDateTime(message.createdAt)}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {message && !detail && !error && (
        <Center py="xl">
          <Loader aria-label="Loading message" />
        </Center>
      )}
      {detail && (
        <Tabs defaultValue={detail.bodyHtml ? 'html' : 'text'} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="html" disabled={!detail.bodyHtml}>
              HTML
            </Tabs.Tab>
            <Tabs.Tab value="text">Text</Tabs.Tab>
            <Tabs.Tab value="history">History</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="html" pt="md">
            {detail.bodyHtml && (
              <iframe
                title="HTML body of the message"
                sandbox=""
                srcDoc={detail.bodyHtml}
                style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', background: 'white' }}
              />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="md">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {detail.bodyText}
            </Text>
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>By</Table.Th>
                  <Table.Th>Detail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.history.map((event, index) => (
                  <Table.Tr key={`${event.at}-${index}`}>
                    <Table.Td>{formatDateTime(event.at)}</Table.Td>
                    <Table.Td>{humanize(event.status)}</Table.Td>
                    <Table.Td>{historySources[event.source]}</Table.Td>
                    <Table.Td>{event.source === 'policy' ? (statusReasonText(event.detail?.split(' ')[0] ?? null) ?? event.detail) : event.detail}</Table.Td>
                  </Table.Tr>
                ))}
                {detail.history.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="dimmed">
                        Nothing yet: it is waiting for its first delivery attempt.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Tabs.Panel>
        </Tabs>
      )}
    </Drawer>
  );
}
