// Drives the built console in Chromium against a real server: sign in, create a model, find it again.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { gs1CheckDigit } from '../src/catalog/gtin.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const slow = { timeout: 120_000 };

let server: ChildProcess | undefined;
let serverOutput = '';
let browser: Browser | undefined;
let baseUrl = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, deadline = 90_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < deadline) {
    if (server?.exitCode !== null) throw new Error(`The server exited early:\n${serverOutput}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become ready:\n${serverOutput}`);
}

/** A GTIN-13 from a random 12-digit body and its GS1 mod-10 check digit. */
function randomGtin13(): string {
  const body = Array.from({ length: 12 }, () => Math.floor(Math.random() * 10)).join('');
  return `${body}${gs1CheckDigit(body)}`;
}

/** The input with exactly this label; required fields' labels end in an asterisk. */
function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Comboboxes label their option list too; only the text box itself is wanted.
  return page.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`)).and(page.locator('input, textarea'));
}

/** A link in the console's navbar (the breadcrumbs have links of the same name). */
function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
}

/** The error text Mantine renders under the input with this label. */
function fieldError(page: Page, label: string) {
  return page.locator('.mantine-InputWrapper-root', { has: field(page, label) }).locator('.mantine-InputWrapper-error');
}

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  server = spawn(process.execPath, ['bin/openox.js', 'start'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), PORT: String(port), OPENOX_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  await waitUntilReady(baseUrl);

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}, 60_000);

test('staff create a model in the console and find it in the catalog', slow, async () => {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
  const sku = `E2E-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}`;
  const gtin = randomGtin13();
  const name = `E2E Kettle ${sku}`;

  try {
    await page.goto(`${baseUrl}/console/`);
    await field(page, 'Email').fill('admin@demo.openox.test');
    await field(page, 'Password').fill('openox-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await section(page, 'Catalog').click();
    await page.getByRole('link', { name: 'New model' }).click();

    await field(page, 'Name').fill(name);
    await field(page, 'SKU').fill(sku);
    await field(page, 'Category').fill('kettles');
    await page.keyboard.press('Escape'); // close the category suggestions
    await field(page, 'Description').fill('Made by the console end-to-end test.');
    await page.getByRole('button', { name: 'Add GTIN' }).click();
    await field(page, 'GTIN 1').fill('4006381333932'); // check digit should be 1
    await page.getByRole('button', { name: 'Add serial rule' }).click();
    await field(page, 'Mask 1').fill('KT-YY####');
    await field(page, 'Parts (months)').fill('24');
    await field(page, 'Labour (months)').fill('6');

    // The API refuses the bad check digit; its message belongs under the GTIN field.
    await page.getByRole('button', { name: 'Create model' }).first().click();
    const gtinError = fieldError(page, 'GTIN 1');
    await gtinError.waitFor();
    expect(await gtinError.textContent()).toContain('not a valid GTIN');

    await field(page, 'GTIN 1').fill(gtin);
    await page.getByRole('button', { name: 'Create model' }).first().click();
    await page.waitForURL(/\/console\/catalog\/[0-9a-f-]{36}$/);

    await section(page, 'Catalog').click();
    await field(page, 'Search').fill(sku);
    const row = page.getByRole('row').filter({ hasText: sku });
    await row.waitFor();
    expect(await row.textContent()).toContain(name);

    const found = await page.evaluate(
      (query) => fetch(`/api/v1/models?q=${encodeURIComponent(query)}`).then((response) => response.json()),
      sku,
    );
    expect(found.data).toHaveLength(1);
    expect(found.data[0]).toMatchObject({
      name,
      sku,
      category: 'kettles',
      description: 'Made by the console end-to-end test.',
      gtins: [gtin.padStart(14, '0')], // the API stores every GTIN as a GTIN-14
      serialRules: [{ mask: 'KT-YY####' }],
      warranty: { partsMonths: 24, labourMonths: 6, startsAt: 'purchase', proofRequired: 'receipt' },
      maintenanceSchedule: [],
    });
  } catch (error) {
    await page.screenshot({ path: '/tmp/console-e2e-failure.png', fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await page.close();
  }
});
