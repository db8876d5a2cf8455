/**
 * Writes a registration-import CSV for the import benchmark: four models (serial-coded, date-coded,
 * SKU-identified without serials, and a stroller under the infant safety rule), owners who come back
 * for more products, phones on about half the lines, and 1% bad lines of eight kinds (a mistyped GTIN
 * or unknown SKU, a bad email, a future date, a serial that fits no rule, an extra field, a stray
 * quote, an unreadable consent, the same unit twice). The same row count gives the same file.
 *
 *   node --import tsx bench/import-data.ts out.csv [--rows N]
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { gs1CheckDigit } from '../src/catalog/gtin.ts';

export interface BenchModel {
  readonly sku: string;
  readonly name: string;
  readonly category: string;
  readonly gtin: string;
  readonly mask: string | null;
}

/** The benchmark's models; `gtinOf` gives each a GTIN (unique per run when the database is shared). */
export function benchModels(gtinOf: (label: string) => string): BenchModel[] {
  return [
    { sku: 'BENCH-DW', name: 'Bench dishwasher', category: 'dishwashers', gtin: gtinOf('dw'), mask: 'AA########' },
    { sku: 'BENCH-CM', name: 'Bench coffee maker', category: 'coffee makers', gtin: gtinOf('cm'), mask: 'YYWW######' },
    { sku: 'BENCH-KT', name: 'Bench kettle', category: 'kettles', gtin: gtinOf('kt'), mask: null },
    { sku: 'BENCH-ST', name: 'Bench stroller', category: 'strollers', gtin: gtinOf('st'), mask: 'ST-#######' },
  ];
}

