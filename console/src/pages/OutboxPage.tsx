// Every email and SMS OpenOX sent or queued for owners; in development, the only place they land.
import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { MessageDrawer } from '../components/outbox/MessageDrawer';
import { OutboxTable } from '../components/outbox/OutboxTable';
import { PageHeader } from '../components/PageHeader';
import type { OutboxMessage } from '../types';
import { useCursorList } from '../useCursorList';

export function OutboxPage() {
  const [searchParams] = useSearchParams();
  // The owner page links here with ?ownerId= for "all of this owner's messages".
  const ownerId = searchParams.get('ownerId') ?? undefined;
  const list = useCursorList<OutboxMessage>('/messages', { ownerId });
  const [open, setOpen] = useState<OutboxMessage | null>(null);

  return (
    <>
      <PageHeader title="Outbox" />
      {ownerId && (
        <Group mb="md" gap="xs">
          <Text size="sm">Showing the messages of one owner.</Text>
          <Anchor component={Link} to={`/owners/${ownerId}`} size="sm">
            Open the owner
          </Anchor>
          <Anchor component={Link} to="/outbox" size="sm">
            Show all messages
          </Anchor>
        </Group>
      )}
      {list.error && <Alert color="red">{list.error}</Alert>}
      <OutboxTable messages={list.items} loading={list.loading} onOpen={setOpen} emptyText="No messages yet." />
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
      <MessageDrawer message={open} onClose={() => setOpen(null)} />
    </>
  );
}
