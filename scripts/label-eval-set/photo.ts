import sharp, { type Sharp } from 'sharp';
import type { Random } from './random.ts';

/** How a label was photographed: one condition per image, so a rate per condition says what hurts. */
export const labelConditions = ['clean', 'rotation', 'perspective', 'blur', 'noise', 'low-light', 'glare', 'small'] as const;
export type LabelCondition = (typeof labelConditions)[number];

export const receiptConditions = ['clean', 'rotation', 'blur', 'low-light'] as const;
export type ReceiptCondition = (typeof receiptConditions)[number];

export type Condition = LabelCondition | ReceiptCondition;

export interface Subject {
  /** Renders the subject (label, receipt) as SVG at a width in pixels. */
  svgAt(widthPx: number): { svg: string; width: number; height: number };
  /** Height over width. */
  readonly aspect: number;
}

export interface PhotoSetting {
  readonly photo: { readonly width: number; readonly height: number };
  /** The subject's width as a share of the photo's width, before the condition shrinks it to fit. */
  readonly fill: number;
  readonly surfaces: readonly (readonly [string, string])[];
}

export interface Photo {
  readonly jpeg: Buffer;
  readonly width: number;
  readonly height: number;
  /** Where the subject lies in the photo (its bounding box after rotation or shear). */
  readonly subjectBox: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
  /** The condition's parameters, for whoever looks into a failure. */
  readonly applied: Readonly<Record<string, number>>;
}

const transparent = { r: 0, g: 0, b: 0, alpha: 0 };

/** The subject on a surface, photographed under one condition, as a JPEG. */
export async function photograph(subject: Subject, condition: Condition, setting: PhotoSetting, random: Random): Promise<Photo> {
  const { width, height } = setting.photo;
  const applied: Record<string, number> = {};
  const margin = Math.round(width * 0.04);
  const fill = condition === 'small' ? random.between(0.17, 0.26) : setting.fill;

  // The geometric condition as an affine matrix, so the subject can be sized to fit once transformed.
  let matrix: [number, number, number, number] = [1, 0, 0, 1];
  if (condition === 'rotation') {
    const degrees = random.sign() * random.between(3, 15);
    const radians = (degrees * Math.PI) / 180;
    matrix = [Math.cos(radians), -Math.sin(radians), Math.sin(radians), Math.cos(radians)];
    applied.rotationDegrees = round(degrees);
  } else if (condition === 'perspective') {
    // A label seen from the side and from above: foreshortened one way, sheared the other.
    const shearX = random.sign() * random.between(0.12, 0.3);
    const shearY = random.sign() * random.between(0.04, 0.14);
    const squeeze = random.between(0.72, 0.92);
    matrix = [1, shearX, shearY, squeeze];
    Object.assign(applied, { shearX: round(shearX), shearY: round(shearY), squeeze: round(squeeze) });
  }
  const [a, b, c, d] = matrix;
  let subjectWidth = Math.round(width * fill);
  const spanOf = (w: number) => ({ x: Math.abs(a) * w + Math.abs(b) * w * subject.aspect, y: Math.abs(c) * w + Math.abs(d) * w * subject.aspect });
  const span = spanOf(subjectWidth);
  const shrink = Math.min(1, (width - 2 * margin) / span.x, (height - 2 * margin) / span.y);
  subjectWidth = Math.floor(subjectWidth * shrink);

  const rendered = subject.svgAt(subjectWidth);
  let subjectImage = sharp(Buffer.from(rendered.svg)).png();
  if (condition === 'rotation' || condition === 'perspective') {
    subjectImage = sharp(await subjectImage.toBuffer()).affine([[a, b], [c, d]], { background: transparent, interpolator: 'bicubic' }).png();
  }
  const placed = await subjectImage.toBuffer({ resolveWithObject: true });
  const box = {
    left: random.int(margin, Math.max(margin, width - margin - placed.info.width)),
    top: random.int(margin, Math.max(margin, height - margin - placed.info.height)),
    width: placed.info.width,
    height: placed.info.height,
  };

  const composed = await sharp(Buffer.from(surfaceSvg(width, height, random.pick(setting.surfaces), random)))
    .composite([{ input: placed.data, left: box.left, top: box.top }])
    .removeAlpha()
    .raw()
    .toBuffer();
  let image = sharp(composed, { raw: { width, height, channels: 3 } });

  if (condition === 'blur') {
    const sigma = (subjectWidth / 800) * random.between(1.6, 3.2);
    image = image.blur(Math.max(0.6, sigma));
    applied.blurSigma = round(sigma);
  } else if (condition === 'noise') {
    const sigma = random.between(14, 30);
    image = withNoise(composed, width, height, sigma, random);
    applied.noiseSigma = round(sigma);
  } else if (condition === 'low-light') {
    // Little light: dark, flat (lifted blacks), warm, and the sensor's noise on top.
    const gain = random.between(0.22, 0.4);
    const lift = random.between(8, 22);
    const dark = await sharp(composed, { raw: { width, height, channels: 3 } }).linear([gain, gain * 0.92, gain * 0.78], [lift, lift * 0.9, lift * 0.75]).raw().toBuffer();
    image = withNoise(dark, width, height, random.between(3, 7), random);
    Object.assign(applied, { gain: round(gain), lift: round(lift) });
  } else if (condition === 'glare') {
    const glare = glareSvg(width, height, box, random);
    image = sharp(await image.png().toBuffer()).composite([{ input: Buffer.from(glare.svg) }]);
    Object.assign(applied, glare.applied);
  }
  const quality = random.int(80, 92);
  const jpeg = await image.jpeg({ quality, mozjpeg: false }).toBuffer();
  return { jpeg, width, height, subjectBox: box, applied };
}

