import bwipjs from 'bwip-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { barcodeFacts, decodeBarcodes } from './barcodes.ts';

async function photoOf(bcid: string, text: string): Promise<Buffer> {
  const square = /qr|datamatrix/.test(bcid);
  const code = await bwipjs.toBuffer({ bcid, text, scale: square ? 4 : 2, ...(square ? {} : { height: 12 }), paddingwidth: 12, paddingheight: 12, backgroundcolor: 'FFFFFF' });
  const { width = 0, height = 0 } = await sharp(code).metadata();
  // On a label, in a photo: some background around it, JPEG-compressed.
  return sharp({ create: { width: width + 160, height: height + 120, channels: 3, background: '#e9e4da' } }).composite([{ input: code, left: 80, top: 60 }]).jpeg({ quality: 85 }).toBuffer();
}

describe('decoding the barcodes on a label photo', () => {
  it.each([
    ['GS1-128', 'gs1-128', '(01)09506000134352(21)AB12345678', { gtin14: '09506000134352', serial: 'AB12345678' }],
    ['GS1 DataMatrix', 'gs1datamatrix', '(01)09506000134352(10)L7(21)X-1', { gtin14: '09506000134352', serial: 'X-1' }],
    ['a GS1 Digital Link QR code', 'qrcode', 'https://id.example.com/01/09506000134352/21/AB%2F12', { gtin14: '09506000134352', serial: 'AB/12' }],
    ['EAN-13', 'ean13', '9506000134352', { gtin14: '09506000134352', serial: null }],
    ['UPC-A', 'upca', '012345678905', { gtin14: '00012345678905', serial: null }],
    ['a plain Code 128', 'code128', 'AB12345678', { gtin14: null, serial: null, text: 'AB12345678' }],
    ['a Code 39', 'code39', 'SN240042', { gtin14: null, serial: null, text: 'SN240042' }],
    ['a QR code that is no product link', 'qrcode', 'https://example.com/manual', { gtin14: null, serial: null }],
  ])('%s', async (_case, bcid, text, expected) => {
    const [found, ...more] = await decodeBarcodes(await photoOf(bcid, text));
    expect(more).toEqual([]);
    expect(found).toMatchObject(expected);
    expect(found?.box.x0).toBeGreaterThanOrEqual(70);
    expect(found?.box.y0).toBeGreaterThanOrEqual(50);
  });

  it('finds none on a photo without codes', async () => {
    expect(await decodeBarcodes(await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } }).jpeg().toBuffer())).toEqual([]);
  });

  it('does not take digits in a Code 128 for a GTIN: they may be a serial', () => {
    expect(barcodeFacts('Code128', 'Text', '09506000134352', '09506000134352')).toEqual({ text: '09506000134352', gtin14: null, serial: null });
  });
});
