// The messages sent to one owner, for an agent answering "did you email me?".
import { Alert } from '@mantine/core';
import { useState } from 'react';
import type { OutboxMessage } from '../../types';
import { useCursorList } from '../../useCursorList';
import { LoadMoreButton } from '../LoadMoreButton';
import { MessageDrawer } from '../outbox/MessageDrawer';
import { OutboxTable } from '../outbox/OutboxTable';

export function OwnerMessages({ ownerId }: { ownerId: string }) {
  const list = useCursorList<OutboxMessage>('/messages', { ownerId }, 10);
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  return (
    <>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <OutboxTable messages={list.items} loading={list.loading} onOpen={setOpen} emptyText="No messages sent to this owner." />
      <LoadMoreButton hasMore={list.hasMore} loading={list.loading} onLoadMore={() => void list.loadMore()} />
      <MessageDrawer message={open} onClose={() => setOpen(null)} />
    </>
  );
}
