import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { unrotatedBox } from './boxes.ts';

describe('boxes found on a rotated copy', () => {
  // A 40×20 image, black except a white 10×5 block at (28, 3): find the block on each rotated copy and map it back.
  const width = 40;
  const height = 20;
  const block = { x0: 28, y0: 3, x1: 38, y1: 8 };

  it.each([0, 90, 180, 270, 12, -7])('maps a box found after a %i° turn back onto the image', async (degrees) => {
    const pixels = Buffer.alloc(width * height, 0);
    for (let y = block.y0; y < block.y1; y++) for (let x = block.x0; x < block.x1; x++) pixels[y * width + x] = 255;
    const turned = await sharp(pixels, { raw: { width, height, channels: 1 } }).rotate(degrees, { background: '#000000' }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    const { width: tw, height: th } = turned.info;
    let found = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    turned.data.forEach((value, i) => {
      if (value < 128) return;
      const x = i % tw;
      const y = Math.floor(i / tw);
      found = { x0: Math.min(found.x0, x), y0: Math.min(found.y0, y), x1: Math.max(found.x1, x + 1), y1: Math.max(found.y1, y + 1) };
    });
    const back = unrotatedBox(found, degrees, { width, height }, { width: tw, height: th });
    // Exact for quarter turns; within a pixel or two (the rotated block's corners) otherwise.
    const slack = degrees % 90 === 0 ? 0.001 : 2.5;
    expect(Math.abs(back.x0 - block.x0)).toBeLessThanOrEqual(slack);
    expect(Math.abs(back.y0 - block.y0)).toBeLessThanOrEqual(slack);
    expect(Math.abs(back.x1 - block.x1)).toBeLessThanOrEqual(slack);
    expect(Math.abs(back.y1 - block.y1)).toBeLessThanOrEqual(slack);
  });
});
