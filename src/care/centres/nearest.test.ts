import { describe, expect, it } from 'vitest';
import { distanceKm, distanceUnitFor, kmToMiles, nearestTo } from './nearest.ts';

const newYork = { latitude: 40.7484, longitude: -73.9967 };
const losAngeles = { latitude: 34.0522, longitude: -118.2437 };
const philadelphia = { name: 'Philadelphia', latitude: 39.9526, longitude: -75.1652 };
const boston = { name: 'Boston', latitude: 42.3601, longitude: -71.0589 };
const chicago = { name: 'Chicago', latitude: 41.8781, longitude: -87.6298 };

describe('great-circle distance', () => {
  it('measures New York to Los Angeles as about 3,940 km (2,450 miles)', () => {
    expect(distanceKm(newYork, losAngeles)).toBeGreaterThan(3930);
    expect(distanceKm(newYork, losAngeles)).toBeLessThan(3950);
    expect(kmToMiles(distanceKm(newYork, losAngeles))).toBeCloseTo(2448, -1);
  });

  it('is zero from a point to itself, symmetric, and right across the antimeridian', () => {
    expect(distanceKm(newYork, newYork)).toBe(0);
    expect(distanceKm(newYork, losAngeles)).toBeCloseTo(distanceKm(losAngeles, newYork), 9);
    // Two points a degree apart on the equator, either side of 180°: about 111 km, not 40,000.
    expect(distanceKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(111.2, 0);
  });

  it('lists the nearest places first, up to the limit', () => {
    const nearest = nearestTo(newYork, [chicago, boston, philadelphia], 2);
    expect(nearest.map((entry) => entry.place.name)).toEqual(['Philadelphia', 'Boston']);
    expect(nearest[0]?.km).toBeCloseTo(130, -1);
  });

  it('speaks miles in the United States and kilometres in Canada and Mexico', () => {
    expect(distanceUnitFor('US')).toBe('mi');
    expect(distanceUnitFor('CA')).toBe('km');
    expect(distanceUnitFor('MX')).toBe('km');
    expect(distanceUnitFor(null)).toBe('km');
  });
});