// GTINs in the GS1 range for in-house use (02...): they name no real product.
const exampleModels = benchModels((label) => {
  const body = `02999000000${String(label.charCodeAt(0) % 100).padStart(2, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
});

export const benchHeader = 'email,name,phone,gtin,sku,serial,purchase_date,retailer,postal_code,country,registered_at,email_consent,sms_consent,language';

const firstNames = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eva', 'Femi', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kai', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia'];
const lastNames = ['García', 'Smith', 'Okafor', 'Nguyen', 'Müller', 'Rossi', 'Khan', 'Silva', 'Cohen', 'Park', "O'Neil", 'Lopez'];
const retailers = ['Best Buy', 'Home Depot', 'Amazon', '', 'Target', 'Costco, Inc.', ''];

/** A small, fast, seeded generator: the same file for the same row count, run after run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const csvField = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One good row for row number `i` (serials are unique per model because they encode `i`). */
function goodRow(i: number, next: () => number, models: readonly BenchModel[]): string[] {
  const owner = Math.floor(next() * 0.7 * (i + 1000)); // earlier owners come back for more products
  const email = `owner${owner}@example.com`;
  const name = `${firstNames[owner % firstNames.length]} ${lastNames[owner % lastNames.length]}`;
  const pick = next();
  const model = (pick < 0.4 ? models[0] : pick < 0.7 ? models[1] : pick < 0.9 ? models[2] : models[3]) as BenchModel;
  const year = 2014 + Math.floor(next() * 11);
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const purchase = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  let serial = '';
  if (model.sku === 'BENCH-DW') serial = `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${pad(i, 8)}`;
  else if (model.sku === 'BENCH-CM') serial = `${pad(year % 100, 2)}${pad(1 + Math.floor(month * 4.3) % 52, 2)}${pad(i % 1_000_000, 6)}`;
  else if (model.sku === 'BENCH-ST') serial = `st-${pad(i, 7)}`; // lower case: normalised on import
  const country = next() < 0.85 ? 'US' : next() < 0.5 ? 'CA' : 'GB';
  // An owner has one phone number, given on about half of their lines.
  const ownerRandom = random(owner + 1_000_000_007);
  const phoneDigits = `${2 + Math.floor(ownerRandom() * 8)}${pad(Math.floor(ownerRandom() * 100), 2)}${2 + Math.floor(ownerRandom() * 8)}${pad(Math.floor(ownerRandom() * 1_000_000), 6)}`;
  const phone = country === 'GB' ? (next() < 0.5 ? `07700 ${pad(owner % 1_000_000, 6)}` : '') : next() < 0.5 ? `(${phoneDigits.slice(0, 3)}) ${phoneDigits.slice(3, 6)}-${phoneDigits.slice(6)}` : '';
  const consent = next();
  return [
    email,
    name,
    phone,
    model.sku === 'BENCH-KT' ? '' : model.gtin,
    model.sku === 'BENCH-KT' ? model.sku : '',
    serial,
    purchase,
    retailers[owner % retailers.length] as string,
    country === 'GB' ? 'SW1A 1AA' : pad(10000 + (owner % 89999), 5),
    country,
    `${purchase}T${pad(9 + (i % 10), 2)}:${pad(i % 60, 2)}:00Z`,
    consent < 0.5 ? 'yes' : consent < 0.8 ? 'no' : '',
    phone && consent < 0.3 ? 'yes' : '',
    next() < 0.1 ? 'es' : 'en',
  ];
}

/** A row the import must reject, one of each kind in turn. */
function badRow(i: number, next: () => number, models: readonly BenchModel[]): string {
  const row = goodRow(i, next, models);
  switch (Math.floor(i / 100) % 8) {
    case 0: // mistyped GTIN check digit
      return (row[3] ? ((row[3] = `${row[3].slice(0, -1)}${(Number(row[3].at(-1)) + 1) % 10}`), row) : ((row[4] = 'NO-SUCH-SKU'), row)).map(csvField).join(',');
    case 1:
      row[0] = 'not-an-email';
      return row.map(csvField).join(',');
    case 2:
      row[6] = '2999-01-01';
      return row.map(csvField).join(',');
    case 3: // serial that fits no mask (or, for the kettle, a bad country)
      if (row[5]) row[5] = `${row[5]}X`;
      else row[9] = 'USA';
      return row.map(csvField).join(',');
    case 4: // more fields than the header
      return `${row.map(csvField).join(',')},extra`;
    case 5: // a quote in the middle of an unquoted field: malformed CSV
      return `${row.map(csvField).join(',').replace('@', '"@')}`;
    case 6:
      row[12] = 'maybe';
      return row.map(csvField).join(',');
    default: // the same unit as row i - 8 (a duplicate within the file), when it has a serial
      return goodRow(i - 8, random(i - 8), models).map(csvField).join(',');
  }
}

/** Bad lines of these kinds cannot be loaded by a plain COPY either (one field too many, a stray quote). */
const structurallyBad = (i: number) => i % 100 === 50 && [4, 5].includes(Math.floor(i / 100) % 8);

/**
 * Writes `rows` data lines (plus the header) to `file`, a bad line in every hundred. `copyable` leaves
 * out the lines PostgreSQL's own CSV reader refuses, for a bare COPY of the same file to compare with.
 */
export async function writeImportCsv(file: string, rows: number, models: readonly BenchModel[], options: { copyable?: boolean } = {}): Promise<number> {
  const out = createWriteStream(file);
  let buffer = `${benchHeader}\n`;
  let written = 0;
  for (let i = 1; i <= rows; i++) {
    if (options.copyable && structurallyBad(i)) continue;
    const next = random(i);
    buffer += `${i % 100 === 50 ? badRow(i, next, models) : goodRow(i, next, models).map(csvField).join(',')}\n`;
    written++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const rowsFlag = process.argv.indexOf('--rows');
  const rows = rowsFlag > 0 ? Number(process.argv[rowsFlag + 1]) : 1_000_000;
  if (!file || !Number.isInteger(rows) || rows < 1) {
    console.error('Usage: node --import tsx bench/import-data.ts <out.csv> [--rows N]');
    process.exit(2);
  }
  await writeImportCsv(file, rows, exampleModels);
  console.log(`wrote ${rows} lines to ${file} for these models:`);
  for (const model of exampleModels) console.log(`  ${model.sku}  ${model.category}  GTIN ${model.gtin}  serial rule ${model.mask ?? '(none)'}`);
}
