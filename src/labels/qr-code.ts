import QRCode from 'qrcode';

// M (about 15% of the symbol recoverable) survives scuffs on a label without making the code much denser;
// four modules of quiet zone is the minimum the QR code standard asks for.
const errorCorrectionLevel = 'M';
const quietZoneModules = 4;

export const qrSizeLimits = { min: 64, max: 2048, default: 512 } as const;

/** A QR code for `url` as a PNG of `sizePx` × `sizePx` pixels, quiet zone included. */
export function qrPng(url: string, sizePx: number): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel, margin: quietZoneModules, width: sizePx });
}

/** A QR code for `url` as SVG, one unit per module, quiet zone included: it scales to any print size. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel, margin: quietZoneModules });
}

/** The symbol's modules, for drawing the code as vectors (print sheets); the quiet zone is left to the caller. */
export interface QrModules {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly quietZone: number;
  isDark(row: number, column: number): boolean;
}

export function qrModules(url: string): QrModules {
  const { modules } = QRCode.create(url, { errorCorrectionLevel });
  return { size: modules.size, quietZone: quietZoneModules, isDark: (row, column) => modules.get(row, column) === 1 };
}
