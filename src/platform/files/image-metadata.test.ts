import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { withoutPhotoMetadata } from './image-metadata.ts';

const photo = (format: 'jpeg' | 'png' | 'webp') =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: '#3366aa' } })
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 46/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toFormat(format)
    .toBuffer();

describe('withoutPhotoMetadata', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('drops the location and camera data of a %s and turns it upright', async (format) => {
    const original = await photo(format);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const stripped = await withoutPhotoMetadata(original, `image/${format}`);
    const metadata = await sharp(stripped).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.format).toBe(format);
    // Orientation 6 is "rotate 90°": the stored picture is upright, 20 wide and 40 high.
    expect([metadata.width, metadata.height]).toEqual([20, 40]);
  });

  it('keeps a photo without metadata byte for byte, and leaves other files alone', async () => {
    const clean = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    expect(await withoutPhotoMetadata(clean, 'image/jpeg')).toBe(clean);
    const pdf = Buffer.from('%PDF-1.4 ...');
    expect(await withoutPhotoMetadata(pdf, 'application/pdf')).toBe(pdf);
  });
});
