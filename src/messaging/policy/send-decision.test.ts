import { describe, expect, it } from 'vitest';
import { type PolicyMessage, type RecipientFacts, type SendDecision, type SendPolicy, sendDecision } from './send-decision.ts';

const policy: SendPolicy = {
  caps: { email: [{ limit: 1, periodHours: 24 }, { limit: 3, periodHours: 168 }], sms: [{ limit: 1, periodHours: 24 }] },
  emailQuietHours: { start: '21:00', end: '08:00' },
  marketingExpiryHours: 72,
};
// Wednesday 14 May 2025, 12:00 in New York (EDT).
const noon = new Date('2025-05-14T16:00:00Z');
const hours = (n: number, from = noon) => new Date(from.getTime() + n * 3_600_000);

const message = (overrides: Partial<PolicyMessage> = {}): PolicyMessage => ({ class: 'marketing', channel: 'email', createdAt: hours(-1), expiresAt: null, ...overrides });
type Owner = NonNullable<RecipientFacts['owner']>;
const newYorker: Owner = { consent: true, safetyOnly: false, timeZones: ['America/New_York'], country: 'US', state: 'NY' };
const recipient = (overrides: Partial<RecipientFacts> = {}, owner: Partial<Owner> | null = {}): RecipientFacts => ({
  suppression: null,
  owner: owner === null ? null : { ...newYorker, ...owner },
  marketingSent: [],
  ...overrides,
});
const hold = (until: string, reason: 'quiet_hours' | 'frequency_cap'): SendDecision => ({ kind: 'hold', until: new Date(until), reason });

