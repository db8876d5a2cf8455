/** Who caused something on an owner's timeline. */
export interface TimelineActor {
  readonly type: 'owner' | 'staff' | 'api_key' | 'system';
  readonly id: string | null;
  readonly label: string;
}

/** One thing that happened, from the event outbox (or a message sent). */
export interface TimelineEvent {
  readonly id: string;
  readonly type: string;
  readonly subjectType: string;
  readonly subjectId: string | null;
  /** ISO 8601. */
  readonly at: string;
  /** Null when the event does not say who caused it. */
  readonly actor: TimelineActor | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** One line of the timeline: an event, or several repeated edits folded together. */
export interface TimelineEntry {
  /** The id of the latest event in the entry. */
  readonly id: string;
  readonly type: string;
  readonly subjectType: string;
  readonly subjectId: string | null;
  readonly actor: TimelineActor | null;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly count: number;
  /** The events folded into this entry, newest first. */
  readonly events: readonly TimelineEvent[];
}

/** Edits closer together than this (each to the one before) read as one piece of work. */
export const foldWindowMs = 10 * 60_000;

/**
 * The timeline an agent reads, newest first. Repeated edits by the same actor within minutes fold
 * into one entry: the same kind of event on the same subject (a claim moved through three statuses,
 * both consents changed), each within `windowMs` of the previous one. Events that do not say who
 * caused them never fold: nobody can tell they were one person's work.
 */
export function foldTimeline(events: readonly TimelineEvent[], windowMs = foldWindowMs): TimelineEntry[] {
  const oldestFirst = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  const groups: TimelineEvent[][] = [];
  const openGroups = new Map<string, TimelineEvent[]>();
  for (const event of oldestFirst) {
    const key = foldKey(event);
    const open = key === null ? undefined : openGroups.get(key);
    const previous = open?.at(-1);
    if (open && previous && Date.parse(event.at) - Date.parse(previous.at) <= windowMs) {
      open.push(event);
      continue;
    }
    const group = [event];
    groups.push(group);
    if (key !== null) openGroups.set(key, group);
  }
  return groups.map(toEntry).sort((a, b) => Date.parse(b.lastAt) - Date.parse(a.lastAt) || b.id.localeCompare(a.id));
}

function foldKey(event: TimelineEvent): string | null {
  if (!event.actor) return null;
  const actor = `${event.actor.type}:${event.actor.id ?? event.actor.label}`;
  return JSON.stringify([event.type, event.subjectType, event.subjectId, actor]);
}

function toEntry(group: readonly TimelineEvent[]): TimelineEntry {
  const first = group[0] as TimelineEvent;
  const last = group.at(-1) as TimelineEvent;
  return {
    id: last.id,
    type: last.type,
    subjectType: last.subjectType,
    subjectId: last.subjectId,
    actor: last.actor,
    firstAt: first.at,
    lastAt: last.at,
    count: group.length,
    events: [...group].reverse(),
  };
}

/**
 * Who caused an event, as far as its payload says: claims name their actor; consents, maintenance
 * logs and calls say where they came from.
 */
export function actorOfEvent(payload: Readonly<Record<string, unknown>>): TimelineActor | null {
  const actor = payload.actor;
  if (isActor(actor)) return actor;
  const ownerId = typeof payload.ownerId === 'string' ? payload.ownerId : null;
  if (payload.source === 'owner_page' || payload.loggedBy === 'owner') return { type: 'owner', id: ownerId, label: 'Owner' };
  return null;
}

function isActor(value: unknown): value is TimelineActor {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['owner', 'staff', 'api_key', 'system'].includes(candidate.type as string)
    && (candidate.id === null || typeof candidate.id === 'string')
    && typeof candidate.label === 'string';
}
