// Loads a `{ data, nextCursor }` list page by page; filters restart it from the first page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';
import { notifyError } from './notify';
import type { Page } from './types';

type Filters = Record<string, string | undefined>;

export function useCursorList<T>(path: string, filters: Filters = {}, pageSize = 50) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Filters arrive as a fresh object each render; compare them by value.
  const filterKey = JSON.stringify(filters);
  // Ignore answers to requests that a newer filter has already superseded.
  const generation = useRef(0);

  const load = useCallback(
    async (cursor: string | null) => {
      const current = ++generation.current;
      setLoading(true);
      try {
        const page = await api.get<Page<T>>(path, { ...(JSON.parse(filterKey) as Filters), limit: pageSize, cursor });
        if (current !== generation.current) return;
        setItems((previous) => (cursor ? [...previous, ...page.data] : page.data));
        setNextCursor(page.nextCursor);
        setError(null);
      } catch (caught) {
        if (current !== generation.current) return;
        setError(caught instanceof Error ? caught.message : String(caught));
        notifyError(caught);
      } finally {
        if (current === generation.current) setLoading(false);
      }
    },
    [path, filterKey, pageSize],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => (nextCursor ? load(nextCursor) : Promise.resolve()),
    reload: () => load(null),
    /** Replace or drop one item in place after an edit, without refetching. */
    setItems,
  };
}
