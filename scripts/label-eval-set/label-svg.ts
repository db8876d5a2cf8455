import type { RenderedBarcode } from './barcodes.ts';
import { type EvalModel, evalBrand } from './catalog.ts';
import type { Random } from './random.ts';
import { type FontFamily, escapeXml, fittedSize, fontFamilies, monospaceFamilies, svgText } from './svg-text.ts';

export type LabelLayout = 'stacked' | 'table' | 'two-column' | 'sticker';
export const labelLayouts: readonly LabelLayout[] = ['stacked', 'table', 'two-column', 'sticker'];

/** Everything that varies between two labels of the same model and serial. */
export interface LabelStyle {
  readonly layout: LabelLayout;
  readonly font: FontFamily;
  readonly valueFont: FontFamily;
  readonly valuesBold: boolean;
  readonly modelField: string;
  readonly serialField: string;
  readonly paper: string;
  readonly ink: string;
  /** The brand band's colour; null prints the brand in ink on the paper. */
  readonly band: string | null;
  /** The lines of a boxed warning, or null for none. */
  readonly warning: readonly string[] | null;
  readonly madeIn: string;
  /** A barcode module's width in label units (1D; a 2D cell is twice that): how big the brand prints codes. */
  readonly barcodeModule: number;
}

const modelFields = ['Model', 'MODEL', 'Model No.', 'MODEL NO.', 'MOD.', 'Model Number', 'Mod.'];
const serialFields = ['S/N', 'Serial', 'SERIAL', 'SER.', 'Serial No.', 'SERIAL NO.', 'S/N.'];
const papers = ['#ffffff', '#f6f3ea', '#e4e6e8', '#f5ecb8', '#eef1f4'];
const inks = ['#111111', '#222222', '#1b2a4a', '#2b2b2b'];
const bands = ['#1b2a4a', '#7a1620', '#111111', '#1f4d3a', '#444a52'];
const countries = ['Made in Portugal', 'Made in PRC', 'Made in Poland', 'Made in Mexico', 'Made in Thailand', 'Assembled in USA'];
const warnings: readonly (readonly string[])[] = [
  ['WARNING: Risk of electric shock.', 'Disconnect power before servicing.'],
  ['CAUTION: Do not remove cover.', 'No user-serviceable parts inside.'],
  ['Read the instructions before use.', 'For household use only.'],
];

export function chooseLabelStyle(random: Random): LabelStyle {
  const font = random.pick(fontFamilies);
  return {
    layout: random.pick(labelLayouts),
    font,
    valueFont: random.chance(0.4) ? random.pick(monospaceFamilies) : font,
    valuesBold: random.chance(0.5),
    modelField: random.pick(modelFields),
    serialField: random.pick(serialFields),
    paper: random.pick(papers),
    ink: random.pick(inks),
    band: random.chance(0.6) ? random.pick(bands) : null,
    warning: random.chance(0.6) ? random.pick(warnings) : null,
    madeIn: random.pick(countries),
    barcodeModule: random.between(2.4, 3.4),
  };
}

export interface LabelContent {
  readonly model: EvalModel;
  readonly serial: string;
  readonly barcode: RenderedBarcode | null;
  readonly style: LabelStyle;
}

