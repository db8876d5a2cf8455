import type { ZipCode } from 'zipcodes';
import { zipCodes } from '../../platform/zip-codes.ts';
import type { Point } from './nearest.ts';

/** Countries whose postal codes OpenOX can place on the map without any web service. */
export const postalCountries = ['US', 'CA'] as const;

export type PostalLookup =
  | { readonly found: true; readonly point: Point; readonly place: string }
  | { readonly found: false; readonly reason: 'country_not_covered' | 'malformed' | 'unknown' };


/**
 * Where a postal code is, from the `zipcodes` package's offline data: US ZIP codes (a ZIP+4 counts as
 * its ZIP) and Canadian postal codes by their forward sortation area (the first three characters),
 * which is as precise as that data goes.
 */
export function locatePostalCode(postalCode: string, country: string): PostalLookup {
  const code = postalCode.trim().toUpperCase().replace(/\s+/g, '');
  if (country === 'US') {
    const zip = /^(\d{5})(-?\d{4})?$/.exec(code)?.[1];
    if (!zip) return { found: false, reason: 'malformed' };
    const entry = zipCodes().lookup(zip);
    return entry ? found(entry, `${entry.city}, ${entry.state}`) : unknown;
  }
  if (country === 'CA') {
    if (!/^[A-Z]\d[A-Z](\d[A-Z]\d)?$/.test(code)) return { found: false, reason: 'malformed' };
    const entry = zipCodes().lookup(code.slice(0, 3));
    return entry ? found(entry, `${entry.zip}, ${entry.state}`) : unknown;
  }
  return { found: false, reason: 'country_not_covered' };
}

const unknown: PostalLookup = { found: false, reason: 'unknown' };

function found(entry: ZipCode, place: string): PostalLookup {
  return { found: true, point: { latitude: entry.latitude, longitude: entry.longitude }, place };
}
