import bwipjs from 'bwip-js';
import sharp from 'sharp';

/** A rating label or receipt to render for tests: text lines, optionally a barcode below them. */
export interface Drawing {
  readonly lines: readonly string[];
  readonly font?: string;
  readonly fontSize?: number;
  readonly width?: number;
  /** A bwip-js symbology ('gs1-128', 'qrcode', 'code128', 'gs1datamatrix', 'ean13', …) and its text. */
  readonly barcode?: { readonly bcid: string; readonly text: string };
  /** Degrees clockwise: a photo taken sideways. */
  readonly rotate?: number;
  /** Metadata to embed (to check that it is stripped). */
  readonly exif?: Record<string, Record<string, string>>;
}

/** A JPEG of printed text (DejaVu Sans by default) on a light label, as a phone would photograph it. */
export async function renderDrawing(drawing: Drawing): Promise<Buffer> {
  const fontSize = drawing.fontSize ?? 28;
  const lineHeight = Math.round(fontSize * 1.6);
  const width = drawing.width ?? 900;
  const code = drawing.barcode ? await barcodePng(drawing.barcode) : null;
  const codeHeight = code ? ((await sharp(code).metadata()).height ?? 0) + 30 : 0;
  const height = 60 + drawing.lines.length * lineHeight + codeHeight;
  const text = drawing.lines
    .map((line, i) => `<text x="40" y="${50 + i * lineHeight + fontSize}" font-family="${drawing.font ?? 'DejaVu Sans'}" font-size="${fontSize}">${escapeXml(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f4f1ea"/>${text}</svg>`;
  let image = sharp(Buffer.from(svg));
  if (code) image = sharp(await image.png().toBuffer()).composite([{ input: code, left: 40, top: height - codeHeight }]);
  let jpeg = await image.jpeg({ quality: 90 }).toBuffer();
  if (drawing.rotate) jpeg = await sharp(jpeg).rotate(drawing.rotate, { background: '#f4f1ea' }).jpeg({ quality: 90 }).toBuffer();
  if (drawing.exif) jpeg = await sharp(jpeg).withExif(drawing.exif).jpeg({ quality: 90 }).toBuffer();
  return jpeg;
}

async function barcodePng(barcode: { bcid: string; text: string }): Promise<Buffer> {
  const square = /qr|datamatrix/.test(barcode.bcid);
  return bwipjs.toBuffer({ bcid: barcode.bcid, text: barcode.text, scale: square ? 4 : 2, ...(square ? {} : { height: 12 }), paddingwidth: 12, paddingheight: 12, backgroundcolor: 'FFFFFF' });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
