/**
 * Pixel rules that turn a greyscale photo of printed text into the clean black-on-white page OCR
 * reads best. Plain functions over 8-bit greyscale rasters (one byte per pixel, row by row).
 */
export interface Raster {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * Ink: pixels clearly darker (by `contrast` of 255) than the mean of their neighbourhood (a square of
 * side 2·radius+1, from an integral image). A local threshold, unlike one for the whole photo, still
 * finds text washed out by glare or sunk in shadow, and leaves flat surfaces blank.
 */
export function inkOf(image: Raster, radius: number, contrast: number): Uint8Array {
  const { data, width, height } = image;
  const stride = width + 1;
  // 255 × 40 megapixels still fits 32 bits.
  const sums = new Uint32Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    const from = y * width;
    const above = y * stride + 1;
    const here = (y + 1) * stride + 1;
    for (let x = 0; x < width; x++) {
      row += data[from + x] as number;
      sums[here + x] = (sums[above + x] as number) + row;
    }
  }
  const lefts = new Int32Array(width);
  const rights = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    lefts[x] = Math.max(0, x - radius);
    rights[x] = Math.min(width, x + radius + 1);
  }
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const top = Math.max(0, y - radius) * stride;
    const bottom = Math.min(height, y + radius + 1) * stride;
    const rows = (bottom - top) / stride;
    for (let x = 0; x < width; x++) {
      const left = lefts[x] as number;
      const right = rights[x] as number;
      const total = (sums[bottom + right] as number) - (sums[top + right] as number) - (sums[bottom + left] as number) + (sums[top + left] as number);
      // pixel < mean − contrast, without dividing
      if (((data[y * width + x] as number) + contrast) * rows * (right - left) < total) ink[y * width + x] = 1;
    }
  }
  return ink;
}

interface Blob {
  readonly pixels: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** Calls `visit` with every connected blob of ink (4-connected). */
function eachBlob(ink: Uint8Array, width: number, visit: (blob: Blob) => void): void {
  const seen = new Uint8Array(ink.length);
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue;
    stack.push(start);
    seen[start] = 1;
    const pixels: number[] = [];
    let [x0, y0, x1, y1] = [width, Infinity, 0, 0];
    while (stack.length > 0) {
      const at = stack.pop() as number;
      pixels.push(at);
      const x = at % width;
      const y = (at - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0 && ink[at - 1] && !seen[at - 1]) (seen[at - 1] = 1), stack.push(at - 1);
      if (x < width - 1 && ink[at + 1] && !seen[at + 1]) (seen[at + 1] = 1), stack.push(at + 1);
      if (at >= width && ink[at - width] && !seen[at - width]) (seen[at - width] = 1), stack.push(at - width);
      if (at + width < ink.length && ink[at + width] && !seen[at + width]) (seen[at + width] = 1), stack.push(at + width);
    }
    visit({ pixels, width: x1 - x0 + 1, height: y1 - y0 + 1 });
  }
}

/** Clears blobs of ink smaller than `minPixels` (sensor noise, dust), keeping letters. In place. */
export function despeckle(ink: Uint8Array, width: number, minPixels: number): void {
  eachBlob(ink, width, (blob) => {
    if (blob.pixels.length < minPixels) for (const at of blob.pixels) ink[at] = 0;
  });
}

/**
 * The typical height of a letter, in pixels: the median height of the blobs shaped like letters
 * (taller than specks, not wider than a few letters, not a whole frame). Null without any.
 */
export function letterHeight(ink: Uint8Array, width: number, height: number): number | null {
  const heights: number[] = [];
  eachBlob(ink, width, (blob) => {
    if (blob.height >= 8 && blob.height <= height / 4 && blob.width <= blob.height * 3 && blob.pixels.length >= blob.width * blob.height * 0.08) heights.push(blob.height);
  });
  if (heights.length < 3) return null;
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] as number;
}

/**
 * Clears the rules of a label (table lines, frames, underlines): runs of ink far longer than any
 * stroke of a letter `letter` pixels high. Tesseract loses the text in the cells of a ruled table; without the lines it reads it. In place.
 */
