/** WCAG relative luminance of a '#rrggbb' colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black text, whichever reads better on a brand colour (WCAG AA needs 4.5:1). */
export function readableTextOn(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#1a1a1a') ? '#ffffff' : '#1a1a1a';
}

/**
 * The brand colour itself when it reads on white as text or a link (4.5:1), else a darker shade of it:
 * a pale brand colour must not make links unreadable.
 */
export function readableOnWhite(color: string): string {
  let shade = color;
  for (let step = 0; step < 20 && contrastRatio(shade, '#ffffff') < 4.5; step++) {
    shade = `#${[1, 3, 5].map((at) => Math.round(Number.parseInt(shade.slice(at, at + 2), 16) * 0.85).toString(16).padStart(2, '0')).join('')}`;
  }
  return shade;
}
