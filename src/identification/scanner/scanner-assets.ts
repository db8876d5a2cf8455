import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

/** A file the registration page's scanner loads, held in memory with its compressed forms. */
export interface ScannerAsset {
  readonly contentType: string;
  readonly raw: Buffer;
}

const require = createRequire(import.meta.url);
// zxing-wasm exports its .wasm by name; its one-file (IIFE) reader sits beside it in the package.
const zxingWasm = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
const zxingReader = path.join(path.dirname(zxingWasm), '..', 'iife', 'reader', 'index.js');
const script = (name: string) => ({ from: fileURLToPath(new URL(`./${name}`, import.meta.url)), contentType: 'text/javascript; charset=utf-8' });

const files: Readonly<Record<string, { readonly from: string; readonly contentType: string }>> = {
  // The page's loader imports the first for "Scan the code", the second for a chosen photo; both import the third.
  'camera-scan.js': script('camera-scan.js'),
  'photo-read.js': script('photo-read.js'),
  'page-form.js': script('page-form.js'),
  'zxing-reader.js': { from: zxingReader, contentType: 'text/javascript; charset=utf-8' },
  'zxing_reader.wasm': { from: zxingWasm, contentType: 'application/wasm' },
};

let loaded: { readonly version: string; readonly assets: ReadonlyMap<string, ScannerAsset> } | null = null;

function load() {
  if (loaded) return loaded;
  const assets = new Map<string, ScannerAsset>();
  const hash = createHash('sha256');
  for (const [name, file] of Object.entries(files)) {
    const raw = readFileSync(file.from);
    hash.update(name).update(raw);
    assets.set(name, { contentType: file.contentType, raw });
  }
  loaded = { version: hash.digest('hex').slice(0, 12), assets };
  return loaded;
}

/**
 * The scanner's files change only with a new version of OpenOX or of zxing-wasm: the version is a hash
 * of their content, so their addresses can be cached for a year and a new release is fetched anew.
 */
export function scannerVersion(): string {
  return load().version;
}

/** Where the scanner's modules are served, for the page's loader. */
export function scannerBaseUrl(): string {
  return `/scanner/${scannerVersion()}/`;
}

export function scannerAsset(name: string): ScannerAsset | null {
  return load().assets.get(name) ?? null;
}

const compressed = new Map<string, Promise<Buffer>>();
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The asset compressed once per process and kept: the decoder's .wasm is close to a megabyte, too
 * much to compress again for every phone that asks for it.
 */
export function compressedAsset(name: string, encoding: 'br' | 'gzip'): Promise<Buffer> | null {
  const asset = scannerAsset(name);
  if (!asset) return null;
  const key = `${encoding}:${name}`;
  let ready = compressed.get(key);
  if (!ready) {
    ready = encoding === 'br' ? brotli(asset.raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }) : gzipAsync(asset.raw, { level: 9 });
    compressed.set(key, ready);
  }
  return ready;
}
