import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import type { CropBox } from '../label-types.ts';

/** What a photo must be to be read: the limits an owner's message names. */
export const imageLimits = {
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 40_000_000,
  /** Shorter and longer side at least: smaller holds no legible label. */
  minShortSide: 100,
  minLongSide: 200,
  /** The stored copy: enough to read a label again, small enough to keep. */
  storedMaxSide: 2048,
  /** The greyscale reading copy. */
  readingMaxSide: 1600,
} as const;

// Types sniffed from the bytes that are photos; whether sharp can decode them is tried next.
const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/heif', 'image/tiff', 'image/gif']);

/** A photo made safe to keep and ready to read. */
export interface PreparedImage {
  /** JPEG, upright (EXIF orientation applied), without any metadata (no location), at most `storedMaxSide`. */
  readonly stored: Buffer;
  readonly width: number;
  readonly height: number;
  /**
   * Greyscale, contrast-stretched PNG, the stored image scaled by `readingScale`: where codes in dim or
   * washed-out photos are decoded. (OCR reads a page made for it from `stored`: see ocr-image.ts.)
   */
  readonly reading: Buffer;
  readonly readingScale: number;
  /** The type the upload really was, e.g. 'image/heic'. */
  readonly sourceType: string;
}

export interface ImageProblem {
  readonly problem: 'not_an_image' | 'too_large' | 'too_small';
}

export function isImageProblem(value: PreparedImage | ImageProblem): value is ImageProblem {
  return 'problem' in value;
}

/**
 * Checks that the bytes are a photo (by content, never by name: a PDF called .jpg is refused), within
 * the size limits, then makes the stored and the reading copies.
 */
export async function prepareImage(bytes: Buffer): Promise<PreparedImage | ImageProblem> {
  if (bytes.length > imageLimits.maxBytes) return { problem: 'too_large' };
  const sniffed = (await fileTypeFromBuffer(bytes))?.mime;
  if (!sniffed || !photoTypes.has(sniffed)) return { problem: 'not_an_image' };

  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { problem: 'not_an_image' };
  }
  const { width = 0, height = 0 } = metadata;
  if (width * height > imageLimits.maxPixels) return { problem: 'too_large' };
  if (Math.min(width, height) < imageLimits.minShortSide || Math.max(width, height) < imageLimits.minLongSide) return { problem: 'too_small' };

  try {
    const upright = sharp(bytes, { limitInputPixels: imageLimits.maxPixels, failOn: 'error' }).rotate();
    // sharp writes no metadata unless asked, so EXIF (GPS included), XMP and IPTC are all left behind.
    const stored = await upright
      .clone()
      .resize({ width: imageLimits.storedMaxSide, height: imageLimits.storedMaxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const longSide = Math.max(stored.info.width, stored.info.height);
    // Small photos are enlarged (up to 2x): small codes decode better larger.
    const readingScale = Math.min(2, imageLimits.readingMaxSide / longSide);
    const reading = await readingCopy(stored.data, readingScale);
    return { stored: stored.data, width: stored.info.width, height: stored.info.height, reading, readingScale, sourceType: sniffed };
  } catch {
    // The header was fine but the picture is damaged or in a coding this build cannot decode (HEVC).
    return { problem: 'not_an_image' };
  }
}

/** A greyscale, contrast-stretched copy of the stored image, scaled: for decoding codes in dim or washed-out photos. */
async function readingCopy(image: Buffer, scale: number): Promise<Buffer> {
  const { width = 0 } = await sharp(image).metadata();
  return sharp(image)
    .resize({ width: Math.max(1, Math.round(width * scale)), kernel: 'lanczos3' })
    .greyscale()
    .normalise({ lower: 1, upper: 99 })
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** The part of the stored image inside `box`, with a margin, as a JPEG: what the owner sees beside the values read. */
export async function cropImage(image: Buffer, box: CropBox, margin = 0.15): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const padX = Math.round(box.width * margin) + 8;
  const padY = Math.round(box.height * margin) + 8;
  const left = Math.max(0, Math.floor(box.left - padX));
  const top = Math.max(0, Math.floor(box.top - padY));
  const right = Math.min(width, Math.ceil(box.left + box.width + padX));
  const bottom = Math.min(height, Math.ceil(box.top + box.height + padY));
  if (right - left < 1 || bottom - top < 1) return sharp(image).jpeg({ quality: 85 }).toBuffer();
  return sharp(image).extract({ left, top, width: right - left, height: bottom - top }).jpeg({ quality: 85 }).toBuffer();
}
