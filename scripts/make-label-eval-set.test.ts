import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { manufactureDateFromSerial } from '../src/catalog/manufacture-date.ts';
import { serialMatchesMask } from '../src/catalog/serial-mask.ts';
import { evalModels, evalRetailerNames, serialMaskTokens } from './label-eval-set/catalog.ts';
import { type Expectation, generateEvalSet, readEvalSet } from './label-eval-set/generate.ts';
import { labelConditions, receiptConditions } from './label-eval-set/photo.ts';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'openox-eval-set-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function fingerprints(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir)).sort();
  const entries = await Promise.all(files.map(async (file) => [file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex')] as const));
  return Object.fromEntries(entries);
}

describe('make-label-eval-set', () => {
  it('writes the same files for the same seed, and other ones for another seed', async () => {
    const [first, second, other] = [await freshDir(), await freshDir(), await freshDir()];
    await generateEvalSet({ outDir: first, count: 1, receipts: 1, seed: 'same' });
    await generateEvalSet({ outDir: second, count: 1, receipts: 1, seed: 'same' });
    await generateEvalSet({ outDir: other, count: 1, receipts: 1, seed: 'other' });

    const [a, b, c] = [await fingerprints(first), await fingerprints(second), await fingerprints(other)];
    expect(Object.keys(a)).toHaveLength(2 * (labelConditions.length + receiptConditions.length) + 1);
    expect(b).toEqual(a);
    expect(Object.keys(c)).toEqual(Object.keys(a));
    const differing = Object.keys(a).filter((file) => file.endsWith('.jpg') && a[file] !== c[file]);
    expect(differing.length).toBe(labelConditions.length + receiptConditions.length);
  });

  it('writes a JPEG with its expected values beside it for every item, consistent with the catalog', async () => {
    const dir = await freshDir();
    const written = await generateEvalSet({ outDir: dir, count: 2, receipts: 1, seed: 'contents' });
    expect(await readEvalSet(dir)).toEqual(JSON.parse(JSON.stringify(written)));
    expect(written.filter((item) => item.kind === 'label').map((item) => item.condition)).toEqual(labelConditions.flatMap((condition) => [condition, condition]));
    expect(written.filter((item) => item.kind === 'receipt').map((item) => item.condition)).toEqual([...receiptConditions]);

    for (const item of written) {
      const metadata = await sharp(path.join(dir, item.image)).metadata();
      expect(metadata.format).toBe('jpeg');
      expect({ width: metadata.width, height: metadata.height }).toEqual(item.photo);
      expect(JSON.parse(await readFile(path.join(dir, item.image.replace(/\.jpg$/, '.json')), 'utf8'))).toEqual(JSON.parse(JSON.stringify(item)));
      checkExpectation(item);
    }
  });
});

function checkExpectation(item: Expectation) {
  if (item.kind === 'receipt') {
    expect(evalRetailerNames).toContain(item.retailer);
    expect(item.purchaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(item.amount.minor).toBeGreaterThan(0);
    return;
  }
  const model = evalModels.find((candidate) => candidate.id === item.model.id);
  expect(model?.sku).toBe(item.model.sku);
  const tokens = serialMaskTokens(model?.serialMask ?? '');
  expect(serialMatchesMask(item.serial, tokens)).toBe(true);
  expect(item.manufacturedOn).toBe(manufactureDateFromSerial(item.serial, tokens));
  expect(item.hasBarcode).toBe(item.barcode !== null);
  if (item.barcode?.carriesSerial) expect(item.barcode.content).toContain(encodeURIComponent(item.serial));
  if (item.barcode?.carriesGtin && !item.barcode.carriesSerial) expect(model?.gtin14).toContain(item.barcode.content);
}
