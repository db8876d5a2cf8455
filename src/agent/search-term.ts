import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { normaliseSerial } from '../catalog/serial-mask.ts';

/**
 * What one typed search term can mean, each already in the form it is stored in. Most terms can mean
 * two things (digits may be a phone number or a serial, words a name or a serial); each meaning is
 * looked up through its own index and the hits are reported with what they matched on.
 */
export interface SearchTerm {
  /** Lower-cased; only when the term has an @, and then it means nothing else. */
  readonly email: string | null;
  /** E.164, when the term reads as a possible phone number (US unless it starts with +). */
  readonly phone: string | null;
  /** Without spaces, upper-cased, as serials are stored. */
  readonly serial: string | null;
  /** `C-10482`, however it was typed (`c10482`, `c 10482`). */
  readonly claimNumber: string | null;
  /**
   * A PostgreSQL text-search query over the starts of the name's words (see name_prefixes in the agent
   * migration): every typed word required, each the start of a word of the name, cut to 20 characters.
   */
  readonly nameQuery: string | null;
}

const claimNumberPattern = /^c\s*-?\s*(\d{1,12})$/i;
// The longest start of a word the name index keeps (name_prefixes).
const longestWordStart = 20;

/** The meanings of a term typed in the agent's search box; null when nothing was typed. */
export function searchTermOf(typed: string): SearchTerm | null {
  const q = typed.trim();
  if (q === '') return null;
  const none: SearchTerm = { email: null, phone: null, serial: null, claimNumber: null, nameQuery: null };
  if (q.includes('@')) return { ...none, email: q.toLowerCase() };

  const serial = normaliseSerial(q) || null;
  const claim = claimNumberPattern.exec(q);
  if (claim) return { ...none, claimNumber: `C-${claim[1]}`, serial };
  if (looksLikePhone(q)) {
    const phone = parsePhoneNumberFromString(q, 'US');
    return { ...none, phone: phone?.isPossible() ? phone.number : null, serial };
  }
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // All required, each matched against the starts of the name's words: "jan smi" finds Jane Smith.
  const nameQuery = words.length > 0 ? words.map((word) => [...word].slice(0, longestWordStart).join('')).join(' & ') : null;
  return { ...none, nameQuery, serial };
}

function looksLikePhone(q: string): boolean {
  return /^[+\d\s().-]+$/.test(q) && (q.match(/\d/g)?.length ?? 0) >= 7;
}
