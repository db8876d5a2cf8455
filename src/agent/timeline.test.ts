import { describe, expect, it } from 'vitest';
import { type TimelineActor, type TimelineEvent, actorOfEvent, foldTimeline } from './timeline.ts';

const agent: TimelineActor = { type: 'staff', id: '00000000-0000-7000-8000-00000000000a', label: 'agent@brand.test' };
const otherAgent: TimelineActor = { type: 'staff', id: '00000000-0000-7000-8000-00000000000b', label: 'other@brand.test' };
const claim = '00000000-0000-7000-8000-0000000000c1';

let sequence = 0;
function event(minute: number, overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  sequence += 1;
  return {
    id: `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    type: 'claim.status_changed',
    subjectType: 'claim',
    subjectId: claim,
    at: new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString(),
    actor: agent,
    payload: {},
    ...overrides,
  };
}

describe('folding the timeline', () => {
  it('folds repeated edits of one subject by one actor within minutes into one entry, newest first', () => {
    const edits = [event(0), event(3), event(9)];
    const [entry, ...rest] = foldTimeline(edits);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ id: edits[2]?.id, count: 3, firstAt: edits[0]?.at, lastAt: edits[2]?.at, actor: agent, type: 'claim.status_changed' });
    expect(entry?.events.map((e) => e.id)).toEqual([edits[2]?.id, edits[1]?.id, edits[0]?.id]);
  });

  it('keeps a chain going while each edit follows the last within the window', () => {
    const chain = [event(0), event(8), event(16), event(24)];
    expect(foldTimeline(chain).map((entry) => entry.count)).toEqual([4]);
  });

  it('starts a new entry after a pause longer than the window', () => {
    const entries = foldTimeline([event(0), event(5), event(30)]);
    expect(entries.map((entry) => entry.count)).toEqual([1, 2]);
  });

  it('does not fold different actors, subjects or kinds of event', () => {
    const entries = foldTimeline([
      event(0),
      event(1, { actor: otherAgent }),
      event(2, { subjectId: '00000000-0000-7000-8000-0000000000c2' }),
      event(3, { type: 'claim.submitted' }),
    ]);
    expect(entries).toHaveLength(4);
    expect(entries.every((entry) => entry.count === 1)).toBe(true);
  });

  it('folds around other events in between', () => {
    const entries = foldTimeline([event(0), event(1, { type: 'message', subjectType: 'message', subjectId: null, actor: null }), event(2)]);
    expect(entries.map((entry) => [entry.type, entry.count])).toEqual([['claim.status_changed', 2], ['message', 1]]);
  });

  it('never folds events that do not say who caused them', () => {
    const entries = foldTimeline([event(0, { actor: null }), event(1, { actor: null })]);
    expect(entries.map((entry) => entry.count)).toEqual([1, 1]);
  });

  it('orders by time whatever order the events come in', () => {
    const late = event(50, { type: 'ownership.registered', subjectType: 'ownership' });
    const early = event(0, { type: 'consent.changed', subjectType: 'owner' });
    expect(foldTimeline([early, late]).map((entry) => entry.id)).toEqual([late.id, early.id]);
    expect(foldTimeline([]).length).toBe(0);
  });

  it('honours a different window', () => {
    expect(foldTimeline([event(0), event(2)], 60_000).map((entry) => entry.count)).toEqual([1, 1]);
  });
});

describe('who caused an event', () => {
  it('is the actor the event names', () => {
    expect(actorOfEvent({ actor: agent })).toEqual(agent);
  });

  it('is the owner when it came from their pages', () => {
    const ownerId = '00000000-0000-7000-8000-0000000000f1';
    expect(actorOfEvent({ ownerId, source: 'owner_page' })).toEqual({ type: 'owner', id: ownerId, label: 'Owner' });
    expect(actorOfEvent({ ownerId, loggedBy: 'owner' })).toEqual({ type: 'owner', id: ownerId, label: 'Owner' });
  });

  it('is unknown otherwise, and a malformed actor is not trusted', () => {
    expect(actorOfEvent({ source: 'api' })).toBeNull();
    expect(actorOfEvent({ actor: { type: 'wizard', id: null, label: 'x' } })).toBeNull();
    expect(actorOfEvent({ actor: 'agent@brand.test' })).toBeNull();
  });
});