export function eraseRules(ink: Uint8Array, width: number, height: number, letter: number): void {
  // Longer than any letter's stroke: wider than a few letters across, taller than two letters down.
  const minAcross = Math.max(30, Math.round(letter * 5));
  const minDown = Math.max(30, Math.round(letter * 2.5));
  const rules: number[] = [];
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const inked = x < width && ink[y * width + x] === 1;
      if (inked && start < 0) start = x;
      if (!inked && start >= 0) {
        if (x - start >= minAcross) for (let k = start; k < x; k++) rules.push(y * width + k);
        start = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const inked = y < height && ink[y * width + x] === 1;
      if (inked && start < 0) start = y;
      if (!inked && start >= 0) {
        if (y - start >= minDown) for (let k = start; k < y; k++) rules.push(k * width + x);
        start = -1;
      }
    }
  }
  for (const at of rules) ink[at] = 0;
}

/**
 * How far the text lines slope, in degrees clockwise (-20..20): the angle at which the ink, projected
 * onto rows, piles up most sharply (lines of text are dense rows with empty rows between them).
 */
export function skewOf(ink: Uint8Array, width: number, height: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  const step = Math.max(1, Math.round(Math.sqrt(ink.reduce((count, value) => count + value, 0) / 40_000)));
  for (let y = 0; y < height; y += step) for (let x = 0; x < width; x += step) if (ink[y * width + x]) xs.push(x), ys.push(y);
  if (xs.length < 100) return 0;
  const reach = Math.ceil(Math.hypot(width, height) / step) + 2;
  const rows = new Int32Array(2 * reach + 1);
  const sharpness = (degrees: number) => {
    const radians = (degrees * Math.PI) / 180;
    const sin = Math.sin(radians) / step;
    const cos = Math.cos(radians) / step;
    rows.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const row = reach + Math.round((ys[i] as number) * cos - (xs[i] as number) * sin);
      rows[row] = (rows[row] as number) + 1;
    }
    let sum = 0;
    for (let i = 0; i < rows.length; i++) sum += (rows[i] as number) * (rows[i] as number);
    return sum;
  };
  let best = 0;
  let bestSharpness = sharpness(0);
  for (const [from, to, by] of [[-20, 20, 1], [-0.75, 0.75, 0.25]] as const) {
    const around = from < -1 ? 0 : best;
    for (let degrees = around + from; degrees <= around + to; degrees += by) {
      const value = sharpness(degrees);
      if (value > bestSharpness) [best, bestSharpness] = [degrees, value];
    }
  }
  return best;
}

/**
 * Where the text of a photo is: the cells (of `cell` pixels) whose share of ink looks like print,
 * in runs. A label photographed from afar fills a corner of the photo; OCR reads it only enlarged.
 * Null when no cell looks like text.
 */
export function textRegion(ink: Raster, cell: number): { left: number; top: number; width: number; height: number } | null {
  const { data, width, height } = ink;
  const columns = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const density = new Float32Array(columns * rows);
  const share = 1 / (cell * cell);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = Math.floor(y / cell) * columns + Math.floor(x / cell);
      if (data[y * width + x]) density[at] = (density[at] as number) + share;
    }
  }
  // Print inks part of a cell, never all of it (a dark shape) nor a trace (a scratch).
  const texty = density.map((d) => (d > 0.03 && d < 0.6 ? 1 : 0));
  // Print comes in runs of cells; a lone cell is a scratch or a reflection.
  let [x0, y0, x1, y1] = [columns, rows, -1, -1];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      if (!texty[y * columns + x]) continue;
      let neighbours = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -2; dx <= 2; dx++) if ((dx || dy) && texty[(y + dy) * columns + x + dx] && x + dx >= 0 && x + dx < columns) neighbours++;
      if (neighbours < 2) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  const best = x1 < 0 ? null : { x0, y0, x1, y1 };
  if (!best) return null;
  const left = Math.max(0, (best.x0 - 2) * cell);
  const upper = Math.max(0, (best.y0 - 2) * cell);
  return { left, top: upper, width: Math.min(width, (best.x1 + 3) * cell) - left, height: Math.min(height, (best.y1 + 3) * cell) - upper };
}
