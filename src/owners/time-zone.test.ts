import { describe, expect, it } from 'vitest';
import { ownerTimeZone } from './time-zone.ts';

describe('ownerTimeZone', () => {
  it.each([
    [{ country: 'US', postalCode: '90210' }, 'America/Los_Angeles'],
    [{ country: 'US', postalCode: '60601-1234' }, 'America/Chicago'],
    [{ country: 'US', postalCode: '33101' }, 'America/New_York'],
    [{ country: 'US', postalCode: null, region: 'az' }, 'America/Phoenix'],
    [{ country: 'US', postalCode: 'not a zip' }, 'America/New_York'],
    [{ country: 'CA', region: 'BC' }, 'America/Vancouver'],
    [{ country: 'de' }, 'Europe/Berlin'],
    [{ country: 'ZZ' }, 'UTC'],
    [{ country: null }, 'UTC'],
  ])('%j lives in %s', (place, zone) => {
    expect(ownerTimeZone(place)).toBe(zone);
  });
});
