import { zipCodes } from '../../platform/zip-codes.ts';

/** Whether `name` is a time zone this runtime knows (an IANA name such as America/Chicago). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const mainlandUs = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];

// A state split between zones lists each (its most populous first): an owner there is reached at an
// hour that is proper in both, since the address does not say which side they live on.
const usStateZones: Readonly<Record<string, readonly string[]>> = {
  AL: ['America/Chicago'], AK: ['America/Anchorage', 'America/Adak'], AZ: ['America/Phoenix'], AR: ['America/Chicago'],
  CA: ['America/Los_Angeles'], CO: ['America/Denver'], CT: ['America/New_York'], DE: ['America/New_York'],
  DC: ['America/New_York'], FL: ['America/New_York', 'America/Chicago'], GA: ['America/New_York'], HI: ['Pacific/Honolulu'],
  ID: ['America/Boise', 'America/Los_Angeles'], IL: ['America/Chicago'], IN: ['America/Indiana/Indianapolis', 'America/Chicago'],
  IA: ['America/Chicago'], KS: ['America/Chicago', 'America/Denver'], KY: ['America/New_York', 'America/Chicago'],
  LA: ['America/Chicago'], ME: ['America/New_York'], MD: ['America/New_York'], MA: ['America/New_York'],
  MI: ['America/Detroit', 'America/Menominee'], MN: ['America/Chicago'], MS: ['America/Chicago'], MO: ['America/Chicago'],
  MT: ['America/Denver'], NE: ['America/Chicago', 'America/Denver'], NV: ['America/Los_Angeles'], NH: ['America/New_York'],
  NJ: ['America/New_York'], NM: ['America/Denver'], NY: ['America/New_York'], NC: ['America/New_York'],
  ND: ['America/Chicago', 'America/Denver'], OH: ['America/New_York'], OK: ['America/Chicago'], OR: ['America/Los_Angeles', 'America/Boise'],
  PA: ['America/New_York'], RI: ['America/New_York'], SC: ['America/New_York'], SD: ['America/Chicago', 'America/Denver'],
  TN: ['America/Chicago', 'America/New_York'], TX: ['America/Chicago', 'America/Denver'], UT: ['America/Denver'], VT: ['America/New_York'],
  VA: ['America/New_York'], WA: ['America/Los_Angeles'], WV: ['America/New_York'], WI: ['America/Chicago'], WY: ['America/Denver'],
  PR: ['America/Puerto_Rico'], VI: ['America/St_Thomas'], GU: ['Pacific/Guam'], AS: ['Pacific/Pago_Pago'], MP: ['Pacific/Saipan'],
};

const canadaProvinceZones: Readonly<Record<string, string>> = {
  AB: 'America/Edmonton', BC: 'America/Vancouver', MB: 'America/Winnipeg', NB: 'America/Moncton', NL: 'America/St_Johns',
  NS: 'America/Halifax', NT: 'America/Edmonton', NU: 'America/Iqaluit', ON: 'America/Toronto', PE: 'America/Halifax',
  QC: 'America/Toronto', SK: 'America/Regina', YT: 'America/Whitehorse',
};
// The first letter of a Canadian postal code names the province.
const canadaPostalProvinces: Readonly<Record<string, string>> = {
  A: 'NL', B: 'NS', C: 'PE', E: 'NB', G: 'QC', H: 'QC', J: 'QC', K: 'ON', L: 'ON', M: 'ON', N: 'ON', P: 'ON', R: 'MB', S: 'SK', T: 'AB', V: 'BC', X: 'NT', Y: 'YT',
};

const australiaStateZones: Readonly<Record<string, string>> = {
  NSW: 'Australia/Sydney', ACT: 'Australia/Sydney', VIC: 'Australia/Melbourne', QLD: 'Australia/Brisbane', SA: 'Australia/Adelaide',
  WA: 'Australia/Perth', TAS: 'Australia/Hobart', NT: 'Australia/Darwin',
};
// The first digit of an Australian postcode names the state (0 is the Northern Territory's 08xx).
const australiaPostcodeStates: Readonly<Record<string, string>> = { '0': 'NT', '1': 'NSW', '2': 'NSW', '3': 'VIC', '4': 'QLD', '5': 'SA', '6': 'WA', '7': 'TAS' };

// Countries spanning several zones, by their most populous one. A country with one zone gets it from the runtime.
const countryZones: Readonly<Record<string, string>> = {
  AR: 'America/Argentina/Buenos_Aires', AU: 'Australia/Sydney', BR: 'America/Sao_Paulo', CA: 'America/Toronto', CD: 'Africa/Kinshasa',
  CL: 'America/Santiago', CN: 'Asia/Shanghai', CY: 'Asia/Nicosia', DE: 'Europe/Berlin', EC: 'America/Guayaquil', ES: 'Europe/Madrid',
  FM: 'Pacific/Pohnpei', GL: 'America/Nuuk', ID: 'Asia/Jakarta', KI: 'Pacific/Tarawa', KZ: 'Asia/Almaty', MH: 'Pacific/Majuro',
  MN: 'Asia/Ulaanbaatar', MX: 'America/Mexico_City', MY: 'Asia/Kuala_Lumpur', NZ: 'Pacific/Auckland', PF: 'Pacific/Tahiti',
  PG: 'Pacific/Port_Moresby', PS: 'Asia/Hebron', PT: 'Europe/Lisbon', RU: 'Europe/Moscow', UA: 'Europe/Kyiv', UZ: 'Asia/Tashkent',
};

/** What an owner's record says about where they live. */
export interface OwnerWhereabouts {
  /** One the owner chose (an IANA name); it wins over the address. */
  readonly timeZone: string | null;
  readonly country: string | null;
  readonly region: string | null;
  readonly postalCode: string | null;
}

