import type { Task } from 'graphile-worker';
import { z } from 'zod';
import type { Db } from '../database/database.ts';
import { asBrandId, inBrand } from '../database/tenancy.ts';
import { type EventConsumer, wants } from './consumers.ts';

const dispatchPayload = z.object({ eventId: z.uuid() });
const deliverPayload = z.object({ eventId: z.uuid(), consumer: z.string() });

/**
 * The queue tasks that carry outbox events to their consumers: `event_dispatch` fans one event out
 * to a job per interested consumer (keyed, so a re-run dispatch adds no duplicates), and
 * `event_deliver` runs one consumer on one event, retried with backoff by the queue until it succeeds.
 */
export function eventTasks(db: Db, consumers: readonly EventConsumer[]): { event_dispatch: Task; event_deliver: Task } {
  const byName = new Map(consumers.map((consumer) => [consumer.name, consumer]));

  const dispatch: Task = async (payload, helpers) => {
    const { eventId } = dispatchPayload.parse(payload);
    const event = await db.selectFrom('events').select(['type']).where('id', '=', eventId).executeTakeFirst();
    if (!event) return; // its brand was deleted since
    for (const consumer of consumers.filter((c) => wants(c, event.type))) {
      await helpers.addJob('event_deliver', { eventId, consumer: consumer.name }, { jobKey: `deliver:${consumer.name}:${eventId}` });
    }
  };

  const deliver: Task = async (payload) => {
    const { eventId, consumer: name } = deliverPayload.parse(payload);
    const consumer = byName.get(name);
    if (!consumer) throw new Error(`No event consumer named ${name} is registered in this version of OpenOX.`);
    const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
    if (!event) return;
    await inBrand(db, asBrandId(event.brand_id), async (scope) => {
      const first = await scope.db
        .insertInto('event_deliveries')
        .values({ consumer: name, event_id: eventId, brand_id: scope.brandId })
        .onConflict((conflict) => conflict.doNothing())
        .returning('event_id')
        .executeTakeFirst();
      if (first) await consumer.handle(scope, event);
    });
  };

  return { event_dispatch: dispatch, event_deliver: deliver };
}
