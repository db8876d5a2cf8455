import type { ImportRow } from './row.ts';

export interface Rejection {
  readonly line: number;
  readonly reason: string;
  readonly raw: string;
}

// Columns travel to PostgreSQL as one text per column, split there with string_to_array: joining
// strings is far cheaper, on both sides, than array parameters. checkRow turns away lines holding
// these two control characters, so they cannot occur in a value.
export const fieldSeparator = '\x1f';
export const nullMarker = '\x1e';

/**
 * A lane's share of a run of file lines on its way into the database: the good rows column by column,
 * and the rejected lines. Applied in one transaction, with the progress that records it.
 */
export class ImportChunk {
  readonly lines: number[] = [];
  readonly emails: string[] = [];
  readonly names: string[] = [];
  readonly phones: string[] = [];
  readonly modelIds: string[] = [];
  readonly serials: string[] = [];
  readonly purchaseDates: string[] = [];
  readonly retailers: string[] = [];
  readonly postalCodes: string[] = [];
  readonly countries: string[] = [];
  readonly registeredAts: string[] = [];
  readonly emailConsents: string[] = [];
  readonly smsConsents: string[] = [];
  readonly languages: string[] = [];
  readonly safetyOnly: string[] = [];
  readonly manufacturedOn: string[] = [];
  readonly raws: string[] = [];
  /** For each row, the line of the chunk's first row for the same unit (its own line if it is the first). */
  readonly firstLines: number[] = [];
  readonly rejections: Rejection[] = [];
  private readonly units = new Map<string, number>();
  /** Records read from the file, good and bad. */
  received = 0;
  /** The last file line this chunk accounts for. */
  throughLine: number;

  constructor(afterLine: number) {
    this.throughLine = afterLine;
  }

  add(line: number, row: ImportRow, raw: string): void {
    this.lines.push(line);
    this.emails.push(row.email);
    this.names.push(row.name);
    this.phones.push(row.phone ?? nullMarker);
    this.modelIds.push(row.modelId);
    this.serials.push(row.serial ?? nullMarker);
    this.purchaseDates.push(row.purchaseDate ?? nullMarker);
    this.retailers.push(row.retailer ?? nullMarker);
    this.postalCodes.push(row.postalCode ?? nullMarker);
    this.countries.push(row.country ?? nullMarker);
    this.registeredAts.push(row.registeredAt.toISOString());
    this.emailConsents.push(flag(row.emailConsent));
    this.smsConsents.push(flag(row.smsConsent));
    this.languages.push(row.language);
    this.safetyOnly.push(flag(row.safetyOnly));
    this.manufacturedOn.push(row.manufacturedOn ?? nullMarker);
    this.raws.push(raw);
    this.firstLines.push(this.firstLineOf(row, line));
    this.received++;
    this.throughLine = line;
  }

  /** A unit is a serial of a model; without a serial, an owner's model bought on one day. */
  private firstLineOf(row: ImportRow, line: number): number {
    const unit = row.serial === null ? `${row.modelId} ${row.email} ${row.purchaseDate ?? ''}` : `${row.modelId}:${row.serial}`;
    const first = this.units.get(unit);
    if (first !== undefined) return first;
    this.units.set(unit, line);
    return line;
  }

  reject(line: number, reason: string, raw: string): void {
    this.rejections.push({ line, reason, raw });
    this.received++;
    this.throughLine = Math.max(this.throughLine, line);
  }

  get rows(): number {
    return this.lines.length;
  }

  /** The good rows as one text per column, in the order the apply statement unnests them. */
  columns(): string[] {
    return [
      this.lines.join(fieldSeparator),
      this.emails.join(fieldSeparator),
      this.names.join(fieldSeparator),
      this.phones.join(fieldSeparator),
      this.modelIds.join(fieldSeparator),
      this.serials.join(fieldSeparator),
      this.purchaseDates.join(fieldSeparator),
      this.retailers.join(fieldSeparator),
      this.postalCodes.join(fieldSeparator),
      this.countries.join(fieldSeparator),
      this.registeredAts.join(fieldSeparator),
      this.emailConsents.join(fieldSeparator),
      this.smsConsents.join(fieldSeparator),
      this.languages.join(fieldSeparator),
      this.safetyOnly.join(fieldSeparator),
      this.manufacturedOn.join(fieldSeparator),
      this.raws.join(fieldSeparator),
      this.firstLines.join(fieldSeparator),
    ];
  }
}

function flag(value: boolean | null): string {
  return value === null ? nullMarker : value ? 't' : 'f';
}
