import { parse } from 'csv-parse/sync';
import { normaliseSerial, parseSerialMask, serialMatchesMask } from '../catalog/serial-mask.ts';
import { isGs1Value } from '../resolver/digital-link.ts';

/** The most serials one print sheet takes: about 210 A4 pages, a PDF a print shop still opens. */
export const maxSerialsPerSheet = 5000;

export interface RejectedSerial {
  /** The line of the file, counting from 1, header and blank lines included. */
  readonly line: number;
  readonly value: string;
  readonly reason: string;
}

export type SerialListRead =
  | { readonly ok: true; readonly serials: readonly string[]; readonly rejected: readonly RejectedSerial[] }
  | { readonly ok: false; readonly reason: string };

/** A model's serial rules, as ModelView gives them. */
export type SerialRules = readonly { readonly mask: string; readonly description: string }[];

const serialHeader = /^serial([ _-]?(number|no\.?|#))?$/i;

/**
 * Reads an uploaded CSV of serial numbers: one column (or a column headed "serial" among others),
 * header optional, blank lines skipped. Each serial is normalised as OpenOX stores serials and checked
 * against the model's serial rules and against what a GS1 Digital Link can carry; repeats are rejected.
 */
export function readSerialList(csv: Buffer | string, rules: SerialRules): SerialListRead {
  // A spreadsheet (.xlsx is a zip) or a PDF has NUL bytes; a CSV never does.
  if (csv.includes('\0')) return { ok: false, reason: 'The file is not a CSV. Save the list from your spreadsheet as CSV, one serial number per line.' };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      delimiter: delimiterOf(csv),
      info: true,
      // Files pasted together from different systems mix Windows and Unix line ends.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    return { ok: false, reason: `The file is not a CSV OpenOX can read (${(error as Error).message}). Save it as CSV with one serial number per line.` };
  }

  const headerColumn = records[0]?.record.findIndex((cell) => serialHeader.test(cell)) ?? -1;
  const rows = headerColumn === -1 ? records : records.slice(1);
  const column = Math.max(headerColumn, 0);
  if (rows.length === 0) return { ok: false, reason: 'The file has no serial numbers: put one serial number per line.' };
  if (rows.length > maxSerialsPerSheet) {
    return { ok: false, reason: `The file has ${rows.length.toLocaleString('en')} serial numbers; one sheet takes at most ${maxSerialsPerSheet.toLocaleString('en')}. Split the file and make one sheet per part.` };
  }

  const problemWith = serialChecker(rules);
  const firstLineOf = new Map<string, number>();
  const serials: string[] = [];
  const rejected: RejectedSerial[] = [];
  for (const { record, info } of rows) {
    const value = record[column] ?? '';
    const serial = normaliseSerial(value);
    const reason = problemWith(serial) ?? repeatOf(firstLineOf.get(serial));
    if (reason) {
      rejected.push({ line: info.lines, value, reason });
    } else {
      serials.push(serial);
    }
    if (serial && !firstLineOf.has(serial)) firstLineOf.set(serial, info.lines);
  }
  return { ok: true, serials, rejected };
}

/**
 * What is wrong with a (normalised) serial for a model: it must match one of the model's serial rules, if it
 * has any, and fit in a GS1 Digital Link. Null when it is fine.
 */
export function serialChecker(rules: SerialRules): (serial: string) => string | null {
  const masks = rules.map((rule) => parseSerialMask(rule.mask)).flatMap((parsed) => (parsed.ok ? [parsed.tokens] : []));
  const expected = rules.map((rule) => rule.description).join('; or ');
  return (serial) => {
    if (serial === '') return 'The serial number is empty.';
    if (masks.length > 0 && !masks.some((tokens) => serialMatchesMask(serial, tokens))) {
      return `Does not match this model's serial numbers: ${expected}.`;
    }
    if (!isGs1Value(serial)) return 'A serial number in a GS1 QR code has at most 20 characters: letters, digits and signs such as - . / _';
    return null;
  };
}

function repeatOf(firstLine: number | undefined): string | null {
  return firstLine === undefined ? null : `The same serial number is on line ${firstLine}.`;
}

/** Spreadsheets in many countries save CSV with semicolons or tabs; the first line tells which. */
function delimiterOf(csv: Buffer | string): string {
  const text = typeof csv === 'string' ? csv : csv.subarray(0, 4096).toString('utf8');
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  return firstLine.includes('\t') ? '\t' : ',';
}
