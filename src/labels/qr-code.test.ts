import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrModules, qrPng, qrSvg } from './qr-code.ts';

const url = 'https://ox.example/01/09506000134352/21/AB12345678';

/** The dark modules an SVG from qrSvg draws, read back from its path ("M<x> <y+0.5>h<run>m<gap> 0h<run>..."). */
function darkModulesOfSvg(svg: string): Set<string> {
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (op === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else for (let i = 0; i < Number(a); i++) dark.add(`${y},${x++}`);
  }
  return dark;
}

describe('QR codes', () => {
  it('as SVG encode the URL at error correction level M with a 4-module quiet zone', async () => {
    const svg = await qrSvg(url);
    const expected = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const size = expected.modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
    const want = new Set<string>();
    for (let row = 0; row < size; row++) for (let column = 0; column < size; column++) if (expected.modules.get(row, column)) want.add(`${row + 4},${column + 4}`);
    expect(darkModulesOfSvg(svg)).toEqual(want);
  });

  it('as PNG have the size asked for', async () => {
    const png = await qrPng(url, 300);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([300, 300]);
  });

  it('give their modules for vector drawing', () => {
    const symbol = qrModules(url);
    const expected = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    expect(symbol.size).toBe(expected.size);
    expect(symbol.quietZone).toBe(4);
    // The finder pattern's corner is dark, the separator next to it light.
    expect([symbol.isDark(0, 0), symbol.isDark(7, 7)]).toEqual([true, false]);
  });
});
