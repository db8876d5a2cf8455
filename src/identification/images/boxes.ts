import type { CropBox } from '../label-types.ts';
import type { Bbox } from '../reading/ocr-text.ts';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * A box found on a copy of an image rotated clockwise by `degrees` (as sharp's `rotate` makes it:
 * about the centre, on a canvas grown to hold it), moved back onto the image before rotation.
 */
export function unrotatedBox(box: Bbox, degrees: number, before: Size, after: Size): Bbox {
  if (degrees === 0) return box;
  const radians = (-degrees * Math.PI) / 180;
  const [sin, cos] = [Math.sin(radians), Math.cos(radians)];
  const back = (u: number, v: number): [number, number] => {
    const [du, dv] = [u - after.width / 2, v - after.height / 2];
    return [du * cos - dv * sin + before.width / 2, du * sin + dv * cos + before.height / 2];
  };
  const corners = [back(box.x0, box.y0), back(box.x1, box.y0), back(box.x0, box.y1), back(box.x1, box.y1)];
  return {
    x0: Math.max(0, Math.min(...corners.map(([x]) => x))),
    y0: Math.max(0, Math.min(...corners.map(([, y]) => y))),
    x1: Math.min(before.width, Math.max(...corners.map(([x]) => x))),
    y1: Math.min(before.height, Math.max(...corners.map(([, y]) => y))),
  };
}

/** A box scaled by `factor`, then moved by an offset (from a scaled crop's pixels to the whole image's). */
export function scaledBox(box: Bbox, factor: number, offset: { readonly left: number; readonly top: number } = { left: 0, top: 0 }): Bbox {
  return { x0: box.x0 * factor + offset.left, y0: box.y0 * factor + offset.top, x1: box.x1 * factor + offset.left, y1: box.y1 * factor + offset.top };
}

/** A box as whole pixels from its left/top corner. */
export function cropBoxOf(box: Bbox | null): CropBox | null {
  if (!box) return null;
  const left = Math.max(0, Math.floor(box.x0));
  const top = Math.max(0, Math.floor(box.y0));
  return { left, top, width: Math.ceil(box.x1) - left, height: Math.ceil(box.y1) - top };
}
