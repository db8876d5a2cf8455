// Drives the console in Chromium: write a message template, see a mistake named on its line, fix it, preview it for a real owner.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningOpenox, launchChromium, startOpenox } from './openox-process.ts';

const slow = { timeout: 120_000 };

let openox: RunningOpenox | undefined;
let browser: Browser | undefined;

/** The input with exactly this label; required fields' labels end in an asterisk. */
function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`)).and(page.locator('input, textarea'));
}

function fieldError(page: Page, label: string) {
  return page.locator('.mantine-InputWrapper-root', { has: field(page, label) }).locator('.mantine-InputWrapper-error');
}

beforeAll(async () => {
  openox = await startOpenox();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await openox?.stop();
}, 60_000);

test('a marketer writes a template, is told where it is wrong, and previews it for a real owner', slow, async () => {
  if (!browser || !openox) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
  const key = `e2e-${Date.now().toString(36)}`;

  try {
    await page.goto(`${openox.baseUrl}/console/`);
    await field(page, 'Email').fill('marketer@demo.openox.test');
    await field(page, 'Password').fill('openox-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Templates', exact: true }).click();
    await page.getByRole('button', { name: 'New template' }).click();
    await field(page, 'Name').fill('Cover reminder');
    await field(page, 'Key').fill(key);
    await page.getByRole('button', { name: 'Create and edit' }).click();
    await page.waitForURL(new RegExp(`/console/templates/${key}$`));

    await field(page, 'Message').fill('Hello {{ owner.firstName }},\n\nyour {{ prodct.name }} is covered.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const error = fieldError(page, 'Message');
    await error.waitFor();
    expect(await error.textContent()).toBe('line 3, column 9: unknown variable prodct.name. Did you mean product.name?');

    await field(page, 'Message').fill('Hello {{ owner.firstName }},\n\nyour {{ product.name }} is covered until {{ coverage.until | long_date }}.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Template saved.').waitFor();

    await field(page, 'Preview for owner').fill('dana@example.com');
    await page.getByRole('option', { name: /Dana Demo/ }).click();
    await page.getByRole('button', { name: 'Preview en' }).click();
    await page.getByRole('tab', { name: 'Text' }).click();
    const text = page.getByRole('tabpanel', { name: 'Text' });
    await text.getByText(/Hello Dana,/).waitFor();
    expect(await text.textContent()).toMatch(/your .+ is covered until \w+ \d{1,2}, \d{4}\./);
    expect(await page.getByText('To dana@example.com').count()).toBe(1);
  } catch (error) {
    await page.screenshot({ path: 'test-results/templates-e2e-failure.png', fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await page.close();
  }
});
