/**
 * The registration page an owner opens from a QR code: its weight over the wire (HTML, CSS and JS,
 * compressed as served) and a Lighthouse mobile audit with the system Chromium.
 *
 *   node --import tsx bench/owner-page.bench.ts      (DATABASE_URL as for npm run bench)
 * Targets: under 50 KB compressed; Lighthouse performance and accessibility at least 95.
 */
import { request } from 'node:http';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureDemoBrand } from '../src/brands/demo.ts';
import { startBenchServer } from './bench-harness.ts';

const server = await startBenchServer();
await ensureDemoBrand(server.db, { password: 'bench-password' });
const pages = {
  'registration page (from a QR scan)': `${server.base}/o/demo/register?gtin=09506000134352&serial=AB12345678&via=qr`,
  'safety-only registration (crib)': `${server.base}/o/demo/register?gtin=00860001234527`,
  'sign-in page': `${server.base}/o/demo/sign-in`,
};

console.log(`\nOpenOX owner pages: weight over the wire and Lighthouse mobile (simulated slow 4G, mid-range phone), ${server.where}\n`);
console.log(`${'page'.padEnd(40)} ${'wire KB'.padStart(8)} ${'raw KB'.padStart(7)} ${'requests'.padStart(9)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'best'.padStart(5)} ${'LCP ms'.padStart(7)} ${'TBT ms'.padStart(7)}`);
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, url] of Object.entries(pages)) {
    const wire = await weigh(url);
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const requests = (audits['network-requests']?.details as { items?: unknown[] } | undefined)?.items?.length ?? 0;
    console.log(`${name.padEnd(40)} ${(wire.compressed / 1024).toFixed(1).padStart(8)} ${(wire.raw / 1024).toFixed(1).padStart(7)} ${String(requests).padStart(9)} ${String(score('performance')).padStart(5)} ${String(score('accessibility')).padStart(5)} ${String(score('best-practices')).padStart(5)} ${String(Math.round(audits['largest-contentful-paint']?.numericValue ?? 0)).padStart(7)} ${String(Math.round(audits['total-blocking-time']?.numericValue ?? 0)).padStart(7)}`);
    const failing = Object.values(audits).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary').map((audit) => audit.id);
    if (failing.length > 0) console.log(`${''.padEnd(40)} failing checks: ${failing.join(', ')}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}

/** Bytes of the document as a phone receives it (compressed), and uncompressed. The page has no other CSS or JS. */
function weigh(url: string): Promise<{ compressed: number; raw: number }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      let compressed = 0;
      response.on('data', (chunk: Buffer) => (compressed += chunk.length));
      response.on('end', async () => resolve({ compressed, raw: (await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength }));
    }).on('error', reject).end();
  });
}
