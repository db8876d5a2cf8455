import { z } from 'zod';
import type { IdentifiedBy } from '../../registration/tables.ts';

/**
 * How the registration form's product was identified, from its hidden fields: the page sets it from
 * the QR link, the scanner or a photo read, and back to typed when the owner retypes the serial.
 * A photo counts only with the read it came from, so the brand's figures rest on real reads.
 */
export function identifiedByOf(values: Readonly<Record<string, string | undefined>>): IdentifiedBy {
  switch (values.identified_by) {
    case 'qr':
    case 'barcode':
      return values.identified_by;
    case 'photo':
      return z.uuid().safeParse(values.photo_read_id).success ? 'photo' : 'typed';
    default:
      return 'typed';
  }
}
