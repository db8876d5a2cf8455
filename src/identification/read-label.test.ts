import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSerialMask } from '../catalog/serial-mask.ts';
import { renderDrawing } from './label-fixtures.ts';
import type { LabelCatalog, LabelModel } from './label-types.ts';
import { OcrPool, closeOcrPool } from './ocr-pool.ts';
import { readLabelPhoto } from './read-label.ts';

function model(id: string, sku: string, mask: string, gtins: string[] = []): LabelModel {
  const parsed = parseSerialMask(mask);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { id, name: sku, sku, gtins, serialMasks: [{ tokens: parsed.tokens, description: mask }] };
}

const catalog: LabelCatalog = {
  models: [model('washer', 'WM-3000X', 'AA########', ['09506000134352']), model('fridge', 'RF-220B', 'SN-YYWW####'), model('dryer', 'DR-800', 'AA########')],
};
const today = '2026-03-20';
const durations: number[] = [];

afterAll(async () => {
  await closeOcrPool();
  // Figures for the report, not assertions: tests never judge wall-clock time.
  console.info(`read-label: ${durations.length} photos, ms each: ${durations.join(', ')}`);
});

async function read(image: Buffer) {
  const result = await readLabelPhoto(image, catalog, { today });
  durations.push(result.durationMs);
  return result;
}

describe('reading rating-label photos', () => {
  it('reads model and serial by OCR, with the crop around them', async () => {
    const photo = await renderDrawing({ lines: ['ACME Home Appliances', 'MODEL: WM-3000X', 'S/N: AB12345678', '120V~ 60Hz 15A'] });
    const result = await read(photo);
    expect(result).toMatchObject({ method: 'ocr', problem: null, needsConfirmation: false });
    expect(result.model).toMatchObject({ value: 'WM-3000X', modelId: 'washer', source: 'ocr' });
    expect(result.serial).toMatchObject({ value: 'AB12345678', modelId: 'washer' });
    const { width = 0 } = await sharp(photo).metadata();
    expect(result.crop).not.toBeNull();
    expect(result.crop?.top).toBeGreaterThan(60); // below the brand name on the first line
    expect((result.crop?.left ?? 0) + (result.crop?.width ?? 0)).toBeLessThanOrEqual(width);
  });

  it('reads a GS1-128 barcode exactly, whatever the text says', async () => {
    const photo = await renderDrawing({ lines: ['Made in Mexico'], barcode: { bcid: 'gs1-128', text: '(01)09506000134352(21)AB12345678' } });
    const result = await read(photo);
    expect(result).toMatchObject({ method: 'barcode', needsConfirmation: false, problem: null });
    expect(result.model).toEqual({ value: 'WM-3000X', modelId: 'washer', confidence: 1, source: 'barcode' });
    expect(result.serial).toEqual({ value: 'AB12345678', modelId: 'washer', confidence: 1, source: 'barcode' });
  });

  it('reads a GS1 Digital Link QR code', async () => {
    const photo = await renderDrawing({ lines: ['Scan to register'], barcode: { bcid: 'qrcode', text: 'https://id.acme.example/01/09506000134352/21/CD00000042' } });
    const result = await read(photo);
    expect(result.serial).toMatchObject({ value: 'CD00000042', confidence: 1, source: 'barcode' });
  });

  it('reads a photo taken sideways by turning it', async () => {
    const photo = await renderDrawing({ lines: ['MODEL RF-220B', 'SERIAL NO. SN-24310042'], rotate: 90 });
    const result = await read(photo);
    expect(result.model?.modelId).toBe('fridge');
    expect(result.serial?.value).toBe('SN-24310042');
    expect(result.manufacturedOn).toBe('2024-07-29');
    const { width = 0, height = 0 } = await sharp(photo).metadata();
    expect(result.crop && result.crop.left + result.crop.width <= width && result.crop.top + result.crop.height <= height).toBe(true);
  });

  it('says there is no label on a photo of nothing', async () => {
    const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7a8b99' } }).jpeg().toBuffer();
    const result = await read(blank);
    expect(result).toMatchObject({ problem: 'no_label', method: 'none', model: null, serial: null, needsConfirmation: true });
  });

  it('calls a PDF unreadable', async () => {
    const result = await readLabelPhoto(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF'), catalog, { today });
    expect(result.problem).toBe('unreadable');
  });

  it('answers busy when every OCR engine is working and the queue is full', async () => {
    const stuck = new OcrPool({ workers: 1, queueLimit: 0, idleMs: 60_000, startEngine: async () => ({ recognize: () => new Promise(() => undefined), terminate: async () => undefined }) });
    const photo = await renderDrawing({ lines: ['MODEL: WM-3000X', 'S/N: AB12345678'] });
    void readLabelPhoto(photo, catalog, { today, pool: stuck });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await readLabelPhoto(photo, catalog, { today, pool: stuck });
    expect(second).toMatchObject({ problem: 'busy', method: 'none', model: null });
  });

  it('calls a label unreadable when OCR fails on it, and the pool goes on', async () => {
    const broken = new OcrPool({ workers: 1, queueLimit: 2, idleMs: 60_000, startEngine: async () => ({ recognize: () => Promise.reject(new Error('worker died')), terminate: async () => undefined }) });
    const photo = await renderDrawing({ lines: ['MODEL: WM-3000X', 'S/N: AB12345678'] });
    const result = await readLabelPhoto(photo, catalog, { today, pool: broken });
    expect(result).toMatchObject({ problem: 'unreadable', model: null, serial: null });
    await broken.close();
  });
});
