import type { Task } from 'graphile-worker';
import { z } from 'zod';
import type { Db } from '../platform/database/database.ts';
import { asBrandId, inBrand } from '../platform/database/tenancy.ts';
import { refreshSegment } from './membership.ts';

const refreshPayload = z.object({ segmentId: z.uuid(), brandId: z.uuid() });

/**
 * The queue tasks of segments: `segment_refresh` brings one segment's members up to date (queued when
 * a segment is created, its condition changes or someone asks, keyed per segment so they never
 * pile up), and `segment_refresh_all` (every 15 minutes) queues one for every segment of every brand.
 */
export function segmentTasks(db: Db): Record<'segment_refresh' | 'segment_refresh_all', Task> {
  return {
    segment_refresh: async (payload) => {
      const { segmentId, brandId } = refreshPayload.parse(payload);
      // A segment deleted since has nothing to refresh.
      await inBrand(db, asBrandId(brandId), (scope) => refreshSegment(scope, segmentId));
    },
    segment_refresh_all: async (_payload, helpers) => {
      const segments = await db.selectFrom('segments').select(['id', 'brand_id']).execute();
      for (const segment of segments) {
        await helpers.addJob('segment_refresh', { segmentId: segment.id, brandId: segment.brand_id }, { jobKey: `segment-refresh:${segment.id}`, maxAttempts: 5 });
      }
    },
  };
}
