/** What the SVG renderer (librsvg through sharp) needs to lay out text without measuring it. */

export const fontFamilies = [
  'DejaVu Sans',
  'DejaVu Serif',
  'DejaVu Sans Mono',
  'DejaVu Sans Condensed',
  'Liberation Sans',
  'Liberation Serif',
  'Liberation Mono',
  'Liberation Sans Narrow',
] as const;
export type FontFamily = (typeof fontFamilies)[number];

export const monospaceFamilies: readonly FontFamily[] = ['DejaVu Sans Mono', 'Liberation Mono'];

/** Average advance of a character in em: generous, so an estimate never lets text run off a label. */
const averageAdvance: Readonly<Record<FontFamily, number>> = {
  'DejaVu Sans': 0.66,
  'DejaVu Serif': 0.66,
  'DejaVu Sans Mono': 0.61,
  'DejaVu Sans Condensed': 0.6,
  'Liberation Sans': 0.62,
  'Liberation Serif': 0.58,
  'Liberation Mono': 0.61,
  'Liberation Sans Narrow': 0.52,
};

export function textWidth(text: string, family: FontFamily, size: number, bold = false): number {
  return text.length * size * averageAdvance[family] * (bold ? 1.08 : 1);
}

/** The wanted size, shrunk so the text fits the width. */
export function fittedSize(text: string, family: FontFamily, wanted: number, maxWidth: number, bold = false): number {
  const width = textWidth(text, family, wanted, bold);
  return width <= maxWidth ? wanted : Math.floor((wanted * maxWidth) / width);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export interface TextOptions {
  readonly family: FontFamily;
  readonly size: number;
  readonly fill: string;
  readonly bold?: boolean;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly letterSpacing?: number;
}

/** One line of text with its baseline at y. */
export function svgText(x: number, y: number, text: string, options: TextOptions): string {
  const attributes = [
    `x="${x.toFixed(1)}"`,
    `y="${y.toFixed(1)}"`,
    `font-family="${options.family}"`,
    `font-size="${options.size.toFixed(1)}"`,
    `fill="${options.fill}"`,
    options.bold ? 'font-weight="bold"' : '',
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    options.letterSpacing ? `letter-spacing="${options.letterSpacing}"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')} xml:space="preserve">${escapeXml(text)}</text>`;
}
