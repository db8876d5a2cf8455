import { describe, expect, it } from 'vitest';
import { capsFreeAt } from './frequency-caps.ts';

const now = new Date('2025-05-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const daily = { limit: 1, periodHours: 24 };
const weekly = { limit: 3, periodHours: 168 };

describe('capsFreeAt', () => {
  it.each([
    ['nothing sent: now', [], [daily, weekly], '2025-05-10T12:00:00.000Z'],
    ['one yesterday, more than a day ago: now', [hoursAgo(25)], [daily, weekly], '2025-05-10T12:00:00.000Z'],
    ['one 10 hours ago: a day after it', [hoursAgo(10)], [daily, weekly], '2025-05-11T02:00:00.000Z'],
    ['exactly a day ago no longer counts', [hoursAgo(24)], [daily], '2025-05-10T12:00:00.000Z'],
    ['three this week: a week after the oldest', [hoursAgo(30), hoursAgo(100), hoursAgo(150)], [daily, weekly], '2025-05-11T06:00:00.000Z'],
    ['four this week under a cap of 3: when the second oldest leaves', [hoursAgo(30), hoursAgo(60), hoursAgo(100), hoursAgo(150)], [weekly], '2025-05-13T08:00:00.000Z'],
    ['the later of two caps wins: the weekly', [hoursAgo(2), hoursAgo(50), hoursAgo(100)], [daily, weekly], '2025-05-13T08:00:00.000Z'],
    ['the later of two caps wins: the daily', [hoursAgo(2), hoursAgo(50), hoursAgo(160)], [daily, weekly], '2025-05-11T10:00:00.000Z'],
    ['order of the sends does not matter', [hoursAgo(100), hoursAgo(2), hoursAgo(50)], [daily, weekly], '2025-05-13T08:00:00.000Z'],
    ['no caps: now', [hoursAgo(1), hoursAgo(2)], [], '2025-05-10T12:00:00.000Z'],
  ])('%s', (_, sent, caps, expected) => {
    expect(capsFreeAt(sent, caps, now).toISOString()).toBe(expected);
  });
});
