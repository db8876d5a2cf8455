import { manufactureDateFromSerial } from '../../src/catalog/manufacture-date.ts';
import type { Random } from './random.ts';
import { serialMaskTokens } from './catalog.ts';

export interface MadeSerial {
  readonly serial: string;
  /** What the serial encodes, decoded by OpenOX's own rule (null when the mask has no date). */
  readonly manufacturedOn: string | null;
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = '0123456789';

/**
 * A serial that fits the mask, with a plausible date of manufacture (2019–2025) in its Y, M and W
 * positions. Letters include O, I, S and B on purpose: those are what OCR confuses with 0, 1, 5 and 8.
 */
export function makeSerial(mask: string, random: Random): MadeSerial {
  const tokens = serialMaskTokens(mask);
  const year = String(random.int(2019, 2025));
  const month = String(random.int(1, 12)).padStart(2, '0');
  const week = String(random.int(1, 52)).padStart(2, '0');
  const yearDigits = tokens.filter((token) => token.kind === 'year').length;
  const yearText = yearDigits === 2 ? year.slice(2) : year;
  const counters = { year: 0, month: 0, week: 0 };
  let serial = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        serial += token.char;
        break;
      case 'letter':
        serial += random.pick([...letters]);
        break;
      case 'digit':
        serial += random.pick([...digits]);
        break;
      case 'alphanumeric':
        serial += random.pick([...letters, ...digits]);
        break;
      case 'year':
        serial += yearText[counters.year++];
        break;
      case 'month':
        serial += month[counters.month++];
        break;
      case 'week':
        serial += week[counters.week++];
        break;
    }
  }
  return { serial, manufacturedOn: manufactureDateFromSerial(serial, tokens) };
}
