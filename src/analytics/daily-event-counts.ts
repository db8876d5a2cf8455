import { sql } from 'kysely';
import type { EventConsumer } from '../platform/events/consumers.ts';

/** Keeps a per-brand, per-day count of every event type: the console's activity figures. */
export const dailyEventCounts: EventConsumer = {
  name: 'analytics.daily_event_counts',
  types: '*',
  async handle(scope, event) {
    await scope.db
      .insertInto('daily_event_counts')
      .values({ brand_id: scope.brandId, day: sql<string>`(${event.occurred_at}::timestamptz at time zone 'UTC')::date`, type: event.type, count: 1 })
      .onConflict((conflict) => conflict.columns(['brand_id', 'day', 'type']).doUpdateSet({ count: sql`daily_event_counts.count + 1` }))
      .execute();
  },
};
