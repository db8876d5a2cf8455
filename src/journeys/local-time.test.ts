import { describe, expect, it } from 'vitest';
import { nextLocalTime } from './local-time.ts';

describe('nextLocalTime', () => {
  it.each([
    ['later the same day', '2026-11-23T14:00:00Z', '10:00', 'America/Chicago', '2026-11-23T16:00:00.000Z'],
    ['the next day when the time has passed', '2026-11-23T17:00:00Z', '10:00', 'America/Chicago', '2026-11-24T16:00:00.000Z'],
    ['exactly at the time means the next day', '2026-11-23T16:00:00Z', '10:00', 'America/Chicago', '2026-11-24T16:00:00.000Z'],
    ['in the zone ahead of UTC', '2026-11-23T20:00:00Z', '09:00', 'Europe/Berlin', '2026-11-24T08:00:00.000Z'],
    ['across spring forward: 10:00 is in the new offset', '2026-03-07T18:00:00Z', '10:00', 'America/New_York', '2026-03-08T14:00:00.000Z'],
    ['a time skipped by spring forward becomes the hour after', '2026-03-08T05:00:00Z', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['across fall back: 10:00 is in the new offset', '2026-10-31T18:00:00Z', '10:00', 'America/New_York', '2026-11-01T15:00:00.000Z'],
    ['a time that happens twice is its first occurrence', '2026-11-01T04:00:00Z', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ])('%s', (_name, after, time, zone, expected) => {
    expect(nextLocalTime(new Date(after), time, zone).toISOString()).toBe(expected);
  });
});
