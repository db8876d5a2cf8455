import { describe, expect, it } from 'vitest';
import { everyDay, hoursOutside, nextAllowedInstant } from './sending-hours.ts';
import { smsHoursFor } from './sms-hours.ts';

const at = (iso: string) => new Date(iso);
const eightToNine = everyDay(8 * 60, 21 * 60);

describe('hoursOutside', () => {
  it.each([
    ['a night that runs over midnight', { start: '21:00', end: '08:00' }, [{ from: 480, to: 1260 }]],
    ['a quiet lunch', { start: '12:00', end: '14:00' }, [{ from: 0, to: 720 }, { from: 840, to: 1440 }]],
    ['quiet from midnight', { start: '00:00', end: '07:30' }, [{ from: 450, to: 1440 }]],
    ['no quiet hours', null, [{ from: 0, to: 1440 }]],
  ])('%s', (_, quiet, day) => {
    const hours = hoursOutside(quiet);
    expect(hours).toHaveLength(7);
    for (const weekday of hours) expect(weekday).toEqual(day);
  });
});

describe('nextAllowedInstant', () => {
  it.each([
    ['inside the hours: now', '2025-01-15T15:00:00Z', ['America/New_York'], eightToNine, '2025-01-15T15:00:00.000Z'],
    ['at 22:00 in New York: 08:00 EST the next morning', '2025-01-15T03:00:00Z', ['America/New_York'], eightToNine, '2025-01-15T13:00:00.000Z'],
    ['at 21:00 sharp the hours have closed', '2025-01-16T02:00:00Z', ['America/New_York'], eightToNine, '2025-01-16T13:00:00.000Z'],
    ['the same instant is morning in Los Angeles at 05:00: 08:00 PST', '2025-01-15T13:00:00Z', ['America/Los_Angeles'], eightToNine, '2025-01-15T16:00:00.000Z'],
    ['the night the US clocks go forward: 08:00 EDT is 12:00 UTC', '2025-03-09T05:00:00Z', ['America/New_York'], eightToNine, '2025-03-09T12:00:00.000Z'],
    ['the night the US clocks go back: 08:00 EST is 13:00 UTC', '2025-11-02T05:00:00Z', ['America/New_York'], eightToNine, '2025-11-02T13:00:00.000Z'],
    ['the night Europe goes forward: 08:00 CEST in Berlin', '2025-03-29T21:00:00Z', ['Europe/Berlin'], eightToNine, '2025-03-30T06:00:00.000Z'],
    ['spring in Sydney (October): 08:00 AEDT', '2025-10-04T11:00:00Z', ['Australia/Sydney'], eightToNine, '2025-10-04T21:00:00.000Z'],
    ['a half-hour zone: 08:00 in Kolkata', '2025-06-01T17:00:00Z', ['Asia/Kolkata'], eightToNine, '2025-06-02T02:30:00.000Z'],
    ['hours opening inside the skipped hour open when the clocks resume', '2025-03-09T05:00:00Z', ['America/New_York'], everyDay(150, 240), '2025-03-09T07:30:00.000Z'],
    ['two zones: 08:00 must have come in Chicago too', '2025-01-15T13:00:00Z', ['America/New_York', 'America/Chicago'], eightToNine, '2025-01-15T14:00:00.000Z'],
    ['two zones: closed once New York is at 21:00', '2025-01-16T02:00:00Z', ['America/New_York', 'America/Chicago'], eightToNine, '2025-01-16T14:00:00.000Z'],
  ])('%s', (_, now, zones, hours, expected) => {
    expect(nextAllowedInstant(at(now), zones, hours)?.toISOString()).toBe(expected);
  });

  it('follows weekday rules: a Texas Sunday opens at noon in both of its zones', () => {
    // Sunday 19 January 2025, 09:00 in Chicago.
    const texas = smsHoursFor('US', 'TX').hours;
    expect(nextAllowedInstant(at('2025-01-19T15:00:00Z'), ['America/Chicago', 'America/Denver'], texas)?.toISOString()).toBe('2025-01-19T19:00:00.000Z');
  });

  it('skips a day with no hours: Saturday evening in Rhode Island waits for Monday', () => {
    // Saturday 18 January 2025, 18:00 in Providence; Sunday has no hours; Monday opens at 09:00.
    const rhodeIsland = smsHoursFor('US', 'RI').hours;
    expect(nextAllowedInstant(at('2025-01-18T23:00:00Z'), ['America/New_York'], rhodeIsland)?.toISOString()).toBe('2025-01-20T14:00:00.000Z');
  });

  it('is null when the zones never share an open hour', () => {
    // 25 hours apart: 09:00 in one is 10:00 the next day in the other.
    expect(nextAllowedInstant(at('2025-01-15T00:00:00Z'), ['Pacific/Kiritimati', 'Pacific/Pago_Pago'], everyDay(540, 600))).toBeNull();
  });
});

describe('smsHoursFor', () => {
  it.each([
    ['US', null, 'TCPA'],
    ['US', 'NY', 'TCPA'],
    ['US', 'FL', 'Florida'],
    ['US', 'MD', 'Maryland'],
    ['US', 'OK', 'Oklahoma'],
    ['CA', null, 'CRTC'],
    ['GB', null, 'courtesy'],
    [null, null, 'courtesy'],
  ])('%s %s follows %s', (country, state, source) => {
    expect(smsHoursFor(country, state).source).toContain(source);
  });

  it('keeps Florida to 8:00–20:00 against the federal 8:00–21:00', () => {
    expect(smsHoursFor('US', 'FL').hours[3]).toEqual([{ from: 480, to: 1200 }]);
    expect(smsHoursFor('US', 'GA').hours[3]).toEqual([{ from: 480, to: 1260 }]);
  });
});
