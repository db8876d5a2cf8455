// The brand's message templates, to pick one for a send step (every page of /templates).
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { notifyError } from '../../notify';
import { useSession } from '../../session';
import type { Page } from '../../types';
import type { TemplateSummary } from '../templates/templateTypes';

export function useTemplateOptions(): TemplateSummary[] | null {
  const { can } = useSession();
  const allowed = can('messages:read');
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  useEffect(() => {
    if (!allowed) return;
    let cancelled = false;
    (async () => {
      const all: TemplateSummary[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<TemplateSummary> = await api.get<Page<TemplateSummary>>('/templates', { limit: 200, cursor });
        all.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor && all.length < 2000);
      if (!cancelled) setTemplates(all);
    })().catch((error: unknown) => !cancelled && notifyError(error));
    return () => {
      cancelled = true;
    };
  }, [allowed]);
  return templates;
}
