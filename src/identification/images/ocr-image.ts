import sharp, { type Sharp } from 'sharp';
import type { Bbox } from '../reading/ocr-text.ts';
import { type Raster, despeckle, eraseRules, inkOf, letterHeight, skewOf, textRegion } from './binary-page.ts';
import { type Size, scaledBox, unrotatedBox } from './boxes.ts';

/** The page OCR reads, and how to find a box of it on the stored photo. */
export interface OcrImage {
  readonly png: Buffer;
  /** The photo's part this page shows, in stored pixels. */
  readonly region: Region;
  /** Degrees the text sloped (straightened on the page). */
  readonly skew: number;
  /** Page pixels per stored pixel. */
  readonly scale: number;
  /** A box on `png`, on the stored photo. */
  toStored(box: Bbox): Bbox;
}

export interface Region {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export type Turn = 0 | 90 | 180 | 270;

/** What one look at a photo tells before reading it, shared by the pages of its turns. */
export interface PhotoSurvey {
  readonly grey: Raster;
  /** Where the text is (the whole photo when it could not tell). */
  readonly region: Region;
  /** Whether any print was seen at all. */
  readonly hasPrint: boolean;
  /** How much darker than its surroundings ink must be: more in a grainy photo. */
  readonly contrast: number;
  readonly grainy: boolean;
  /** Height of letters in stored pixels, or null. */
  readonly letterHeight: number | null;
}

const settings = {
  /** The photo is surveyed on a copy this size (long side). */
  probeSide: 1000,
  probeCell: 12,
  /** The height of letters (capitals and digits) tesseract reads best, in pixels. */
  letterHeight: 32,
  /** The page's long side when letters could not be measured. */
  pageSide: 1600,
  maxPageSide: 2400,
  /** Enlarging past this adds only blur. */
  maxEnlargement: 3,
  /** Ink is at least this much darker (of 255) than its neighbourhood… */
  inkContrast: 20,
  /** …and this many times the photo's grain. */
  grainContrast: 2.2,
  /** Grain (of 255) from which a photo is smoothed before reading. */
  grainy: 5,
  /** Blobs of ink smaller than this many pixels are noise. */
  speckPixels: 20,
  /** Straighten text sloping more than this (degrees). */
  minSkew: 1,
} as const;

/**
 * Looks at a stored photo once: where its text is, how big its letters are, how grainy it is. The
 * photo is decoded here, once, for every page made from it.
 */
export async function surveyPhoto(stored: Buffer): Promise<PhotoSurvey> {
  const decoded = await sharp(stored).greyscale().extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const grey: Raster = { data: decoded.data, width: decoded.info.width, height: decoded.info.height };
  const probeScale = Math.min(1, settings.probeSide / Math.max(grey.width, grey.height));
  const probe = await rawOf(sharp(decoded.data, rawInput(grey)).resize({ width: Math.max(1, Math.round(grey.width * probeScale)) }).normalise());
  const smooth = await rawOf(sharp(probe.data, rawInput(probe)).median(3));

  // Grain: the typical change a median filter makes. Print changes few pixels, sensor noise all of them.
  const changes = new Uint32Array(256);
  for (let i = 0; i < smooth.data.length; i++) {
    const change = Math.abs((probe.data[i] as number) - (smooth.data[i] as number));
    changes[change] = (changes[change] as number) + 1;
  }
  let grain = 0;
  for (let seen = changes[0] as number; grain < 255 && seen < smooth.data.length / 2; seen += changes[++grain] as number);
  const contrast = Math.max(settings.inkContrast, Math.round(grain * settings.grainContrast));

  const ink = inkOf(smooth, 10, contrast);
  despeckle(ink, smooth.width, 6);
  const found = textRegion({ data: ink, width: smooth.width, height: smooth.height }, settings.probeCell);
  const letter = letterHeight(ink, smooth.width, smooth.height);
  const whole = { left: 0, top: 0, width: grey.width, height: grey.height };
  return {
    grey,
    region: found ? onStored(found, probeScale, grey) : whole,
    hasPrint: found !== null,
    contrast,
    grainy: grain >= settings.grainy,
    letterHeight: letter === null ? null : letter / probeScale,
  };
}

/**
 * The black-on-white page OCR reads: the part of the photo with text, turned by `turn`, scaled so
 * its letters are the size tesseract reads best (a label far away is enlarged), straightened,
 * binarised against its surroundings (so glare and shadow do not hide text), with noise specks and
 * the label's rules (table lines, frames) cleared.
 */
export async function ocrPage(survey: PhotoSurvey, turn: Turn = 0): Promise<OcrImage> {
  const { region } = survey;
  const turned: Size = turn === 90 || turn === 270 ? { width: region.height, height: region.width } : { width: region.width, height: region.height };
  const long = Math.max(turned.width, turned.height);
  const wanted = survey.letterHeight ? settings.letterHeight / survey.letterHeight : settings.pageSide / long;
  const scale = Math.max(0.3, Math.min(wanted, settings.maxEnlargement, settings.maxPageSide / long));

  // Cut out first, in a pipeline of its own: sharp would otherwise extract after rotating.
  const cut = await rawOf(sharp(survey.grey.data, rawInput(survey.grey)).extract(region));
  let pipeline = sharp(cut.data, rawInput(cut)).rotate(turn).resize({ width: Math.max(1, Math.round(turned.width * scale)), kernel: 'lanczos3' });
  if (survey.grainy) pipeline = pipeline.median(3);
  const page = await rawOf(pipeline.normalise({ lower: 1, upper: 99 }));

  const letter = survey.letterHeight ? survey.letterHeight * scale : null;
  // A neighbourhood larger than a letter, so thick strokes stay solid.
  const radius = Math.max(16, Math.round((letter ?? 0) * 2.5), Math.round(Math.max(page.width, page.height) / 40));
  const ink = inkOf(page, radius, survey.contrast);
  despeckle(ink, page.width, Math.max(settings.speckPixels, Math.round(((letter ?? 0) * (letter ?? 0)) / 40)));
  eraseRules(ink, page.width, page.height, letter ?? letterHeight(ink, page.width, page.height) ?? settings.letterHeight);
  const skew = skewOf(ink, page.width, page.height);

  const binary = Buffer.alloc(ink.length, 255);
  for (let i = 0; i < ink.length; i++) if (ink[i]) binary[i] = 0;
  const straighten = Math.abs(skew) >= settings.minSkew ? -skew : 0;
  let image = sharp(binary, rawInput(page));
  if (straighten) image = sharp(await image.png({ compressionLevel: 1 }).toBuffer()).rotate(straighten, { background: '#ffffff' });
  const { data: png, info } = await image.extractChannel(0).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });

  const pageSize = { width: page.width, height: page.height };
  const pageScale = page.width / turned.width;
  return {
    png,
    region,
    skew,
    scale: pageScale,
    toStored(box) {
      const onPage = unrotatedBox(box, straighten, pageSize, { width: info.width, height: info.height });
      const onRegion = unrotatedBox(scaledBox(onPage, 1 / pageScale), turn, { width: region.width, height: region.height }, turned);
      return scaledBox(onRegion, 1, region);
    },
  };
}

function onStored(found: Region, probeScale: number, size: Size): Region {
  const left = Math.min(size.width - 1, Math.floor(found.left / probeScale));
  const top = Math.min(size.height - 1, Math.floor(found.top / probeScale));
  return { left, top, width: Math.max(1, Math.min(size.width - left, Math.ceil(found.width / probeScale))), height: Math.max(1, Math.min(size.height - top, Math.ceil(found.height / probeScale))) };
}

function rawInput(image: Size) {
  return { raw: { width: image.width, height: image.height, channels: 1 as const } };
}

async function rawOf(pipeline: Sharp): Promise<Raster> {
  const { data, info } = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
