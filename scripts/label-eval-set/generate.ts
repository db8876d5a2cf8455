import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BarcodeFacts, chooseBarcode } from './barcodes.ts';
import { evalModels } from './catalog.ts';
import { type LabelLayout, chooseLabelStyle, labelSvg } from './label-svg.ts';
import { type Condition, type LabelCondition, type PhotoSetting, type ReceiptCondition, type Subject, labelConditions, photograph, receiptConditions } from './photo.ts';
import { type Random, seededRandom } from './random.ts';
import { receiptSvg, writeReceipt } from './receipt-svg.ts';
import { makeSerial } from './serials.ts';

export interface EvalSetOptions {
  readonly outDir: string;
  /** Label photos per condition. */
  readonly count: number;
  /** Receipt photos per condition. */
  readonly receipts: number;
  readonly seed: string;
}

interface Shot {
  /** The image's file name; the expected values sit beside it with .json for .jpg. */
  readonly image: string;
  readonly condition: Condition;
  readonly photo: { readonly width: number; readonly height: number };
  readonly subjectBox: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
  readonly applied: Readonly<Record<string, number>>;
}

export interface LabelExpectation extends Shot {
  readonly kind: 'label';
  readonly condition: LabelCondition;
  readonly model: { readonly id: string; readonly sku: string };
  readonly serial: string;
  /** What the serial encodes through the model's serial rule; null when the rule has no date. */
  readonly manufacturedOn: string | null;
  readonly hasBarcode: boolean;
  readonly barcode: BarcodeFacts | null;
  readonly layout: LabelLayout;
  readonly fonts: readonly string[];
}

export interface ReceiptExpectation extends Shot {
  readonly kind: 'receipt';
  readonly condition: ReceiptCondition;
  readonly retailer: string;
  readonly printedStore: string;
  readonly purchaseDate: string;
  readonly printedDate: string;
  readonly amount: { readonly minor: number; readonly currency: 'USD' };
  readonly fonts: readonly string[];
}

export type Expectation = LabelExpectation | ReceiptExpectation;

interface SetIndex {
  readonly seed: string;
  readonly count: number;
  readonly receipts: number;
  readonly items: readonly string[];
}

const indexFile = 'set.json';

const labelSettings = {
  photos: [
    { width: 1280, height: 960 },
    { width: 1600, height: 1200 },
    { width: 1440, height: 1080 },
    { width: 1200, height: 1600 },
  ],
  surfaces: [
    ['#ecebe7', '#c9c8c3'],
    ['#a7adb3', '#d3d6d9'],
    ['#2b2b2d', '#46464a'],
    ['#8d9094', '#5f6266'],
  ],
} as const;

const receiptSurfaces = [
  ['#6b4a2f', '#8a6643'],
  ['#3d3f44', '#55585e'],
  ['#c9b79c', '#a8957a'],
] as const;

/**
 * Writes the evaluation set: for each condition, `count` label photos and `receipts` receipt photos,
 * each a JPEG with its expected values beside it as JSON, and `set.json` listing them. Each item has
 * its own random source derived from the seed, its kind, condition and number: the same seed gives
 * the same files, and a larger count keeps the smaller set's items as they were.
 */
export async function generateEvalSet(options: EvalSetOptions): Promise<Expectation[]> {
  await mkdir(options.outDir, { recursive: true });
  const numbered = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1).padStart(3, '0'));
  const items: (() => Promise<Expectation>)[] = [
    ...labelConditions.flatMap((condition) =>
      numbered(options.count).map((number) => {
        const name = `label-${condition}-${number}`;
        return () => writeLabel(options.outDir, name, condition, seededRandom(`${options.seed}/${name}`));
      }),
    ),
    ...receiptConditions.flatMap((condition) =>
      numbered(options.receipts).map((number) => {
        const name = `receipt-${condition}-${number}`;
        return () => writeReceiptPhoto(options.outDir, name, condition, seededRandom(`${options.seed}/${name}`));
      }),
    ),
  ];
  const expectations = await inParallel(items, os.availableParallelism());
  const index: SetIndex = { seed: options.seed, count: options.count, receipts: options.receipts, items: expectations.map((e) => e.image) };
  await writeFile(path.join(options.outDir, indexFile), `${JSON.stringify(index, null, 2)}\n`);
  return expectations;
}

