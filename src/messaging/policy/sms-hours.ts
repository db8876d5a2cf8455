import { type WeeklyHours, everyDay } from './sending-hours.ts';

const h = (hour: number, minute = 0) => hour * 60 + minute;
const none: readonly [] = [];

/** Monday to Saturday in one window, Sunday in another (or not at all). */
function weekAndSunday(weekdays: [number, number], sunday: [number, number] | null): WeeklyHours {
  const [from, to] = weekdays;
  return [sunday ? [{ from: sunday[0], to: sunday[1] }] : none, ...Array.from({ length: 6 }, () => [{ from, to }])];
}

export interface SmsHoursRule {
  readonly hours: WeeklyHours;
  /** Where the hours come from, for the README and for people checking a held text. */
  readonly source: string;
}

/**
 * When a marketing text may reach a recipient, in their local time. Federal US law (the TCPA, 47 CFR
 * 64.1200(c)(1)) allows 8:00–21:00; the states below are stricter for telephone solicitation, which
 * includes marketing texts. Public holidays, which some of these laws also exclude, are not modelled. A country
 * with no row here gets a courtesy window, 9:00–20:00.
 * This table is a conservative reading, not legal advice: have counsel review it for your programme.
 */
export const smsHoursRules: Readonly<Record<string, SmsHoursRule>> = {
  US: { hours: everyDay(h(8), h(21)), source: 'TCPA, 47 CFR 64.1200(c)(1): 8:00–21:00' },
  'US-FL': { hours: everyDay(h(8), h(20)), source: 'Florida Telephone Solicitation Act, Fla. Stat. 501.059(8)(a): 8:00–20:00' },
  'US-OK': { hours: everyDay(h(8), h(20)), source: 'Oklahoma Telephone Solicitation Act, 15 O.S. 775C.4: 8:00–20:00' },
  'US-MD': { hours: everyDay(h(8), h(20)), source: 'Maryland Stop the Spam Calls Act, Md. Com. Law 14-4503: 8:00–20:00' },
  'US-WA': { hours: everyDay(h(8), h(20)), source: 'RCW 80.36.390: 8:00–20:00' },
  'US-CT': { hours: everyDay(h(9), h(20)), source: 'Conn. Gen. Stat. 42-288a: 9:00–20:00' },
  'US-TX': { hours: weekAndSunday([h(9), h(21)], [h(12), h(21)]), source: 'Tex. Bus. & Com. Code 301.051: Mon–Sat 9:00–21:00, Sun 12:00–21:00' },
  'US-LA': { hours: weekAndSunday([h(8), h(20)], null), source: 'Louisiana telephone solicitation law: 8:00–20:00, not on Sundays' },
  'US-MS': { hours: weekAndSunday([h(8), h(20)], null), source: 'Mississippi telephone solicitation law: 8:00–20:00, not on Sundays' },
  'US-UT': { hours: weekAndSunday([h(8), h(21)], null), source: 'Utah Telephone and Facsimile Solicitation Act: 8:00–21:00, not on Sundays' },
  'US-RI': {
    hours: [none, ...Array.from({ length: 5 }, () => [{ from: h(9), to: h(18) }]), [{ from: h(10), to: h(17) }]],
    source: 'Rhode Island telephone sales law: Mon–Fri 9:00–18:00, Sat 10:00–17:00, not on Sundays',
  },
  CA: {
    hours: [[{ from: h(10), to: h(18) }], ...Array.from({ length: 5 }, () => [{ from: h(9), to: h(21, 30) }]), [{ from: h(10), to: h(18) }]],
    source: 'CRTC Unsolicited Telecommunications Rules (telemarketing): Mon–Fri 9:00–21:30, Sat–Sun 10:00–18:00',
  },
};

const courtesy: SmsHoursRule = { hours: everyDay(h(9), h(20)), source: 'OpenOX courtesy window: 9:00–20:00' };

/** The sending hours for a marketing text to someone in `country` (and, in the US, `state`). */
export function smsHoursFor(country: string | null, state: string | null): SmsHoursRule {
  if (country === 'US' && state) return smsHoursRules[`US-${state}`] ?? (smsHoursRules.US as SmsHoursRule);
  return (country ? smsHoursRules[country] : undefined) ?? courtesy;
}
