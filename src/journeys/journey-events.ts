import { sql } from 'kysely';
import type { EventConsumer, StoredEvent } from '../platform/events/consumers.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';

/**
 * What journeys do with each outbox event, in the event's delivery transaction (so once per event):
 * 1. runs whose goal it is convert and leave (a run about a product, only by an event about that
 *    product or about none: reviewing one product does not convert the request about another);
 * 2. runs waiting for it move on (their job is moved to now);
 * 3. owners enter the live journeys it triggers (by its type, or `segment.entered` by its segment), once per entry key.
 * Runs are scheduled by the journey_runs triggers in the same transaction.
 */
export const journeyEvents: EventConsumer = {
  name: 'journeys',
  types: '*',
  async handle(scope, event) {
    const subject = await subjectOf(scope, event);
    if (!subject) return;
    // A product entering a segment enters the journeys that segment triggers, if it entered after
    // they went live: owners already in the segment then are not swept in by switching one on.
    const segmentId = event.type === 'segment.entered' ? segmentIdOf(event) : null;
    await sql`
      update journey_runs r set status = 'converted', end_reason = 'goal', ended_at = now(), wake_at = null, awaiting_event = null
      from journey_versions v
      where v.id = r.journey_version_id and v.goal_event = ${event.type}
        and r.owner_id = ${subject.ownerId} and r.status = 'active' and r.entered_at <= ${event.occurred_at}
        and (r.ownership_id is null or ${subject.ownershipId}::uuid is null or r.ownership_id = ${subject.ownershipId})`.execute(scope.db);
    await sql`
      update journey_runs set event_arrived = true, wake_at = now()
      where owner_id = ${subject.ownerId} and status = 'active' and awaiting_event = ${event.type}
        and (ownership_id is null or ${subject.ownershipId}::uuid is null or ownership_id = ${subject.ownershipId})`.execute(scope.db);
    await sql`
      insert into journey_runs (brand_id, journey_id, journey_version_id, owner_id, ownership_id, entry_key, trigger_payload, wake_at)
      select ${scope.brandId}, j.id, v.id, ${subject.ownerId}, ${subject.ownershipId},
        case v.definition #>> '{trigger,entry}'
          when 'per_event' then 'event:' || ${event.id}
          when 'per_owner' then 'owner'
          else coalesce('ownership:' || ${subject.ownershipId}::text, 'owner')
        end,
        ${JSON.stringify({ type: event.type, data: event.payload })}::jsonb, now()
      from journeys j join journey_versions v on v.id = j.current_version_id
      where j.status = 'live' and (v.trigger_event = ${event.type} or (v.trigger_segment_id = ${segmentId}::uuid and j.live_since <= ${event.occurred_at}))
      on conflict do nothing`.execute(scope.db);
  },
};

/** The owner (and ownership) an event is about: named in its payload, or its subject when that is an ownership. */
async function subjectOf(scope: BrandScope, event: StoredEvent): Promise<{ ownerId: string; ownershipId: string | null } | null> {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const ownershipId = typeof payload.ownershipId === 'string' ? payload.ownershipId : event.subject_type === 'ownership' ? event.subject_id : null;
  if (typeof payload.ownerId === 'string') return { ownerId: payload.ownerId, ownershipId };
  if (event.subject_type === 'owner' && event.subject_id) return { ownerId: event.subject_id, ownershipId };
  if (!ownershipId) return null;
  const ownership = await scope.db.selectFrom('ownerships').select('owner_id').where('id', '=', ownershipId).executeTakeFirst();
  return ownership ? { ownerId: ownership.owner_id, ownershipId } : null;
}

function segmentIdOf(event: StoredEvent): string | null {
  const segmentId = (event.payload as Record<string, unknown> | null)?.segmentId;
  return typeof segmentId === 'string' && /^[0-9a-f-]{36}$/i.test(segmentId) ? segmentId : null;
}
