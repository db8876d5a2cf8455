import { checkGtin } from '../../catalog/gtin.ts';
import { normaliseSerial } from '../../catalog/serial-mask.ts';
import { parseDigitalLink } from '../../resolver/digital-link.ts';
import { parseGs1ElementString } from '../reading/gs1-element-string.ts';

/** What a code scanned on a product says about the unit: its product code, its serial, or both. */
export interface CodeFields {
  readonly gtin14: string | null;
  readonly serial: string | null;
  readonly lot: string | null;
  /** AI 11 of a Digital Link, as YYYY-MM-DD. */
  readonly productionDate: string | null;
  /** A GS1 code (Digital Link, element string, EAN/UPC) says exactly what it holds; plain text may be a serial. */
  readonly gs1: boolean;
}

const nothing: CodeFields = { gtin14: null, serial: null, lot: null, productionDate: null, gs1: false };

/**
 * Reads the text a barcode or QR code decoded to, as a camera scanner or a decoder gives it: a GS1
 * Digital Link URL, a GS1 element string (GS1-128, GS1 Data Matrix, GS1 QR; with parentheses or with
 * FNC1 separators, with or without a symbology identifier), an EAN/UPC product code, or plain text,
 * which may be a serial (Code 39 and Code 128 labels often carry just that).
 */
export function fieldsOfCode(text: string, today: Date = new Date()): CodeFields {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) return fromDigitalLink(trimmed, today);
  const withoutIdentifier = trimmed.replace(/^\][A-Za-z][0-9]/, '');
  const gs1Symbology = ['C1', 'd2', 'Q3', 'e0', 'J1'].includes(trimmed.slice(1, 3)) && trimmed.startsWith(']');
  if (gs1Symbology || withoutIdentifier.startsWith('(') || withoutIdentifier.includes('\u001d') || /^01[0-9]{14}(10|11|17|21)/.test(withoutIdentifier)) {
    const unit = parseGs1ElementString(withoutIdentifier);
    if (unit.gtin14 || unit.serial) return { gtin14: unit.gtin14, serial: unit.serial ? normaliseSerial(unit.serial) : null, lot: unit.lot, productionDate: null, gs1: true };
  }
  if (/^[0-9]{8}$|^[0-9]{12,14}$/.test(withoutIdentifier)) {
    const gtin = checkGtin(withoutIdentifier);
    if (gtin.valid) return { ...nothing, gtin14: gtin.gtin14, gs1: true };
  }
  const serial = normaliseSerial(withoutIdentifier);
  return /^[A-Z0-9][A-Z0-9./-]{1,39}$/.test(serial) ? { ...nothing, serial } : nothing;
}

function fromDigitalLink(url: string, today: Date): CodeFields {
  let pathAndQuery: string;
  try {
    const parsed = new URL(url);
    pathAndQuery = `${parsed.pathname}${parsed.search}`;
  } catch {
    return nothing;
  }
  const link = parseDigitalLink(pathAndQuery, today);
  if (!link.ok) return nothing;
  return { gtin14: link.gtin14, serial: link.serial ? normaliseSerial(link.serial) : null, lot: link.lot ?? null, productionDate: link.productionDate ?? null, gs1: true };
}
