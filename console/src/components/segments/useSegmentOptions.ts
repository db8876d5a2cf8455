// The brand's segments, to pick the one whose new members enter a journey.
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { notifyError } from '../../notify';
import type { SegmentSummary } from './segmentTypes';

export function useSegmentOptions(): SegmentSummary[] | null {
  const [segments, setSegments] = useState<SegmentSummary[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    api
      .get<{ data: SegmentSummary[] }>('/segments')
      .then((loaded) => !cancelled && setSegments(loaded.data))
      .catch((error: unknown) => !cancelled && notifyError(error));
    return () => {
      cancelled = true;
    };
  }, []);
  return segments;
}