/** A surface lit from one side: a gradient between two tones of the product's finish. */
function surfaceSvg(width: number, height: number, [from, to]: readonly [string, string], random: Random): string {
  const angle = random.int(0, 359);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="s" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#s)"/></svg>`
  );
}

/** A bright, soft-edged ellipse over part of the subject: a flash or a lamp reflected. */
function glareSvg(width: number, height: number, box: Photo['subjectBox'], random: Random): { svg: string; applied: Record<string, number> } {
  const cx = box.left + box.width * random.between(0.2, 0.8);
  const cy = box.top + box.height * random.between(0.25, 0.75);
  const rx = box.width * random.between(0.15, 0.32);
  const ry = rx * random.between(0.5, 1);
  const strength = random.between(0.8, 1);
  const tilt = random.int(-40, 40);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><radialGradient id="g"><stop offset="0" stop-color="#ffffff" stop-opacity="${strength.toFixed(2)}"/>` +
    `<stop offset="0.45" stop-color="#ffffff" stop-opacity="${(strength * 0.85).toFixed(2)}"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>` +
    `<ellipse cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${rx.toFixed(1)}" ry="${ry.toFixed(1)}" transform="rotate(${tilt} ${cx.toFixed(1)} ${cy.toFixed(1)})" fill="url(#g)"/></svg>`;
  return { svg, applied: { glareX: Math.round(cx), glareY: Math.round(cy), glareRadius: Math.round(rx), glareStrength: round(strength) } };
}

/** Gaussian sensor noise, mostly in brightness with a little colour, from the seeded source. */
function withNoise(raw: Buffer, width: number, height: number, sigma: number, random: Random): Sharp {
  // Millions of samples: draw them from a table of normal deviates, indexed by 16-bit halves of one
  // 32-bit draw, rather than computing a logarithm and a cosine per sample.
  const normals = Float32Array.from({ length: 65536 }, () => random.gaussian());
  const noisy = Buffer.alloc(raw.length);
  for (let i = 0; i < raw.length; i += 3) {
    const first = random.uint32();
    const second = random.uint32();
    const shared = (normals[first >>> 16] as number) * sigma;
    const chroma = [first & 0xffff, second >>> 16, second & 0xffff];
    for (let channel = 0; channel < 3; channel++) {
      const value = (raw[i + channel] as number) + shared + (normals[chroma[channel] as number] as number) * sigma * 0.3;
      noisy[i + channel] = value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
    }
  }
  return sharp(noisy, { raw: { width, height, channels: 3 } });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
