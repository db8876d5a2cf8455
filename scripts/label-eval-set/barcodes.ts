import bwipjs from 'bwip-js';
import { evalBrand, type EvalModel } from './catalog.ts';
import type { Random } from './random.ts';

/** What a label's barcode encodes, as the expected values record it. */
export interface BarcodeFacts {
  readonly symbology: 'code128' | 'code39' | 'gs1-128' | 'gs1-datamatrix' | 'qr-digital-link' | 'ean13' | 'upca';
  /** The text encoded (GS1 element strings with their AIs in brackets). */
  readonly content: string;
  readonly carriesGtin: boolean;
  readonly carriesSerial: boolean;
}

export interface RenderedBarcode {
  readonly facts: BarcodeFacts;
  /** Width over height of the symbol, quiet zone and human-readable text included. */
  readonly aspect: number;
  /** The symbol's width in modules (its narrowest bar or cell), quiet zone included. */
  readonly modules: number;
  readonly twoDimensional: boolean;
  /** The symbol as an SVG element to nest at (x, y) with a width; its height follows the aspect. */
  nested(x: number, y: number, width: number): string;
}

/**
 * One of the symbols rating labels carry: the serial alone (Code 128, Code 39), GTIN + serial
 * (GS1-128, GS1 DataMatrix, a GS1 Digital Link QR code) or the GTIN alone (EAN-13 / UPC-A, which
 * identifies the model but not the unit).
 */
export function chooseBarcode(model: EvalModel, serial: string, random: Random): RenderedBarcode {
  const gs1 = `(01)${model.gtin14}(21)${serial}`;
  const retailCode = model.printedGtin.length === 12 ? ('upca' as const) : ('ean13' as const);
  const symbology = random.pick(['code128', 'code128', 'code39', 'gs1-128', 'gs1-datamatrix', 'qr-digital-link', retailCode] as const);
  switch (symbology) {
    case 'code128':
    case 'code39':
      return render({ symbology, content: serial, carriesGtin: false, carriesSerial: true }, { bcid: symbology, text: serial, height: random.between(8, 13), includetext: random.chance(0.6) });
    case 'gs1-128':
      return render({ symbology, content: gs1, carriesGtin: true, carriesSerial: true }, { bcid: 'gs1-128', text: gs1, height: random.between(9, 13), includetext: true });
    case 'gs1-datamatrix':
      return render({ symbology, content: gs1, carriesGtin: true, carriesSerial: true }, { bcid: 'gs1datamatrix', text: gs1 });
    case 'qr-digital-link': {
      const link = `https://${evalBrand.digitalLinkHost}/01/${model.gtin14}/21/${encodeURIComponent(serial)}`;
      return render({ symbology, content: link, carriesGtin: true, carriesSerial: true }, { bcid: 'qrcode', text: link, eclevel: 'M' });
    }
    default:
      return render({ symbology, content: model.printedGtin, carriesGtin: true, carriesSerial: false }, { bcid: symbology, text: model.printedGtin, includetext: true });
  }
}

const renderScale = 2;

function render(facts: BarcodeFacts, options: { bcid: string; text: string; height?: number; includetext?: boolean; eclevel?: string }): RenderedBarcode {
  const svg = bwipjs.toSVG({ ...options, scale: renderScale, paddingwidth: 6, paddingheight: 4, textxalign: 'center' });
  const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
  if (!viewBox) throw new Error(`bwip-js gave an SVG without a viewBox for ${facts.symbology}`);
  const [vbWidth, vbHeight] = [Number(viewBox[1]), Number(viewBox[2])];
  const body = svg.slice(svg.indexOf('>') + 1, svg.lastIndexOf('</svg>'));
  const twoDimensional = facts.symbology === 'gs1-datamatrix' || facts.symbology === 'qr-digital-link';
  return {
    facts,
    aspect: vbWidth / vbHeight,
    modules: vbWidth / renderScale,
    twoDimensional,
    nested: (x, y, width) =>
      `<svg x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${((width * vbHeight) / vbWidth).toFixed(1)}" viewBox="0 0 ${vbWidth} ${vbHeight}">` +
      `<rect width="${vbWidth}" height="${vbHeight}" fill="#ffffff"/>${body}</svg>`,
  };
}
