// Builds the Mantine theme from the brand's colours, so the console looks like the brand's own.
import { createTheme, darken, lighten, type MantineColorsTuple } from '@mantine/core';

const fallbackPrimary = '#0b7285';

/**
 * A 10-shade palette with the brand colour at shade 6 (the shade Mantine uses for filled buttons in light mode):
 * lighter tints before it, darker shades after.
 */
export function paletteFrom(hex: string): MantineColorsTuple {
  const base = /^#[0-9a-fA-F]{6}$/.test(hex) ? hex : fallbackPrimary;
  const tints = [0.92, 0.82, 0.66, 0.5, 0.34, 0.17].map((amount) => lighten(base, amount));
  const shades = [0.12, 0.24, 0.36].map((amount) => darken(base, amount));
  return [...tints, base, ...shades] as unknown as MantineColorsTuple;
}

export function brandTheme(primaryColor: string | undefined) {
  return createTheme({
    colors: { brand: paletteFrom(primaryColor ?? fallbackPrimary) },
    primaryColor: 'brand',
    primaryShade: 6,
    defaultRadius: 'sm',
  });
}
