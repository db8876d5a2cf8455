export interface Point {
  readonly latitude: number;
  readonly longitude: number;
}

const earthRadiusKm = 6371.0088;
const kmPerMile = 1.609344;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance between two points, in kilometres (haversine, on a spherical Earth). */
export function distanceKm(from: Point, to: Point): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function kmToMiles(km: number): number {
  return km / kmPerMile;
}

/** The `limit` places nearest to `from`, nearest first, each with its distance in kilometres. */
export function nearestTo<Place extends Point>(from: Point, places: readonly Place[], limit: number): { place: Place; km: number }[] {
  return places
    .map((place) => ({ place, km: distanceKm(from, place) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, limit);
}

/** Miles where people read road distances in miles, kilometres elsewhere. */
export function distanceUnitFor(country: string | null): 'mi' | 'km' {
  return country === 'US' || country === 'GB' || country === 'LR' || country === 'MM' ? 'mi' : 'km';
}
