import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderDrawing } from '../label-fixtures.ts';
import { cropImage, imageLimits, isImageProblem, prepareImage } from './prepare-image.ts';

async function prepared(bytes: Buffer) {
  const result = await prepareImage(bytes);
  if (isImageProblem(result)) throw new Error(result.problem);
  return result;
}

describe('preparing a photo', () => {
  it('turns it upright by its EXIF orientation and keeps no metadata', async () => {
    // 300×120 pixels stored sideways, with orientation 6 (turn 90° clockwise to view) and a location.
    const sideways = await sharp({ create: { width: 300, height: 120, channels: 3, background: '#ffffff' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'PhonyPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 46/1 0/1' } })
      .toBuffer();
    expect(await sharp(sideways).metadata()).toMatchObject({ orientation: 6, width: 300, height: 120, exif: expect.any(Buffer) });
    const result = await prepared(sideways);
    expect([result.width, result.height]).toEqual([120, 300]);
    const stored = await sharp(result.stored).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 120, height: 300 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
  });

  it('makes a greyscale reading copy, enlarged for small photos and reduced for large ones', async () => {
    const small = await prepared(await renderDrawing({ lines: ['MODEL WM-3000X'], width: 400 }));
    expect(small.readingScale).toBe(2);
    const reading = await sharp(small.reading).metadata();
    expect(reading).toMatchObject({ format: 'png', width: 800 });
    expect(reading.channels).toBe(1);

    const large = await prepared(await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#ddeeff' } }).jpeg().toBuffer());
    expect([large.width, large.height]).toEqual([imageLimits.storedMaxSide, 1536]);
    expect((await sharp(large.reading).metadata()).width).toBe(imageLimits.readingMaxSide);
  });

  it.each([
    ['a PDF named photo.jpg', () => Promise.resolve(Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF')), 'not_an_image'],
    ['text', () => Promise.resolve(Buffer.from('hello')), 'not_an_image'],
    ['a JPEG cut short', async () => (await renderDrawing({ lines: ['MODEL'] })).subarray(0, 400), 'not_an_image'],
    ['more bytes than allowed', () => Promise.resolve(Buffer.alloc(imageLimits.maxBytes + 1)), 'too_large'],
    ['more pixels than allowed', () => sharp({ create: { width: 8000, height: 5001, channels: 3, background: '#fff' } }).png().toBuffer(), 'too_large'],
    ['a thumbnail', () => sharp({ create: { width: 150, height: 60, channels: 3, background: '#fff' } }).png().toBuffer(), 'too_small'],
  ])('refuses %s', async (_case, make, problem) => {
    expect(await prepareImage(await make())).toEqual({ problem });
  });

  it('crops around a box with a margin, inside the image', async () => {
    const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    expect(await sharp(await cropImage(image, { left: 100, top: 100, width: 100, height: 50 })).metadata()).toMatchObject({ width: 146, height: 82 });
    expect(await sharp(await cropImage(image, { left: 350, top: 280, width: 100, height: 50 })).metadata()).toMatchObject({ width: 73, height: 36 });
  });
});
