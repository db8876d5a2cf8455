import { describe, expect, it } from 'vitest';
import { distanceKm } from './nearest.ts';
import { locatePostalCode } from './postal-location.ts';

const newYork = { latitude: 40.7484, longitude: -73.9967 };

describe('postal code to a point', () => {
  it('places a US ZIP code, a ZIP+4 as its ZIP', () => {
    const found = locatePostalCode('10001', 'US');
    expect(found).toMatchObject({ found: true, place: 'New York, NY' });
    if (found.found) expect(distanceKm(found.point, newYork)).toBeLessThan(2);
    expect(locatePostalCode(' 10001-1234 ', 'US')).toEqual(found);
  });

  it('places a Canadian postal code by its first three characters, spaced or not', () => {
    const toronto = locatePostalCode('m5v 3l9', 'CA');
    expect(toronto).toMatchObject({ found: true, place: 'M5V, Ontario' });
    expect(locatePostalCode('M5V3L9', 'CA')).toEqual(toronto);
    expect(locatePostalCode('M5V', 'CA')).toEqual(toronto);
  });

  it('tells an unknown code from a malformed one and from a country it does not cover', () => {
    expect(locatePostalCode('00000', 'US')).toEqual({ found: false, reason: 'unknown' });
    expect(locatePostalCode('1000', 'US')).toEqual({ found: false, reason: 'malformed' });
    expect(locatePostalCode('12345', 'CA')).toEqual({ found: false, reason: 'malformed' });
    expect(locatePostalCode('28001', 'ES')).toEqual({ found: false, reason: 'country_not_covered' });
  });
});
