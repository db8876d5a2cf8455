import type { BrandScope } from '../platform/database/tenancy.ts';
import { type TimelineEntry, type TimelineEvent, actorOfEvent, foldTimeline } from './timeline.ts';

/** How far back an owner's timeline reaches: the latest this many events, and as many messages. */
export const timelineDepth = 200;

export interface TimelineSubjects {
  readonly ownerId: string;
  readonly ownershipIds: readonly string[];
  /** Empty for a reader who may not see claims. */
  readonly claimIds: readonly string[];
  readonly withMessages: boolean;
}

/**
 * The owner's timeline: events whose subject is the owner, one of their products or claims (through
 * the events_subject index), and the messages sent to them, folded (see foldTimeline).
 */
export async function ownerTimeline(scope: BrandScope, subjects: TimelineSubjects): Promise<TimelineEntry[]> {
  const subjectIds = [subjects.ownerId, ...subjects.ownershipIds, ...subjects.claimIds];
  const events = await scope.db
    .selectFrom('events')
    .select(['id', 'type', 'subject_type', 'subject_id', 'payload', 'occurred_at'])
    .where('brand_id', '=', scope.brandId)
    .where('subject_id', 'in', subjectIds)
    // A connected product reports many times a day; its readings have their own section of the view.
    .where('type', 'not like', 'telemetry.%')
    .orderBy('id', 'desc')
    .limit(timelineDepth)
    .execute();
  const messages = subjects.withMessages
    ? await scope.db
      .selectFrom('messages')
      .select(['id', 'channel', 'class', 'template', 'subject', 'status', 'created_at'])
      .where('brand_id', '=', scope.brandId)
      .where('owner_id', '=', subjects.ownerId)
      .orderBy('created_at', 'desc')
      .limit(timelineDepth)
      .execute()
    : [];

  const happened: TimelineEvent[] = [
    ...events.map((event) => {
      const payload = (event.payload ?? {}) as Record<string, unknown>;
      return { id: event.id, type: event.type, subjectType: event.subject_type, subjectId: event.subject_id, at: event.occurred_at.toISOString(), actor: actorOfEvent(payload), payload };
    }),
    ...messages.map((message) => ({
      id: message.id,
      type: 'message',
      subjectType: 'message',
      subjectId: message.id,
      at: message.created_at.toISOString(),
      actor: { type: 'system' as const, id: null, label: 'OpenOX' },
      payload: { channel: message.channel, class: message.class, template: message.template, subject: message.subject, status: message.status },
    })),
  ];
  return foldTimeline(happened);
}