describe('sendDecision', () => {
  it.each<[string, PolicyMessage, RecipientFacts, Date, SendDecision]>([
    // Safety and keyword replies always go.
    ['a safety notice to a complained address goes', message({ class: 'safety' }), recipient({ suppression: 'complained' }, { consent: false }), noon, { kind: 'send' }],
    ['a safety notice goes at 23:00 and over every cap', message({ class: 'safety' }), recipient({ marketingSent: [hours(-1)] }), hours(11), { kind: 'send' }],
    ['the STOP confirmation reaches a number that just opted out', message({ class: 'compliance', channel: 'sms' }), recipient({ suppression: 'opted_out' }), noon, { kind: 'send' }],
    // Service honours hard opt-outs only.
    ['a service message to an opted-out address is suppressed', message({ class: 'service' }), recipient({ suppression: 'opted_out' }), noon, { kind: 'suppress', reason: 'opted_out' }],
    ['a service message to a bounced address is suppressed', message({ class: 'service' }), recipient({ suppression: 'bounced' }), noon, { kind: 'suppress', reason: 'bounced' }],
    ['a service message needs no marketing consent', message({ class: 'service' }), recipient({}, { consent: null }), noon, { kind: 'send' }],
    ['a service message needs no owner', message({ class: 'service' }), recipient({}, null), noon, { kind: 'send' }],
    ['a service message ignores quiet hours', message({ class: 'service' }), recipient(), hours(11), { kind: 'send' }],
    ['a service message ignores caps', message({ class: 'service' }), recipient({ marketingSent: [hours(-1), hours(-2)] }), noon, { kind: 'send' }],
    ['a service message past its own expiry expires', message({ class: 'service', expiresAt: hours(-1) }), recipient(), noon, { kind: 'expire', reason: 'past_expiry' }],
    ['a service message never expires by the marketing default', message({ class: 'service', createdAt: hours(-500) }), recipient(), noon, { kind: 'send' }],
    // Marketing needs an owner, their opt-in, and data not for safety only.
    ['marketing to an address without an owner is suppressed', message(), recipient({}, null), noon, { kind: 'suppress', reason: 'no_owner' }],
    ['marketing to a safety-only owner is suppressed', message(), recipient({}, { safetyOnly: true }), noon, { kind: 'suppress', reason: 'safety_only' }],
    ['marketing to an owner never asked is suppressed', message(), recipient({}, { consent: null }), noon, { kind: 'suppress', reason: 'no_consent' }],
    ['marketing to an owner who withdrew is suppressed', message(), recipient({}, { consent: false }), noon, { kind: 'suppress', reason: 'consent_withdrawn' }],
    ['an opt-out wins over an opt-in', message(), recipient({ suppression: 'opted_out' }), noon, { kind: 'suppress', reason: 'opted_out' }],
    ['marketing with consent, in hours, under the caps goes', message(), recipient(), noon, { kind: 'send' }],
    // Quiet hours in the owner's local time.
    ['marketing at 22:00 in New York waits for 08:00', message(), recipient(), hours(10), hold('2025-05-15T12:00:00Z', 'quiet_hours')],
    ['the same instant is 19:00 in Los Angeles: it goes', message(), recipient({}, { timeZones: ['America/Los_Angeles'], state: 'CA' }), hours(10), { kind: 'send' }],
    ['a text at 20:30 in Florida waits for 08:00 (state law, stricter than the TCPA)', message({ channel: 'sms' }), recipient({}, { state: 'FL' }), hours(8.5), hold('2025-05-15T12:00:00Z', 'quiet_hours')],
    ['a text at 20:30 in New York goes (TCPA: until 21:00)', message({ channel: 'sms' }), recipient(), hours(8.5), { kind: 'send' }],
    ['the night the clocks go forward: held to 08:00 EDT', message({ createdAt: new Date('2025-03-09T04:00:00Z') }), recipient(), new Date('2025-03-09T05:00:00Z'), hold('2025-03-09T12:00:00Z', 'quiet_hours')],
    // Frequency caps, per owner and channel.
    ['one marketing email today already: held a day after it', message(), recipient({ marketingSent: [hours(-2)] }), noon, hold('2025-05-15T14:00:00Z', 'frequency_cap')],
    ['a cap that frees at night waits for the morning too', message(), recipient({ marketingSent: [hours(-10)] }), noon, hold('2025-05-15T12:00:00Z', 'frequency_cap')],
    ['three this week: held until the oldest is a week old', message(), recipient({ marketingSent: [hours(-30), hours(-60), hours(-150)] }), noon, hold('2025-05-15T12:00:00Z', 'frequency_cap')],
    // Expiry: never silently lost, but not sent when no longer relevant.
    ['a hold past the message expiry expires it', message({ createdAt: hours(-61) }), recipient(), hours(10), { kind: 'expire', reason: 'quiet_hours' }],
    ['a capped message that cannot go before its expiry expires', message({ expiresAt: hours(1) }), recipient({ marketingSent: [hours(-2)] }), noon, { kind: 'expire', reason: 'frequency_cap' }],
    ['a message past the brand default expires', message({ createdAt: hours(-73) }), recipient(), noon, { kind: 'expire', reason: 'past_expiry' }],
    ['its own expiry overrides the default', message({ createdAt: hours(-100), expiresAt: hours(48) }), recipient(), hours(10), hold('2025-05-15T12:00:00Z', 'quiet_hours')],
  ])('%s', (_, msg, facts, now, expected) => {
    expect(sendDecision(msg, facts, policy, now)).toEqual(expected);
  });

  it('sends marketing email at any hour for a brand without quiet hours', () => {
    expect(sendDecision(message(), recipient(), { ...policy, emailQuietHours: null }, hours(10))).toEqual({ kind: 'send' });
  });

  it('keeps caps per channel: a marketing email today does not hold a text', () => {
    // The caller passes the sends of the message's channel only; an SMS with none sent goes.
    expect(sendDecision(message({ channel: 'sms' }), recipient({ marketingSent: [] }), policy, noon)).toEqual({ kind: 'send' });
    expect(sendDecision(message({ channel: 'sms' }), recipient({ marketingSent: [hours(-3)] }), policy, noon)).toEqual(hold('2025-05-15T13:00:00Z', 'frequency_cap'));
  });
});
