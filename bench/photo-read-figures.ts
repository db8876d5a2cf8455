// Scoring and tables for bench/photo-read.bench.ts: what each read got right, wrong or asked about.
import { normaliseSerial } from '../src/catalog/serial-mask.ts';
import type { LabelRead, Proposal } from '../src/identification/read-label.ts';
import type { ReceiptRead } from '../src/identification/read-receipt.ts';
import type { LabelExpectation, ReceiptExpectation } from '../scripts/label-eval-set/generate.ts';

export interface LabelOutcome {
  readonly item: LabelExpectation;
  readonly read: LabelRead;
  readonly ms: number;
}

export interface ReceiptOutcome {
  readonly item: ReceiptExpectation;
  readonly read: ReceiptRead;
  readonly ms: number;
}

export interface LabelScore {
  readonly modelRight: boolean;
  readonly serialRight: boolean;
  /** Null when the serial encodes no date. */
  readonly dateRight: boolean | null;
  readonly asked: boolean;
  /** A value was proposed (prefilled) that is not the label's. */
  readonly wrongProposed: boolean;
  /** ...and the owner would not be asked to look: the failure the reader must never have. */
  readonly wrongUnasked: boolean;
}

export function scoreLabel({ item, read }: LabelOutcome): LabelScore {
  const modelRight = read.model !== null && isModel(read.model, item);
  const serialRight = read.serial !== null && normaliseSerial(read.serial.value) === item.serial;
  const dateWrong = read.manufacturedOn !== null && read.manufacturedOn !== item.manufacturedOn;
  const wrongProposed = (read.model !== null && !modelRight) || (read.serial !== null && !serialRight) || dateWrong;
  return {
    modelRight,
    serialRight,
    dateRight: item.manufacturedOn === null ? null : read.manufacturedOn === item.manufacturedOn,
    asked: read.needsConfirmation,
    wrongProposed,
    wrongUnasked: wrongProposed && !read.needsConfirmation,
  };
}

function isModel(proposal: Proposal, item: LabelExpectation): boolean {
  return proposal.modelId !== undefined ? proposal.modelId === item.model.id : proposal.value.replace(/\s+/g, '').toUpperCase() === item.model.sku;
}

export interface ReceiptScore {
  readonly dateRight: boolean;
  readonly retailerRight: boolean;
  readonly amountRight: boolean;
  readonly asked: boolean;
  readonly wrongProposed: boolean;
  readonly wrongUnasked: boolean;
}

