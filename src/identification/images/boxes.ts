import type { CropBox } from '../label-types.ts';
import type { Bbox } from '../reading/ocr-text.ts';

/** Clockwise quarter turns, as sharp's `rotate(angle)` makes them. */
export type Turn = 0 | 90 | 180 | 270;

/**
 * A box found on a copy of an image turned clockwise by `turn`, moved back onto the upright image of
 * `size` (the size before turning).
 */
export function turnedBack(box: Bbox, turn: Turn, size: { readonly width: number; readonly height: number }): Bbox {
  const { width: w, height: h } = size;
  const back = (u: number, v: number): [number, number] => {
    switch (turn) {
      case 90:
        return [v, h - u];
      case 180:
        return [w - u, h - v];
      case 270:
        return [w - v, u];
      default:
        return [u, v];
    }
  };
  const [ax, ay] = back(box.x0, box.y0);
  const [bx, by] = back(box.x1, box.y1);
  return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}

/** A box scaled by `factor` (from the reading copy's pixels to the stored image's). */
export function scaledBox(box: Bbox, factor: number): Bbox {
  return { x0: box.x0 * factor, y0: box.y0 * factor, x1: box.x1 * factor, y1: box.y1 * factor };
}

/** A box as whole pixels from its left/top corner. */
export function cropBoxOf(box: Bbox | null): CropBox | null {
  if (!box) return null;
  const left = Math.max(0, Math.floor(box.x0));
  const top = Math.max(0, Math.floor(box.y0));
  return { left, top, width: Math.ceil(box.x1) - left, height: Math.ceil(box.y1) - top };
}
