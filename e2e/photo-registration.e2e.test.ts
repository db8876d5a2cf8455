// An owner on a phone registers by photographing the rating label (with and without JavaScript) and by
// scanning the serial's barcode with the camera; the brand sees in the console what was read.
import { chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { renderDrawing } from '../src/identification/label-fixtures.ts';
import { ownerJourneyRig, phone } from './openox-process.ts';

const rig = ownerJourneyRig();
const registerPage = '/o/demo/register?gtin=09506000134352';

async function fillOwner(page: Page, unique: string, name: string, { purchase = true } = {}) {
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email', { exact: true }).fill(`photo-${unique}@example.com`);
  if (purchase) {
    await page.getByLabel('Date of purchase').fill('2026-11-01');
    await page.getByLabel('Where did you buy it?').selectOption('Best Buy');
  }
  await page.getByLabel('ZIP or postal code').fill('94103');
}

test('photographs the rating label, checks what was read, registers, and the brand sees it in the console', { timeout: 180_000 }, async () => {
  const { browser, openox } = rig();
  const unique = Date.now().toString().slice(-8);
  const serial = `PH${unique}`;
  const screenshots = process.env.OPENOX_E2E_SCREENSHOTS;
  const page = await (await browser.newContext(phone)).newPage();
  page.setDefaultTimeout(30_000);

  await page.goto(`${openox.baseUrl}${registerPage}`);
  await page.getByRole('heading', { name: 'Register your AquaPure 500 Dishwasher' }).waitFor();
  const label = await renderDrawing({ lines: ['ACME HOME', 'MODEL DW-500', `S/N ${serial}`, '120V~ 60Hz 12A'] });
  await page.getByLabel('Photograph the rating label').setInputFiles({ name: 'label.jpg', mimeType: 'image/jpeg', buffer: label });

  // Read in place: the serial is filled in and the owner is asked to check it against the label.
  await page.getByText('Check these values against the label and correct them if needed.').waitFor();
  expect(await page.getByLabel('Serial number').inputValue()).toBe(serial);
  if (screenshots) await page.screenshot({ path: `${screenshots}/label-read.png`, fullPage: true });

  // The receipt fills the date and the store, and is kept as the proof of purchase.
  const receipt = await renderDrawing({ lines: ['BEST BUY #1234', 'San Francisco CA', 'Date: 10/14/2026', 'AquaPure 500   499.99', 'TOTAL   $541.24'] });
  await page.getByLabel('Receipt or proof of purchase (optional)').setInputFiles({ name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: receipt });
  await page.getByText('We filled in what we read from your receipt. Check the date and the store.').waitFor();
  expect(await page.getByLabel('Date of purchase').inputValue()).toBe('2026-10-14');
  expect(await page.getByLabel('Where did you buy it?').inputValue()).toBe('Best Buy');

  await fillOwner(page, unique, 'Paula Photo', { purchase: false });
  await page.getByRole('button', { name: 'Register my product' }).click();
  await page.getByRole('heading', { name: 'Your AquaPure 500 Dishwasher is registered' }).waitFor();
  await page.getByText('Parts covered until October 14, 2028').waitFor();

  // The brand: the registration says it came from a label photo, and what was read against what was confirmed.
  const agent = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  agent.setDefaultTimeout(30_000);
  await agent.goto(`${openox.baseUrl}/console/`);
  await consoleField(agent, 'Email').fill('admin@demo.openox.test');
  await consoleField(agent, 'Password').fill('openox-demo');
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await agent.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Registrations', exact: true }).click();
  const row = agent.getByRole('row').filter({ hasText: serial });
  await row.getByText('label photo').waitFor();
  await row.getByRole('button', { name: 'Read vs confirmed' }).click();
  const details = agent.getByRole('dialog');
  await details.getByRole('row').filter({ hasText: 'Serial' }).filter({ hasText: serial }).waitFor();
  if (screenshots) await agent.screenshot({ path: `${screenshots}/read-vs-confirmed.png` });
  await agent.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Photo-read accuracy' }).click();
  await agent.getByRole('columnheader', { name: 'Serial corrected' }).waitFor();
  const total = agent.getByRole('row').filter({ hasText: /^All \d+ weeks/ });
  expect(Number(await total.getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(1);
  if (screenshots) await agent.screenshot({ path: `${screenshots}/photo-read-accuracy.png`, fullPage: true });
});

test('without JavaScript, the photo goes with the form and comes back read', { timeout: 120_000 }, async () => {
  const { browser, openox } = rig();
  const unique = Date.now().toString().slice(-8);
  const serial = `NJ${unique}`;
  const page = await (await browser.newContext({ ...phone, javaScriptEnabled: false })).newPage();
  page.setDefaultTimeout(30_000);

  await page.goto(`${openox.baseUrl}${registerPage}`);
  const label = await renderDrawing({ lines: ['Made in Mexico'], barcode: { bcid: 'gs1-128', text: `(01)09506000134352(21)${serial}` } });
  await page.getByLabel('Photograph the rating label').setInputFiles({ name: 'label.jpg', mimeType: 'image/jpeg', buffer: label });
  await page.getByRole('button', { name: 'Read the label photo' }).click();
  await page.getByText('Check these values against the label and correct them if needed.').waitFor();
  expect(await page.getByLabel('Serial number').inputValue()).toBe(serial);
  await page.getByRole('img', { name: 'The part of your photo we read' }).waitFor();

  await fillOwner(page, unique, 'Nora NoScript');
  await page.getByRole('button', { name: 'Register my product' }).click();
  await page.getByRole('heading', { name: 'Your AquaPure 500 Dishwasher is registered' }).waitFor();
});

test('scans the serial’s barcode with the camera (zxing-wasm where the browser has no BarcodeDetector)', { timeout: 120_000 }, async () => {
  const { openox } = rig();
  const unique = Date.now().toString().slice(-8);
  const serial = `SC${unique}`;
  // Chromium's fake camera plays a video file: one frame of a Code 128 barcode of the serial.
  const video = await fakeCameraVideo(serial);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext(phone);
    await context.grantPermissions(['camera'], { origin: openox.baseUrl });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${openox.baseUrl}${registerPage}`);
    await page.getByRole('button', { name: 'Scan the code on the product' }).click();
    await page.getByText(`Serial number ${serial}, read from the code. Check it against the label.`).waitFor();
    expect(await page.getByLabel('Serial number').inputValue()).toBe(serial);
    await fillOwner(page, unique, 'Sam Scanner');
    await page.getByRole('button', { name: 'Register my product' }).click();
    await page.getByRole('heading', { name: 'Your AquaPure 500 Dishwasher is registered' }).waitFor();
  } finally {
    await browser.close();
  }
});

function consoleField(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}\\s*\\*?$`)).and(page.locator('input, textarea'));
}

/** A Y4M video (what Chromium's fake camera reads) of a Code 128 barcode, written to a temporary file. */
async function fakeCameraVideo(text: string): Promise<string> {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const bwipjs = (await import('bwip-js')).default;
  const width = 640;
  const height = 480;
  const code = await bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 12, includetext: true, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' });
  const frame = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: await sharp(code).resize({ width: 480, height: 300, fit: 'inside' }).toBuffer(), gravity: 'centre' }])
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer();
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'openox-camera-')), 'barcode.y4m');
  await writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`), frame, chroma, chroma]));
  return file;
}
