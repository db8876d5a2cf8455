/**
 * Writes the photo-registration evaluation set: rating-label photos of a fictitious catalog under
 * varied conditions (clean, rotation, perspective, blur, noise, low light, glare, small/far), with and
 * without barcodes, and receipt photos, each with its expected values beside it as JSON.
 *
 *   node --import tsx scripts/make-label-eval-set.ts --out <dir> [--count N] [--receipts N] [--seed S]
 *
 * --count is label photos per condition (default 20), --receipts receipt photos per condition
 * (default 10). The same seed writes the same files. bench/photo-read.bench.ts reads the set.
 */
import { parseArgs } from 'node:util';
import { generateEvalSet } from './label-eval-set/generate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    count: { type: 'string', default: '20' },
    receipts: { type: 'string', default: '10' },
    seed: { type: 'string', default: 'openox' },
  },
});
if (!values.out) throw new Error('--out <dir> is required: the directory to write the set into');
const count = Number(values.count);
const receipts = Number(values.receipts);
if (!Number.isInteger(count) || count < 0 || !Number.isInteger(receipts) || receipts < 0) throw new Error('--count and --receipts are whole numbers of images per condition');

const started = performance.now();
const items = await generateEvalSet({ outDir: values.out, count, receipts, seed: values.seed });
const labels = items.filter((item) => item.kind === 'label');
console.log(
  `${items.length} images (${labels.length} labels, ${labels.filter((label) => label.hasBarcode).length} with a barcode; ${items.length - labels.length} receipts) ` +
    `written to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${values.seed})`,
);