/** The expected values of a set written by generateEvalSet, in the order it wrote them. */
export async function readEvalSet(dir: string): Promise<Expectation[]> {
  const index = JSON.parse(await readFile(path.join(dir, indexFile), 'utf8')) as SetIndex;
  return Promise.all(index.items.map(async (image) => JSON.parse(await readFile(path.join(dir, expectationFileOf(image)), 'utf8')) as Expectation));
}

export function expectationFileOf(image: string): string {
  return image.replace(/\.jpg$/, '.json');
}

async function writeLabel(dir: string, name: string, condition: LabelCondition, random: Random): Promise<LabelExpectation> {
  const model = random.pick(evalModels);
  const { serial, manufacturedOn } = makeSerial(model.serialMask, random);
  const style = chooseLabelStyle(random);
  const barcode = random.chance(0.5) ? chooseBarcode(model, serial, random) : null;
  const content = { model, serial, barcode, style };
  const sample = labelSvg(content, 1000);
  const subject: Subject = { svgAt: (width) => labelSvg(content, width), aspect: sample.height / sample.width };
  const setting: PhotoSetting = { photo: random.pick(labelSettings.photos), fill: random.between(0.45, 0.75), surfaces: labelSettings.surfaces };
  const photo = await photograph(subject, condition, setting, random);
  const expectation: LabelExpectation = {
    kind: 'label',
    image: `${name}.jpg`,
    condition,
    model: { id: model.id, sku: model.sku },
    serial,
    manufacturedOn,
    hasBarcode: barcode !== null,
    barcode: barcode?.facts ?? null,
    layout: style.layout,
    fonts: [...new Set([style.font, style.valueFont])],
    photo: { width: photo.width, height: photo.height },
    subjectBox: photo.subjectBox,
    applied: photo.applied,
  };
  await writeItem(dir, expectation, photo.jpeg);
  return expectation;
}

async function writeReceiptPhoto(dir: string, name: string, condition: ReceiptCondition, random: Random): Promise<ReceiptExpectation> {
  const receipt = writeReceipt(random.pick(evalModels), random);
  const sample = receiptSvg(receipt, 1000);
  const subject: Subject = { svgAt: (width) => receiptSvg(receipt, width), aspect: sample.height / sample.width };
  const setting: PhotoSetting = { photo: { width: 1200, height: 1600 }, fill: random.between(0.45, 0.6), surfaces: receiptSurfaces };
  const photo = await photograph(subject, condition, setting, random);
  const expectation: ReceiptExpectation = {
    kind: 'receipt',
    image: `${name}.jpg`,
    condition,
    retailer: receipt.retailer,
    printedStore: receipt.printedStore,
    purchaseDate: receipt.purchaseDate,
    printedDate: receipt.printedDate,
    amount: { minor: receipt.totalMinor, currency: 'USD' },
    fonts: [receipt.font],
    photo: { width: photo.width, height: photo.height },
    subjectBox: photo.subjectBox,
    applied: photo.applied,
  };
  await writeItem(dir, expectation, photo.jpeg);
  return expectation;
}

/** Runs the tasks, at most `limit` at once (each is mostly sharp's native work), keeping their order. */
async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

async function writeItem(dir: string, expectation: Expectation, jpeg: Buffer): Promise<void> {
  await writeFile(path.join(dir, expectation.image), jpeg);
  await writeFile(path.join(dir, expectationFileOf(expectation.image)), `${JSON.stringify(expectation, null, 2)}\n`);
}
