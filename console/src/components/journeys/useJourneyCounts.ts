// Live counts of a journey, fetched again every 10 seconds while the page is open and visible.
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { JourneyCounts } from '../../types';

const refreshMs = 10_000;

export function useJourneyCounts(journeyId: string | undefined, initial: JourneyCounts | null): { counts: JourneyCounts | null; refreshedAt: Date | null } {
  const [state, setState] = useState<{ counts: JourneyCounts | null; refreshedAt: Date | null }>({ counts: initial, refreshedAt: initial ? new Date() : null });
  useEffect(() => {
    setState({ counts: initial, refreshedAt: initial ? new Date() : null });
  }, [initial]);
  useEffect(() => {
    if (!journeyId) return;
    let cancelled = false;
    const timer = window.setInterval(() => {
      // A tab in the background does not need figures nobody is looking at.
      if (document.hidden) return;
      api
        .get<JourneyCounts>(`/journeys/${journeyId}/counts`)
        .then((counts) => !cancelled && setState({ counts, refreshedAt: new Date() }))
        // A missed refresh is retried at the next tick; the figures shown say when they are from.
        .catch(() => undefined);
    }, refreshMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [journeyId]);
  return state;
}
