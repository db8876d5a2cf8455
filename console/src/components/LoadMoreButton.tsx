import { Button, Center } from '@mantine/core';

/** Shown under a list while the API reports a next page. */
export function LoadMoreButton({ hasMore, loading, onLoadMore }: { hasMore: boolean; loading: boolean; onLoadMore: () => void }) {
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={loading} onClick={onLoadMore}>
        Load more
      </Button>
    </Center>
  );
}
