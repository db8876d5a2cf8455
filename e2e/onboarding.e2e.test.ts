// An owner on a phone scans the demo dishwasher's QR code, registers, gets the email, follows its link,
// and registers a second product without typing their details again.
import { expect, test } from 'vitest';
import { ownerJourneyRig, phone } from './openox-process.ts';

const rig = ownerJourneyRig();

test('scan, register, confirm by email, come back and register a second product in one step', { timeout: 120_000 }, async () => {
  const { browser, openox, mailbox } = rig();
  const base = openox.baseUrl;
  const unique = Date.now().toString().slice(-8);
  const email = `owner-${unique}@example.com`;
  const page = await (await browser.newContext(phone)).newPage();
  page.setDefaultTimeout(20_000);
  const screenshots = process.env.OPENOX_E2E_SCREENSHOTS;

  await page.goto(`${base}/01/09506000134352/21/QR${unique}`);
  await page.getByRole('heading', { name: 'Register your AquaPure 500 Dishwasher' }).waitFor();
  await page.getByText(`Serial number QR${unique}, read from the code you scanned.`).waitFor();
  expect(await page.getByLabel('Email me tips, offers and news about my Acme Home products.').isChecked()).toBe(false);

  // A wrong value comes back with a message beside its field, and what was typed stays.
  await page.getByLabel('Full name').fill('Rosa Phone');
  await page.getByLabel('Email', { exact: true }).fill('rosa@');
  await page.getByRole('button', { name: 'Register my product' }).click();
  expect(await page.getByRole('alert').textContent()).toContain('Enter an email address like name@example.com.');
  expect(await page.getByLabel('Full name').inputValue()).toBe('Rosa Phone');

  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Date of purchase').fill('2026-11-01');
  await page.getByLabel('Where did you buy it?').selectOption('Best Buy');
  await page.getByLabel('ZIP or postal code').fill('94103');
  await page.getByLabel('Email me tips, offers and news about my Acme Home products.').check();
  if (screenshots) await page.screenshot({ path: `${screenshots}/register-form.png`, fullPage: true });
  await page.getByRole('button', { name: 'Register my product' }).click();

  await page.getByRole('heading', { name: 'Your AquaPure 500 Dishwasher is registered' }).waitFor();
  await page.getByText('Parts covered until November 1, 2028').waitFor();
  await page.getByRole('link', { name: 'Your first wash' }).waitFor();
  if (screenshots) await page.screenshot({ path: `${screenshots}/registered.png`, fullPage: true });

  const mail = await mailbox.waitFor(email);
  expect(mail.subject).toBe('Your AquaPure 500 Dishwasher is registered');
  const link = /https?:\/\/\S+\/sign-in\/\S+/.exec(mail.text ?? '')?.[0];
  expect(link).toBeDefined();
  await page.goto(link as string);
  await page.getByRole('button', { name: 'Continue to my products' }).click();
  await page.getByRole('heading', { name: 'AquaPure 500 Dishwasher' }).waitFor();

  await page.goto(`${base}/01/00860001234510/21/SN-2610${unique.slice(-4)}`);
  await page.getByText(`Registering as Rosa Phone (${email}).`).waitFor();
  expect(await page.getByLabel('Full name').count()).toBe(0);
  await page.getByLabel('Date of purchase').fill('2026-11-20');
  await page.getByLabel('Where did you buy it?').selectOption('Costco');
  await page.getByRole('button', { name: 'Register my product' }).click();
  await page.getByRole('heading', { name: 'Your BrewMaster 200 Coffee Maker is registered' }).waitFor();

  await page.goto(`${base}/o/demo/products`);
  await page.getByRole('heading', { name: 'AquaPure 500 Dishwasher' }).waitFor();
  await page.getByRole('heading', { name: 'BrewMaster 200 Coffee Maker' }).waitFor();
  if (screenshots) await page.screenshot({ path: `${screenshots}/my-products.png`, fullPage: true });
});
