import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';

/** One record of a CSV file, by the file line it starts on (1-based), or why it could not be read. */
export type CsvLine =
  | { readonly kind: 'fields'; readonly line: number; readonly fields: string[]; readonly raw: string }
  | { readonly kind: 'malformed'; readonly line: number; readonly reason: string; readonly raw: string };

/** How much of a line is kept to show with a rejection. */
export const rawLimit = 1024;

/**
 * Streams a CSV file's records in file order. A record csv-parse cannot read (more or fewer fields
 * than the first line, a quoted value never closed) comes out as `malformed` with csv-parse's reason,
 * and reading goes on with the next record: one bad line does not cost the good ones.
 */
export async function* readCsvLines(input: Readable): AsyncGenerator<CsvLine> {
  // Described when handed out: by then the header has been, and says how many fields a line needs.
  const skipped: { line: number; error: CsvError | undefined; raw: string }[] = [];
  let expectedFields = 0;
  const parser = parse({
    bom: true,
    raw: true,
    info: true,
    // Files put together from several sources mix line endings.
    record_delimiter: ['\r\n', '\n', '\r'],
    // A quote inside a value (Bob "Bobby" Smith, or "A"x) is kept as a character, as spreadsheets do: left
    // an error, it leaves csv-parse inside a quoted value that swallows the good lines after it.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      skipped.push({ line: (error as { lines?: number } | undefined)?.lines ?? 0, error, raw: raw ?? '' });
    },
  });
  // Errors of the source (a dropped upload, a file over the size limit) end the iteration with that error.
  const records: AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }> = pipeline(input, parser, () => {});
  for await (const { record, raw, info } of records) {
    const text = withoutBlankLines(raw);
    const line = info.lines - innerLineBreaks(text);
    if (expectedFields === 0) expectedFields = record.length;
    // csv-parse reports a bad record as soon as it sees it, possibly before records it has yet to hand out.
    while (skipped.length > 0 && (skipped[0] as { line: number }).line < line) yield malformed(skipped.shift(), expectedFields);
    yield { kind: 'fields', line, fields: record, raw: clip(text) };
  }
  while (skipped.length > 0) yield malformed(skipped.shift(), expectedFields);
}

function malformed(skip: { line: number; error: CsvError | undefined; raw: string } | undefined, expectedFields: number): CsvLine {
  const { line: end = 0, error, raw = '' } = skip ?? {};
  const text = withoutBlankLines(raw);
  const start = end - innerLineBreaks(text);
  const where = start < end ? `Lines ${start} to ${end} could not be read as CSV` : 'This line is not valid CSV';
  return { kind: 'malformed', line: end, reason: `${where}: ${describe(error, expectedFields)}`, raw: clip(text) };
}

function describe(error: CsvError | undefined, expectedFields: number): string {
  switch (error?.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const given = (error as { record?: unknown[] }).record?.length ?? 0;
      return given > expectedFields
        ? `it has ${given} fields but the header has ${expectedFields}; put quotes around values that contain commas, or remove the extra fields`
        : `it has ${given} fields but the header has ${expectedFields}; every line needs a field for every column, even an empty one`;
    }
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote (") is out of place; a value containing quotes must be wrapped in quotes, with each quote inside doubled ("")';
    default:
      return error?.message ?? 'unreadable';
  }
}

/** The line breaks inside a record (in quoted values), not the one that ends it. */
function innerLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < text.length - 1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

// Skipped empty lines are handed out at the start of the record that follows them.
function withoutBlankLines(raw: string): string {
  return raw.charCodeAt(0) === 10 || raw.charCodeAt(0) === 13 ? raw.replace(/^[\r\n]+/, '') : raw;
}

function clip(text: string): string {
  const line = text.replace(/(?:\r\n|\r|\n)$/, '');
  // PostgreSQL text cannot hold NUL characters.
  const shown = line.length > rawLimit ? line.slice(0, rawLimit) : line;
  return shown.includes('\0') ? shown.replaceAll('\0', '\uFFFD') : shown;
}
