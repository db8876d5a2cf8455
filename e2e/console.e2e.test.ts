// Drives the built console in Chromium against a real server: sign in, create a model, find it again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshGtin } from '../test/harness.ts';
import { type RunningOpenox, launchChromium, startOpenox } from './openox-process.ts';

const slow = { timeout: 120_000 };

let openox: RunningOpenox | undefined;
let browser: Browser | undefined;
let baseUrl = '';

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
  openox = await startOpenox();
  baseUrl = openox.baseUrl;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await openox?.stop();
}, 60_000);

test('staff create a model in the console and find it in the catalog', slow, async () => {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
  const sku = `E2E-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}`;
  const gtin = freshGtin();
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
