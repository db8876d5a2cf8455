import { createRequire } from 'node:module';

type ZipCodes = { lookup(zip: string): { state: string } | undefined };
let dataset: ZipCodes | undefined;
// Some 5 MB of JavaScript: loaded on the first US lookup, not when the server starts.
function zipcodes(): ZipCodes {
  dataset ??= createRequire(import.meta.url)('zipcodes') as ZipCodes;
  return dataset;
}

// Each state's zone where most of its people live; the few split states (e.g. western Florida,
// eastern Oregon) are served by their majority zone, which errs by an hour at most.
const usStateZones: Record<string, string> = {
  AL: 'America/Chicago', AK: 'America/Anchorage', AZ: 'America/Phoenix', AR: 'America/Chicago', CA: 'America/Los_Angeles',
  CO: 'America/Denver', CT: 'America/New_York', DE: 'America/New_York', DC: 'America/New_York', FL: 'America/New_York',
  GA: 'America/New_York', HI: 'Pacific/Honolulu', ID: 'America/Boise', IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago', KS: 'America/Chicago', KY: 'America/New_York', LA: 'America/Chicago', ME: 'America/New_York',
  MD: 'America/New_York', MA: 'America/New_York', MI: 'America/Detroit', MN: 'America/Chicago', MS: 'America/Chicago',
  MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago', NV: 'America/Los_Angeles', NH: 'America/New_York',
  NJ: 'America/New_York', NM: 'America/Denver', NY: 'America/New_York', NC: 'America/New_York', ND: 'America/Chicago',
  OH: 'America/New_York', OK: 'America/Chicago', OR: 'America/Los_Angeles', PA: 'America/New_York', RI: 'America/New_York',
  SC: 'America/New_York', SD: 'America/Chicago', TN: 'America/Chicago', TX: 'America/Chicago', UT: 'America/Denver',
  VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles', WV: 'America/New_York', WI: 'America/Chicago',
  WY: 'America/Denver', PR: 'America/Puerto_Rico', GU: 'Pacific/Guam', VI: 'America/St_Thomas',
};
const caProvinceZones: Record<string, string> = {
  BC: 'America/Vancouver', AB: 'America/Edmonton', SK: 'America/Regina', MB: 'America/Winnipeg', ON: 'America/Toronto',
  QC: 'America/Toronto', NB: 'America/Moncton', NS: 'America/Halifax', PE: 'America/Halifax', NL: 'America/St_Johns',
  YT: 'America/Whitehorse', NT: 'America/Yellowknife', NU: 'America/Iqaluit',
};
// Countries with more than one zone are served by their most populous one.
const countryZones: Record<string, string> = {
  US: 'America/New_York', CA: 'America/Toronto', MX: 'America/Mexico_City', BR: 'America/Sao_Paulo', AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima', GB: 'Europe/London', IE: 'Europe/Dublin', PT: 'Europe/Lisbon',
  ES: 'Europe/Madrid', FR: 'Europe/Paris', BE: 'Europe/Brussels', NL: 'Europe/Amsterdam', LU: 'Europe/Luxembourg', DE: 'Europe/Berlin',
  AT: 'Europe/Vienna', CH: 'Europe/Zurich', IT: 'Europe/Rome', DK: 'Europe/Copenhagen', NO: 'Europe/Oslo', SE: 'Europe/Stockholm',
  FI: 'Europe/Helsinki', PL: 'Europe/Warsaw', CZ: 'Europe/Prague', SK: 'Europe/Bratislava', HU: 'Europe/Budapest', RO: 'Europe/Bucharest',
  BG: 'Europe/Sofia', GR: 'Europe/Athens', TR: 'Europe/Istanbul', IL: 'Asia/Jerusalem', AE: 'Asia/Dubai', SA: 'Asia/Riyadh',
  IN: 'Asia/Kolkata', CN: 'Asia/Shanghai', HK: 'Asia/Hong_Kong', TW: 'Asia/Taipei', JP: 'Asia/Tokyo', KR: 'Asia/Seoul',
  SG: 'Asia/Singapore', MY: 'Asia/Kuala_Lumpur', TH: 'Asia/Bangkok', ID: 'Asia/Jakarta', PH: 'Asia/Manila', VN: 'Asia/Ho_Chi_Minh',
  AU: 'Australia/Sydney', NZ: 'Pacific/Auckland', ZA: 'Africa/Johannesburg', NG: 'Africa/Lagos', EG: 'Africa/Cairo', KE: 'Africa/Nairobi',
};

/** Where an owner lives, as far as OpenOX knows it. */
export interface OwnerPlace {
  readonly country: string | null;
  readonly region?: string | null;
  readonly postalCode?: string | null;
}

/**
 * The IANA time zone an owner most likely lives in: a US ZIP code's state, a Canadian province, or
 * the country's most populous zone; UTC when the country is unknown.
 */
export function ownerTimeZone(place: OwnerPlace): string {
  const country = place.country?.toUpperCase() ?? null;
  const region = place.region?.trim().toUpperCase() ?? '';
  if (country === 'US') {
    const zip = /^(\d{5})/.exec(place.postalCode?.trim() ?? '')?.[1];
    const state = (zip ? zipcodes().lookup(zip)?.state : undefined) ?? region;
    if (usStateZones[state]) return usStateZones[state];
  }
  if (country === 'CA' && caProvinceZones[region]) return caProvinceZones[region];
  return (country && countryZones[country]) || 'UTC';
}
