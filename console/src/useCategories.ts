// Category suggestions: the API has no category list, so gather the ones the first models use.
import { useEffect, useState } from 'react';
import { api } from './api';
import type { Model, Page } from './types';

export function useCategories(): string[] {
  const [categories, setCategories] = useState<string[]>([]);
  useEffect(() => {
    let cancelled = false;
    api
      .get<Page<Model>>('/models', { limit: 200 })
      .then((page) => {
        if (!cancelled) setCategories([...new Set(page.data.map((model) => model.category))].sort());
      })
      // Suggestions are a convenience; without them the field still takes free text.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return categories;
}