/** The label as an SVG `widthPx` pixels wide (the height follows the layout). */
export function labelSvg(content: LabelContent, widthPx: number): { svg: string; width: number; height: number } {
  const { width, height, body } = layouts[content.style.layout](content);
  const heightPx = Math.round((widthPx * height) / width);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="14" fill="${content.style.paper}" stroke="${content.style.ink}" stroke-width="3"/>` +
    `${body}</svg>`;
  return { svg, width: widthPx, height: heightPx };
}

interface Drawn {
  readonly width: number;
  readonly height: number;
  readonly body: string;
}

const layouts: Readonly<Record<LabelLayout, (content: LabelContent) => Drawn>> = {
  stacked: (content) => {
    const { style, model } = content;
    const width = 800;
    const parts: string[] = [];
    let y = brandHeader(parts, style, width);
    y += 44;
    parts.push(svgText(32, y, model.name, { family: style.font, size: 26, fill: style.ink }));
    for (const [field, value] of fieldLines(content)) {
      y += 62;
      parts.push(fieldAndValue(32, y, field, value, style, width - 64, 44));
    }
    y = ratingLines(parts, model.ratings, style, 32, y + 20, width - 64, 2);
    if (style.warning) y = warningBox(parts, style.warning, style, 32, y + 22, width - 64);
    if (content.barcode) y = placeBarcode(parts, content.barcode, style.barcodeModule, 32, y + 24, width - 64, 'start');
    y += 40;
    parts.push(svgText(32, y, style.madeIn, { family: style.font, size: 20, fill: style.ink }));
    return { width, height: y + 26, body: parts.join('') };
  },

  table: (content) => {
    const { style, model } = content;
    const width = 820;
    const parts: string[] = [];
    let y = brandHeader(parts, style, width) + 24;
    const rows: [string, string][] = [...fieldLines(content), ['Rated', model.ratings[0] ?? ''], ['Power', model.ratings[1] ?? '']];
    const split = 300;
    const rowHeight = 64;
    const top = y;
    for (const [field, value] of rows) {
      const isKey = field === style.modelField || field === style.serialField;
      parts.push(svgText(44, y + 44, field, { family: style.font, size: fittedSize(field, style.font, 30, split - 60), fill: style.ink }));
      const valueSize = fittedSize(value, style.valueFont, isKey ? 40 : 30, width - split - 70, style.valuesBold);
      parts.push(svgText(split + 24, y + 46, value, { family: style.valueFont, size: valueSize, fill: style.ink, bold: isKey && style.valuesBold }));
      parts.push(`<line x1="30" y1="${y}" x2="${width - 30}" y2="${y}" stroke="${style.ink}" stroke-width="2"/>`);
      y += rowHeight;
    }
    parts.push(`<line x1="30" y1="${y}" x2="${width - 30}" y2="${y}" stroke="${style.ink}" stroke-width="2"/>`);
    parts.push(`<line x1="${split}" y1="${top}" x2="${split}" y2="${y}" stroke="${style.ink}" stroke-width="2"/>`);
    parts.push(`<rect x="30" y="${top}" width="${width - 60}" height="${y - top}" fill="none" stroke="${style.ink}" stroke-width="3"/>`);
    if (content.barcode) y = placeBarcode(parts, content.barcode, style.barcodeModule, 44, y + 26, width - 88, 'middle');
    if (style.warning) y = warningBox(parts, style.warning, style, 30, y + 22, width - 60);
    y += 40;
    parts.push(svgText(width / 2, y, style.madeIn, { family: style.font, size: 20, fill: style.ink, anchor: 'middle' }));
    return { width, height: y + 26, body: parts.join('') };
  },

  'two-column': (content) => {
    const { style, model } = content;
    const width = 900;
    const parts: string[] = [];
    const top = brandHeader(parts, style, width);
    const split = 420;
    let left = top + 46;
    parts.push(svgText(32, left, model.name, { family: style.font, size: fittedSize(model.name, style.font, 28, split - 60), fill: style.ink }));
    left = ratingLines(parts, model.ratings, style, 32, left + 8, split - 60, 2);
    if (style.warning) left = warningBox(parts, style.warning, style, 28, left + 20, split - 50);
    left += 34;
    parts.push(svgText(32, left, style.madeIn, { family: style.font, size: 20, fill: style.ink }));

    let right = top + 20;
    for (const [field, value] of fieldLines(content)) {
      right += 30;
      parts.push(svgText(split + 20, right, field.toUpperCase(), { family: style.font, size: 22, fill: style.ink }));
      right += 50;
      parts.push(svgText(split + 20, right, value, { family: style.valueFont, size: fittedSize(value, style.valueFont, 46, width - split - 50, style.valuesBold), fill: style.ink, bold: style.valuesBold }));
      right += 10;
    }
    if (content.barcode) right = placeBarcode(parts, content.barcode, style.barcodeModule, split + 20, right + 20, width - split - 50, 'start');
    parts.push(`<line x1="${split}" y1="${top + 16}" x2="${split}" y2="${Math.max(left, right)}" stroke="${style.ink}" stroke-width="2"/>`);
    return { width, height: Math.max(left, right) + 30, body: parts.join('') };
  },

  sticker: (content) => {
    const { style } = content;
    const width = 560;
    const parts: string[] = [];
    let y = 46;
    parts.push(svgText(28, y, evalBrand.name, { family: style.font, size: 30, fill: style.band ?? style.ink, bold: true, letterSpacing: 3 }));
    for (const [field, value] of fieldLines(content)) {
      y += 58;
      parts.push(fieldAndValue(28, y, field, value, style, width - 56, 40));
    }
    if (content.barcode) y = placeBarcode(parts, content.barcode, style.barcodeModule, 28, y + 22, width - 56, 'start');
    return { width, height: y + 30, body: parts.join('') };
  },
};

function fieldLines({ model, serial, style }: LabelContent): [string, string][] {
  return [
    [style.modelField, model.sku],
    [style.serialField, serial],
  ];
}

/** "Model No.: DW-500" on one line; the value is what the reader must find. */
function fieldAndValue(x: number, y: number, field: string, value: string, style: LabelStyle, maxWidth: number, wanted: number): string {
  const separator = field.endsWith('.') ? ' ' : ': ';
  const fieldText = `${field}${separator}`;
  const size = fittedSize(`${fieldText}${value}`, style.valueFont, wanted, maxWidth, style.valuesBold);
  return (
    `<text x="${x}" y="${y}" font-size="${size}" fill="${style.ink}" xml:space="preserve">` +
    `<tspan font-family="${style.font}">${escapeXml(fieldText)}</tspan>` +
    `<tspan font-family="${style.valueFont}"${style.valuesBold ? ' font-weight="bold"' : ''}>${escapeXml(value)}</tspan></text>`
  );
}

/** The brand's name (and a simple mark) across the top; returns the y below it. */
function brandHeader(parts: string[], style: LabelStyle, width: number): number {
  const height = 92;
  const colour = style.band ? '#ffffff' : style.ink;
  if (style.band) parts.push(`<rect x="3" y="3" width="${width - 6}" height="${height}" rx="12" fill="${style.band}"/>`);
  parts.push(`<circle cx="62" cy="${height / 2 + 3}" r="28" fill="none" stroke="${colour}" stroke-width="6"/>`);
  parts.push(`<path d="M48 ${height / 2 + 17} L62 ${height / 2 - 13} L76 ${height / 2 + 17}" fill="none" stroke="${colour}" stroke-width="6"/>`);
  parts.push(svgText(108, height / 2 + 21, evalBrand.name, { family: style.font, size: 54, fill: colour, bold: true, letterSpacing: 4 }));
  parts.push(svgText(width - 28, height / 2 + 12, evalBrand.tagline, { family: style.font, size: 22, fill: colour, anchor: 'end' }));
  return height;
}

function ratingLines(parts: string[], ratings: readonly string[], style: LabelStyle, x: number, y: number, maxWidth: number, perLine: number): number {
  let bottom = y;
  for (let i = 0; i < ratings.length; i += perLine) {
    const line = ratings.slice(i, i + perLine).join('   ');
    bottom += 38;
    parts.push(svgText(x, bottom, line, { family: style.font, size: fittedSize(line, style.font, 26, maxWidth), fill: style.ink }));
  }
  return bottom;
}

function warningBox(parts: string[], lines: readonly string[], style: LabelStyle, x: number, y: number, width: number): number {
  const height = 24 + lines.length * 26;
  parts.push(`<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="none" stroke="${style.ink}" stroke-width="2"/>`);
  parts.push(`<path d="M${x + 14} ${y + height - 16} L${x + 34} ${y + 14} L${x + 54} ${y + height - 16} Z" fill="none" stroke="${style.ink}" stroke-width="3"/>`);
  lines.forEach((line, i) => {
    parts.push(svgText(x + 68, y + 34 + i * 26, line, { family: style.font, size: fittedSize(line, style.font, 19, width - 80), fill: style.ink }));
  });
  return y + height;
}

function placeBarcode(parts: string[], barcode: RenderedBarcode, module: number, x: number, y: number, available: number, align: 'start' | 'middle'): number {
  const width = Math.min(available, barcode.modules * module * (barcode.twoDimensional ? 2 : 1));
  const left = align === 'middle' ? x + (available - width) / 2 : x;
  parts.push(barcode.nested(left, y, width));
  return y + width / barcode.aspect;
}
