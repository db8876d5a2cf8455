import sharp from 'sharp';

const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * A photo without what its camera wrote about it: EXIF (GPS location, device, time), XMP and IPTC.
 * The picture is turned upright first, since its orientation is one of the things removed. Photos
 * that carry none of it are kept byte for byte, so a photo is never recompressed twice.
 */
export async function withoutPhotoMetadata(content: Buffer, contentType: string): Promise<Buffer> {
  if (!photoTypes.has(contentType)) return content;
  const image = sharp(content, { failOn: 'error' });
  const metadata = await image.metadata();
  const carriesMetadata = metadata.exif !== undefined || metadata.xmp !== undefined || metadata.iptc !== undefined || (metadata.orientation ?? 1) !== 1;
  return carriesMetadata ? image.rotate().toBuffer() : content;
}