export function scoreReceipt({ item, read }: ReceiptOutcome): ReceiptScore {
  const dateRight = read.purchaseDate?.value === item.purchaseDate;
  const retailerRight = read.retailer?.value === item.retailer;
  const amountRight = read.amount !== null && read.amount.minor === item.amount.minor && read.amount.currency === item.amount.currency;
  const wrongProposed = (read.purchaseDate !== null && !dateRight) || (read.retailer !== null && !retailerRight) || (read.amount !== null && !amountRight);
  return { dateRight, retailerRight, amountRight, asked: read.needsConfirmation, wrongProposed, wrongUnasked: wrongProposed && !read.needsConfirmation };
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function share(count: number, of: number): string {
  return of === 0 ? '-' : `${Math.round((100 * count) / of)}%`;
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

export interface Column {
  readonly title: string;
  readonly width: number;
}

/** Fixed-width rows: the first column left-aligned, the rest right-aligned. */
export function tableRow(columns: readonly Column[], cells: readonly string[]): string {
  return columns.map((column, i) => (i === 0 ? (cells[i] ?? '').padEnd(column.width) : (cells[i] ?? '').padStart(column.width))).join(' ');
}

export const labelColumns: readonly Column[] = [
  { title: 'labels', width: 19 },
  { title: 'n', width: 4 },
  { title: 'model', width: 6 },
  { title: 'serial', width: 6 },
  { title: 'both', width: 5 },
  { title: 'date', width: 5 },
  { title: 'asked', width: 6 },
  { title: 'wrong,asked', width: 11 },
  { title: 'WRONG,not asked', width: 15 },
  { title: 'barcode', width: 7 },
  { title: 'p50 ms', width: 7 },
  { title: 'p95 ms', width: 7 },
  { title: 'peak RSS', width: 9 },
];

/** One row of the label table over some outcomes; `rss` is the peak resident memory seen while they ran. */
export function labelRow(name: string, outcomes: readonly LabelOutcome[], rss: number | null): string {
  const scores = outcomes.map(scoreLabel);
  const count = (test: (score: LabelScore) => boolean) => scores.filter(test).length;
  const dated = scores.filter((score) => score.dateRight !== null);
  const times = outcomes.map((outcome) => outcome.ms);
  return tableRow(labelColumns, [
    name,
    String(outcomes.length),
    share(count((s) => s.modelRight), scores.length),
    share(count((s) => s.serialRight), scores.length),
    share(count((s) => s.modelRight && s.serialRight), scores.length),
    share(dated.filter((s) => s.dateRight).length, dated.length),
    share(count((s) => s.asked), scores.length),
    String(count((s) => s.wrongProposed && s.asked)),
    String(count((s) => s.wrongUnasked)),
    share(outcomes.filter((outcome) => outcome.read.method === 'barcode').length, outcomes.length),
    times.length ? String(Math.round(percentile(times, 50))) : '-',
    times.length ? String(Math.round(percentile(times, 95))) : '-',
    rss === null ? '' : megabytes(rss),
  ]);
}

export const receiptColumns: readonly Column[] = [
  { title: 'receipts', width: 19 },
  { title: 'n', width: 4 },
  { title: 'date', width: 6 },
  { title: 'retailer', width: 8 },
  { title: 'amount', width: 6 },
  { title: 'all 3', width: 5 },
  { title: 'asked', width: 6 },
  { title: 'wrong,asked', width: 11 },
  { title: 'WRONG,not asked', width: 15 },
  { title: 'p50 ms', width: 7 },
  { title: 'p95 ms', width: 7 },
  { title: 'peak RSS', width: 9 },
];

export function receiptRow(name: string, outcomes: readonly ReceiptOutcome[], rss: number | null): string {
  const scores = outcomes.map(scoreReceipt);
  const count = (test: (score: ReceiptScore) => boolean) => scores.filter(test).length;
  const times = outcomes.map((outcome) => outcome.ms);
  return tableRow(receiptColumns, [
    name,
    String(outcomes.length),
    share(count((s) => s.dateRight), scores.length),
    share(count((s) => s.retailerRight), scores.length),
    share(count((s) => s.amountRight), scores.length),
    share(count((s) => s.dateRight && s.retailerRight && s.amountRight), scores.length),
    share(count((s) => s.asked), scores.length),
    String(count((s) => s.wrongProposed && s.asked)),
    String(count((s) => s.wrongUnasked)),
    times.length ? String(Math.round(percentile(times, 50))) : '-',
    times.length ? String(Math.round(percentile(times, 95))) : '-',
    rss === null ? '' : megabytes(rss),
  ]);
}

export function describeWrongReceipt({ item, read }: ReceiptOutcome): string {
  const money = (minor: number) => (minor / 100).toFixed(2);
  const valued = (value: { value: string; confidence: number } | null) => (value ? `${value.value} (${value.confidence.toFixed(2)})` : '-');
  return [
    `${item.image}${read.needsConfirmation ? ' asked' : ' NOT ASKED'}`,
    `    expected date ${item.purchaseDate} (printed ${item.printedDate}), retailer ${item.retailer} (printed ${item.printedStore}), amount ${money(item.amount.minor)} ${item.amount.currency}`,
    `    proposed date ${valued(read.purchaseDate)}, retailer ${valued(read.retailer)}, amount ${read.amount ? `${money(read.amount.minor)} ${read.amount.currency} (${read.amount.confidence.toFixed(2)})` : '-'}`,
  ].join('\n');
}

/** One line per wrong proposal: the image, what it says, what was proposed and whether the owner is asked. */
export function describeWrong({ item, read }: LabelOutcome): string {
  const proposal = (p: Proposal | null) => (p ? `${p.value} (${p.confidence.toFixed(2)}, ${p.source})` : '-');
  const candidates = (list: readonly Proposal[]) => list.map((p) => `${p.value} ${p.confidence.toFixed(2)}`).join(' | ') || '-';
  return [
    `${item.image} [${item.layout}${item.barcode ? `, ${item.barcode.symbology}` : ''}]${read.needsConfirmation ? ' asked' : ' NOT ASKED'}`,
    `    expected model ${item.model.sku}, serial ${item.serial}${item.manufacturedOn ? `, made ${item.manufacturedOn}` : ''}`,
    `    proposed model ${proposal(read.model)}, serial ${proposal(read.serial)}${read.manufacturedOn ? `, made ${read.manufacturedOn}` : ''} via ${read.method}`,
    `    candidates: models ${candidates(read.candidates.models)}; serials ${candidates(read.candidates.serials)}`,
  ].join('\n');
}
