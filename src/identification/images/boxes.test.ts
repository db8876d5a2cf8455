import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type Turn, turnedBack } from './boxes.ts';

describe('boxes found on a turned copy', () => {
  // A 40×20 image, black except a white 10×5 block at (30, 2): find the block on each turned copy and map it back.
  const width = 40;
  const height = 20;
  const block = { x0: 30, y0: 2, x1: 40, y1: 7 };

  it.each([0, 90, 180, 270] as Turn[])('maps a box found after a %i° turn back onto the upright image', async (turn) => {
    const pixels = Buffer.alloc(width * height, 0);
    for (let y = block.y0; y < block.y1; y++) for (let x = block.x0; x < block.x1; x++) pixels[y * width + x] = 255;
    const turned = await sharp(pixels, { raw: { width, height, channels: 1 } }).rotate(turn).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    const { width: tw } = turned.info;
    let found = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    turned.data.forEach((value, i) => {
      if (value < 128) return;
      const x = i % tw;
      const y = Math.floor(i / tw);
      found = { x0: Math.min(found.x0, x), y0: Math.min(found.y0, y), x1: Math.max(found.x1, x + 1), y1: Math.max(found.y1, y + 1) };
    });
    expect(turnedBack(found, turn, { width, height })).toEqual(block);
  });
});
