import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, type OwnerWhereabouts, ownerTimeZones, usState } from './owner-time-zone.ts';

const owner = (overrides: Partial<OwnerWhereabouts>): OwnerWhereabouts => ({ timeZone: null, country: null, region: null, postalCode: null, ...overrides });

describe('ownerTimeZones', () => {
  it.each<[string, Partial<OwnerWhereabouts>, string | null, readonly string[]]>([
    ['a zone the owner chose wins over the address', { timeZone: 'Europe/Lisbon', country: 'US', postalCode: '10001' }, null, ['Europe/Lisbon']],
    ['an unknown chosen zone is ignored', { timeZone: 'Mars/Olympus', country: 'US', postalCode: '10001' }, null, ['America/New_York']],
    ['a New York ZIP', { country: 'US', postalCode: '10001' }, null, ['America/New_York']],
    ['a ZIP+4 counts as its ZIP', { country: 'US', postalCode: '90210-1234' }, null, ['America/Los_Angeles']],
    ['a Honolulu ZIP', { country: 'US', postalCode: '96813' }, null, ['Pacific/Honolulu']],
    ['the region wins over the ZIP', { country: 'US', region: 'az', postalCode: '10001' }, null, ['America/Phoenix']],
    ['a Miami ZIP: Florida is split between Eastern and Central', { country: 'US', postalCode: '33101' }, null, ['America/New_York', 'America/Chicago']],
    ['a US owner with no state: every mainland zone', { country: 'US' }, null, ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles']],
    ['a Canadian province', { country: 'CA', region: 'BC' }, null, ['America/Vancouver']],
    ['a Canadian postal code names the province', { country: 'CA', postalCode: 'T2P 1J9' }, null, ['America/Edmonton']],
    ['an Australian postcode names the state', { country: 'AU', postalCode: '6000' }, null, ['Australia/Perth']],
    ['a country of several zones: its most populous', { country: 'BR' }, null, ['America/Sao_Paulo']],
    ['a country of one zone', { country: 'FR' }, null, ['Europe/Paris']],
    ['no country on record: the phone number’s', {}, 'JP', ['Asia/Tokyo']],
    ['nothing known: UTC', {}, null, ['UTC']],
  ])('%s', (_, whereabouts, fallback, expected) => {
    expect(ownerTimeZones(owner(whereabouts), fallback)).toEqual(expected);
  });

  it('names only zones the runtime knows', () => {
    const samples = ['US', 'CA', 'AU', 'BR', 'MX', 'RU', 'UA', 'ID', 'GL', 'FM', 'PS', 'AR'].map((country) => ownerTimeZones(owner({ country })));
    const states = ['AK', 'IN', 'MI', 'KY', 'TN', 'ID', 'OR', 'PR', 'VI'].map((region) => ownerTimeZones(owner({ country: 'US', region })));
    for (const zone of [...samples, ...states].flat()) expect(isKnownTimeZone(zone), zone).toBe(true);
  });
});

describe('usState', () => {
  it.each([
    [{ region: 'tx', postalCode: null }, 'TX'],
    [{ region: null, postalCode: '73301' }, 'TX'],
    [{ region: 'Texas', postalCode: '60601' }, 'IL'],
    [{ region: null, postalCode: 'ABCDE' }, null],
    [{ region: null, postalCode: '00000' }, null],
  ])('%o is %s', (whereabouts, state) => {
    expect(usState(whereabouts)).toBe(state);
  });
});
