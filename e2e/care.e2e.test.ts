// An owner on a phone reports a problem with their dishwasher; an agent finds them by the serial in the
// console, starts the review, and the owner sees the new status on their phone.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { ownerJourneyRig, phone } from './openox-process.ts';

const rig = ownerJourneyRig();

test('an owner files a claim on their phone and sees the status the agent sets in the console', { timeout: 180_000 }, async () => {
  const { browser, openox, mailbox } = rig();
  const base = openox.baseUrl;
  const unique = Date.now().toString().slice(-8);
  const serial = `CR${unique}`;
  const email = `claimant-${unique}@example.com`;
  const screenshots = process.env.OPENOX_E2E_SCREENSHOTS;
  const owner = await (await browser.newContext(phone)).newPage();
  owner.setDefaultTimeout(20_000);

  // Registered from the QR code, then signed in with the link from the confirmation email.
  await owner.goto(`${base}/01/09506000134352/21/${serial}`);
  await owner.getByLabel('Full name').fill('Cleo Claimant');
  await owner.getByLabel('Email', { exact: true }).fill(email);
  await owner.getByLabel('Date of purchase').fill('2026-10-01');
  await owner.getByLabel('Where did you buy it?').selectOption('Costco');
  await owner.getByLabel('ZIP or postal code').fill('10001');
  await owner.getByRole('button', { name: 'Register my product' }).click();
  await owner.getByRole('heading', { name: 'Your AquaPure 500 Dishwasher is registered' }).waitFor();
  const link = /https?:\/\/\S+\/sign-in\/\S+/.exec((await mailbox.waitFor(email)).text ?? '')?.[0];
  await owner.goto(link as string);
  await owner.getByRole('button', { name: 'Continue to my products' }).click();

  // A few taps: the product, owner and coverage are already there.
  await owner.goto(`${base}/o/demo/products`);
  await owner.getByRole('link', { name: 'Report a problem' }).first().click();
  await owner.getByText(`Filed by Cleo Claimant (${email})`).waitFor();
  await owner.getByLabel('It leaks').check();
  await owner.getByLabel('Describe the problem').fill('Water pools under the door after every wash.');
  await owner.getByLabel(`By email, at ${email}`).check();
  if (screenshots) await owner.screenshot({ path: `${screenshots}/claim-form.png`, fullPage: true });
  await owner.getByRole('button', { name: 'Send my claim' }).click();
  const filed = await owner.getByText(/Its number is C-\d+/).textContent();
  const claimNumber = /C-\d+/.exec(filed ?? '')?.[0] as string;
  expect(claimNumber).toMatch(/^C-\d+$/);
  await owner.getByText('Received', { exact: true }).first().waitFor();

  // The agent types the serial and lands on the owner, then moves the claim on.
  const agent = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  agent.setDefaultTimeout(30_000);
  const consoleErrors: string[] = [];
  agent.on('pageerror', (error) => consoleErrors.push(error.message));
  await agent.goto(`${base}/console/`);
  await consoleField(agent, 'Email').fill('agent@demo.openox.test');
  await consoleField(agent, 'Password').fill('openox-demo');
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await agent.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Owners', exact: true }).click();
  await agent.getByLabel('Search owners').fill(serial);
  await agent.getByLabel('Search owners').press('Enter');
  await agent.getByRole('heading', { name: 'Cleo Claimant' }).waitFor();
  await agent.getByRole('link', { name: claimNumber }).first().click();
  await agent.getByRole('button', { name: 'Start review' }).click();
  await agent.getByRole('dialog').getByRole('button', { name: 'Start review' }).click();
  await agent.getByRole('dialog').waitFor({ state: 'detached' });
  await agent.getByText('In review').first().waitFor();
  if (screenshots) await agent.screenshot({ path: `${screenshots}/console-claim.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);

  await owner.goto(`${base}/o/demo/claims/${claimNumber}`);
  await owner.getByText('Being reviewed').first().waitFor();
  if (screenshots) await owner.screenshot({ path: `${screenshots}/claim-status.png`, fullPage: true });
  const notice = await mailbox.waitFor(email, 20_000, (mail) => (mail.subject ?? '').includes('Being reviewed'));
  expect(notice.subject).toBe(`Claim ${claimNumber}: Being reviewed`);
});

/** The console input with exactly this label; required fields' labels end in an asterisk. */
function consoleField(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}\\s*\\*?$`)).and(page.locator('input, textarea'));
}
