import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type ReadResult, type ReaderOptions, prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { checkGtin } from '../catalog/gtin.ts';
import { parseDigitalLink } from '../resolver/digital-link.ts';
import { parseGs1ElementString } from './reading/gs1-element-string.ts';
import type { BarcodeFacts } from './reading/model-match.ts';
import type { Bbox } from './reading/ocr-text.ts';

/** A barcode found on a photo: what it says and where it is (in the pixels of the image given). */
export interface DecodedBarcode extends BarcodeFacts {
  readonly format: string;
  readonly box: Bbox;
}

/** The codes a rating label or a product box carries. */
export const labelBarcodeFormats = ['QRCode', 'DataMatrix', 'Code128', 'Code39', 'EAN13', 'EAN8', 'UPCA', 'UPCE'] as const satisfies ReaderOptions['formats'];

const readerOptions: ReaderOptions = { formats: [...labelBarcodeFormats], tryHarder: true, tryRotate: true, tryInvert: true, maxNumberOfSymbols: 8 };

let prepared = false;
/**
 * Loads the decoder's WebAssembly from the zxing-wasm package on disk. Left to itself, zxing-wasm
 * fetches it from a CDN: offline that fails, and online it would run code OpenOX did not ship.
 */
function ensureDecoder(): void {
  if (prepared) return;
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer } });
  prepared = true;
}

/** Every label barcode in an encoded image (JPEG, PNG, …), exact values first-class: a GS1 code gives GTIN and serial. */
export async function decodeBarcodes(image: Buffer): Promise<DecodedBarcode[]> {
  ensureDecoder();
  const results = await readBarcodes(new Uint8Array(image.buffer, image.byteOffset, image.byteLength), readerOptions);
  return results.filter((result) => result.isValid && result.text).map(toDecoded);
}

function toDecoded(result: ReadResult): DecodedBarcode {
  const { topLeft, topRight, bottomLeft, bottomRight } = result.position;
  const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x];
  const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y];
  const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  return { format: result.format, box, ...barcodeFacts(result.format, result.contentType, result.text, Buffer.from(result.bytes).toString('latin1')) };
}

/**
 * What a decoded barcode says about a product: a GS1 Digital Link QR code or a GS1 element string
 * (GS1-128, GS1 DataMatrix) names the GTIN and serial; an EAN/UPC the GTIN; other text is kept
 * for matching against SKUs and serial rules.
 */
export function barcodeFacts(format: string, contentType: string, text: string, rawBytes: string): BarcodeFacts {
  if (/^https?:\/\//i.test(text)) {
    const link = parseDigitalLink(text);
    if (link.ok) return { text, gtin14: link.gtin14, serial: link.serial ?? null };
    return { text, gtin14: null, serial: null };
  }
  if (contentType === 'GS1') {
    const unit = parseGs1ElementString(rawBytes);
    return { text, gtin14: unit.gtin14, serial: unit.serial };
  }
  // Only EAN/UPC symbols are GTINs by definition; digits in a Code 128 without AI 01 may be a serial.
  if (/^(EAN|UPC)/.test(format)) {
    const check = checkGtin(text);
    if (check.valid) return { text, gtin14: check.gtin14, serial: null };
  }
  return { text, gtin14: null, serial: null };
}
