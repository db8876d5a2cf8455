import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBrand, testApp, testDatabase } from '../../../test/harness.ts';
import type { App } from '../../platform/http/server.ts';
import { scannerAsset, scannerVersion } from './scanner-assets.ts';

const { db } = testDatabase(1);
let app: App;

beforeAll(async () => {
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('the scanner files OpenOX serves itself', () => {
  it('serves the scanner and zxing-wasm from its own origin, compressed once and cached for good', async () => {
    const version = scannerVersion();
    const script = await app.inject({ url: `/scanner/${version}/camera-scan.js`, headers: { 'accept-encoding': 'br' } });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(script.rawPayload).toString()).toContain('export async function scan(');
    expect((await app.inject({ url: `/scanner/${version}/photo-read.js` })).body).toContain("from './page-form.js'");

    const wasm = await app.inject({ url: `/scanner/${version}/zxing_reader.wasm`, headers: { 'accept-encoding': 'gzip' } });
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: `/scanner/${version}/zxing_reader.wasm` });
    expect(plain.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x00, 0x61, 0x73, 0x6d]));
    expect(plain.rawPayload.length).toBe(scannerAsset('zxing_reader.wasm')?.raw.length);

    const reader = await app.inject({ url: `/scanner/${version}/zxing-reader.js` });
    expect(reader.body).toContain('ZXingWASM');
  });

  it('gives an old page today’s file without letting it be cached, and nothing else of the disk', async () => {
    const stale = await app.inject({ url: '/scanner/000000000000/photo-read.js' });
    expect(stale.statusCode).toBe(200);
    expect(stale.headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: `/scanner/${scannerVersion()}/..%2Fscanner-assets.ts` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/scanner/${scannerVersion()}/package.json` })).statusCode).toBe(404);
  });

  it('is what the registration page loads when the owner asks to scan, and nothing before', async () => {
    const brand = await makeBrand(db, 'Scanner Co');
    const page = await app.inject({ url: `/o/${brand.slug}/register` });
    expect(page.body).toContain(`data-base="/scanner/${scannerVersion()}/"`);
    expect(page.body).not.toMatch(/<script[^>]*\ssrc=/);
    expect(page.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)[a-z.]*(jsdelivr|unpkg|cdn)/i);
  });
});