/** The US state of an owner: the region they gave, else their ZIP code's. */
export function usState(owner: Pick<OwnerWhereabouts, 'region' | 'postalCode'>): string | null {
  const region = owner.region?.trim().toUpperCase();
  if (region && usStateZones[region]) return region;
  const zip = owner.postalCode?.trim().slice(0, 5);
  if (!zip || !/^\d{5}$/.test(zip)) return null;
  const state = zipCodes().lookup(zip)?.state;
  return state && usStateZones[state] ? state : null;
}

function runtimeZonesOf(country: string): readonly string[] {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/**
 * The time zones the owner may be in, most likely first: the one they chose; else their US state's
 * (several for a split state; the four mainland zones when the state is unknown), their Canadian
 * province's or Australian state's (from the region or the postal code); else their country's
 * (`fallbackCountry`, e.g. the phone number's, when the record has none). UTC when nothing is known.
 */
export function ownerTimeZones(owner: OwnerWhereabouts, fallbackCountry: string | null = null): readonly string[] {
  if (owner.timeZone && isKnownTimeZone(owner.timeZone)) return [owner.timeZone];
  const country = owner.country ?? fallbackCountry;
  if (!country) return ['UTC'];
  const region = owner.region?.trim().toUpperCase() ?? null;
  const postal = owner.postalCode?.trim().toUpperCase() ?? '';
  if (country === 'US') {
    const state = usState(owner);
    return state ? (usStateZones[state] as readonly string[]) : mainlandUs;
  }
  if (country === 'CA') {
    const province = region && canadaProvinceZones[region] ? region : canadaPostalProvinces[postal.charAt(0)];
    const zone = province ? canadaProvinceZones[province] : undefined;
    if (zone) return [zone];
  }
  if (country === 'AU') {
    const state = region && australiaStateZones[region] ? region : australiaPostcodeStates[postal.charAt(0)];
    const zone = state ? australiaStateZones[state] : undefined;
    if (zone) return [zone];
  }
  const known = countryZones[country];
  if (known) return [known];
  const zones = runtimeZonesOf(country);
  return zones.length > 0 ? [zones[0] as string] : ['UTC'];
}
