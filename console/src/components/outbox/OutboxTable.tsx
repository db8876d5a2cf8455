// Messages in the outbox, newest first; choosing one opens it.
import { Badge, Table, Text } from '@mantine/core';
import { formatDateTime, humanize } from '../../format';
import type { OutboxMessage } from '../../types';
import { EmptyTableRow } from '../EmptyTableRow';
import { MessageStatusBadge } from './MessageStatusBadge';

const classColors: Record<OutboxMessage['class'], string> = { safety: 'red', service: 'blue', marketing: 'grape', compliance: 'gray' };

export function OutboxTable({ messages, loading, onOpen, emptyText }: { messages: OutboxMessage[]; loading: boolean; onOpen: (message: OutboxMessage) => void; emptyText: string }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Created</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Subject / template</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr
              key={message.id}
              onClick={() => onOpen(message)}
              onKeyDown={(event) => event.key === 'Enter' && onOpen(message)}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(message.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>{message.channel === 'sms' ? 'SMS' : 'Email'}</Table.Td>
              <Table.Td>
                <Badge color={classColors[message.class]} variant="light">
                  {humanize(message.class)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{message.recipient}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {message.subject || '—'}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {message.template}
                </Text>
              </Table.Td>
              <Table.Td>
                <MessageStatusBadge status={message.status} reason={message.statusReason} />
              </Table.Td>
            </Table.Tr>
          ))}
          <EmptyTableRow show={!loading && messages.length === 0} columns={6}>
            {emptyText}
          </EmptyTableRow>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
