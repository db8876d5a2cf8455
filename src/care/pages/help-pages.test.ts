import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, ownerCookie, testApp, testDatabase, validModel } from '../../../test/harness.ts';
import type { App } from '../../platform/http/server.ts';
import { addDaysTo, todayUtc } from '../../platform/calendar.ts';
import { addOwner, addOwnership } from '../care-fixtures.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let modelId: string;
const today = todayUtc();
const bought = addDaysTo(today, -100);

beforeAll(async () => {
  app = await testApp(db);
  brand = await makeBrand(db, 'Help Co');
  const api = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: bearer(brand.keys.admin), payload });
  const model = await api('/api/v1/models', validModel({
    name: 'Clean 500',
    maintenanceSchedule: [{ name: 'Clean the spray arms', intervalDays: 30, instructions: 'Unclip the arms and rinse them.' }, { name: 'Replace the water filter', intervalDays: 365 }],
  }));
  modelId = model.json().id;
  const resource = (body: object) => api(`/api/v1/models/${modelId}/resources`, body);
  await resource({ kind: 'manual', stage: 'onboarding', title: 'User manual', url: 'https://docs.example/clean500.pdf' });
  await resource({ kind: 'quick_start', stage: 'onboarding', title: 'First wash in five steps', body: 'Fill the salt.\n\nAdd rinse aid.' });
  await resource({ kind: 'faq', stage: 'enjoying', title: 'Why are my glasses cloudy?', body: 'Use rinse aid and top it up monthly.' });
  await resource({ kind: 'troubleshooting', stage: 'caring', title: 'Water on the floor under the dishwasher', body: 'A leaking dishwasher usually has a worn door seal. Check the seal for cracks.' });
  await resource({ kind: 'troubleshooting', stage: 'caring', title: 'Dishwasher does not turn on', body: 'Check the circuit breaker.' });
  await resource({ kind: 'faq', stage: 'enjoying', title: '¿Por qué salen opacos los vasos?', language: 'es', body: 'Usa abrillantador.' });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const site = (path: string) => `/o/${brand.slug}${path}`;
const signedIn = async (details: { email: string; postalCode?: string; country?: string }) => {
  const ownerId = await addOwner(db, brand.brandId, details);
  return { ownerId, cookie: await ownerCookie(app, db, brand, ownerId) };
};
const get = (path: string, cookie?: string) => app.inject({ url: site(path), headers: cookie ? { cookie } : {} });
const markDone = (ownership: string, taskId: string, form: string, cookie: string) =>
  app.inject({ method: 'POST', url: site(`/products/${ownership}/maintenance/${taskId}/done`), payload: form, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
const taskIdOf = async (name: string) => (await db.selectFrom('maintenance_tasks').select('id').where('model_id', '=', modelId).where('name', '=', name).executeTakeFirstOrThrow()).id;
const headingsOrder = (html: string, headings: string[]) => headings.map((heading) => html.indexOf(`>${heading}</h2>`));
const logsOf = (ownership: string) => db.selectFrom('maintenance_logs').select(['task_name', 'done_on', 'logged_by', 'note']).where('ownership_id', '=', ownership).execute();
const longDay = (date: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

describe('the public help page of a model', () => {
  it('lists manuals, guides, answers and troubleshooting in the page language, with a search box', async () => {
    const page = await get(`/help/${modelId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Help with your Clean 500');
    expect(page.body).toContain('<a href="https://docs.example/clean500.pdf" hrefLang="en">User manual</a>');
    expect(page.body).toMatch(/<details id="r-[0-9a-f-]+"><summary>Why are my glasses cloudy\?<\/summary><p>Use rinse aid and top it up monthly.<\/p><\/details>/);
    expect(page.body).toMatch(/<input id="q" type="search"[^>]* name="q" value=""\/>/);
    expect(page.body).not.toContain('opacos');
    const [manuals, quickStart, answers, troubleshooting] = headingsOrder(page.body, ['Manuals', 'Quick start', 'Questions and answers', 'Troubleshooting']);
    expect(manuals).toBeLessThan(quickStart as number);
    expect(answers).toBeLessThan(troubleshooting as number);

    const spanish = await get(`/help/${modelId}?lang=es`);
    expect(spanish.body).toContain('¿Por qué salen opacos los vasos?');
    expect(spanish.body).not.toContain('Why are my glasses cloudy?');
  });

  it('finds the right article for a misspelled query and says so when nothing matches', async () => {
    const results = await get(`/help/${modelId}?q=${encodeURIComponent('dishwaser leek')}`);
    const found = /<ul class="plain"><li><a href="([^"]+)"[^>]*>([^<]+)<\/a>/.exec(results.body);
    expect(found?.[2]).toBe('Water on the floor under the dishwasher');
    expect(found?.[1]).toMatch(new RegExp(`^/o/${brand.slug}/resources/[0-9a-f-]{36}$`));
    expect(results.body).toContain('A leaking dishwasher usually has a worn door seal.');
    expect(results.body).toContain('value="dishwaser leek"');

    const synonym = await get(`/help/${modelId}?q=${encodeURIComponent("won't start")}`);
    expect(/<ul class="plain"><li><a [^>]+>([^<]+)<\/a>/.exec(synonym.body)?.[1]).toBe('Dishwasher does not turn on');

    const nothing = await get(`/help/${modelId}?q=zzzqqq`);
    expect(nothing.body).toContain('0 results for “zzzqqq”');
    expect(nothing.body).toContain('Nothing matched.');
  });

  it('answers 404 for a model of no brand here', async () => {
    expect((await get('/help/not-a-model')).statusCode).toBe(404);
    expect((await get('/help/0190b3c2-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('an owner’s help page for their product', () => {
  it('orders help for the ownership’s stage: fixes first while caring, the quick start first while onboarding', async () => {
    const owner = await signedIn({ email: 'stage@example.com' });
    const caring = await addOwnership(db, brand.brandId, owner.ownerId, modelId, { stage: 'caring' });
    const onboarding = await addOwnership(db, brand.brandId, owner.ownerId, modelId, { stage: 'onboarding' });

    const caringPage = (await get(`/products/${caring}/help`, owner.cookie)).body;
    const [troubleshooting, answers, quickStart] = headingsOrder(caringPage, ['Troubleshooting', 'Questions and answers', 'Quick start']);
    expect(troubleshooting).toBeLessThan(answers as number);
    expect(answers).toBeLessThan(quickStart as number);
    expect(/Suggested for you now<\/h2><ul class="plain"><li><a [^>]+>([^<]+)</.exec(caringPage)?.[1]).toBe('Water on the floor under the dishwasher');

    const onboardingPage = (await get(`/products/${onboarding}/help`, owner.cookie)).body;
    expect(/Suggested for you now<\/h2><ul class="plain"><li><a [^>]+>([^<]+)</.exec(onboardingPage)?.[1]).toBe('First wash in five steps');
    const [guide, fixes] = headingsOrder(onboardingPage, ['Quick start', 'Troubleshooting']);
    expect(guide).toBeLessThan(fixes as number);
  });

  it('shows the maintenance schedule, and marking a task done moves its next due date', async () => {
    const owner = await signedIn({ email: 'upkeep@example.com' });
    const ownership = await addOwnership(db, brand.brandId, owner.ownerId, modelId, { purchaseDate: bought });
    const arms = await taskIdOf('Clean the spray arms');

    const before = await get(`/products/${ownership}/help`, owner.cookie);
    expect(before.body).toContain(`Overdue since ${longDay(addDaysTo(bought, 30))}`);
    expect(before.body).toContain(`Counted from your purchase on ${longDay(bought)}.`);
    expect(before.body).toContain(`action="/o/${brand.slug}/products/${ownership}/maintenance/${arms}/done"`);
    expect(before.body).toContain('Unclip the arms and rinse them.');

    const doneOn = addDaysTo(today, -3);
    const done = await markDone(ownership, arms, `done_on=${doneOn}&note=Rinsed+both+arms`, owner.cookie);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(site(`/products/${ownership}/help?done=${arms}#maintenance`));
    expect(await logsOf(ownership)).toEqual([{ task_name: 'Clean the spray arms', done_on: doneOn, logged_by: 'owner', note: 'Rinsed both arms' }]);

    const after = await get(`/products/${ownership}/help?done=${arms}`, owner.cookie);
    const nextDue = longDay(addDaysTo(doneOn, 30));
    expect(after.body).toContain(`Saved: Clean the spray arms. Next due ${nextDue}.`);
    expect(after.body).toContain(`Next: ${nextDue}`);
    expect(after.body).not.toContain('Overdue since');
  });

  it('refuses a date in the future next to the field, keeping what was typed, and logs nothing', async () => {
    const owner = await signedIn({ email: 'future@example.com' });
    const ownership = await addOwnership(db, brand.brandId, owner.ownerId, modelId);
    const arms = await taskIdOf('Clean the spray arms');
    // Two days ahead: still the future if the day turns while the test runs.
    const later = addDaysTo(today, 2);
    const refused = await markDone(ownership, arms, `done_on=${later}&note=early`, owner.cookie);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('The date can&#x27;t be in the future.');
    expect(refused.body).toContain(`value="${later}"`);
    expect(refused.body).toContain('value="early"');
    expect(await logsOf(ownership)).toEqual([]);
    // A task the brand has since removed from the schedule: said above the schedule as it is now.
    const gone = await markDone(ownership, ownership, `done_on=${today}`, owner.cookie);
    expect(gone.statusCode).toBe(422);
    expect(gone.body).toContain('<p class="error" role="alert">This task has changed. Here is the current schedule.</p>');
    // The re-rendered form's language switch lands back on the product's help.
    const switched = await get(`/products/${ownership}/maintenance/${arms}/done?lang=es`, owner.cookie);
    expect(switched.headers.location).toBe(site(`/products/${ownership}/help?lang=es#maintenance`));
  });

  it('refuses another owner’s product, to see and to change', async () => {
    const owner = await signedIn({ email: 'owner@example.com' });
    const stranger = await signedIn({ email: 'stranger@example.com' });
    const ownership = await addOwnership(db, brand.brandId, owner.ownerId, modelId);
    const arms = await taskIdOf('Clean the spray arms');

    const seen = await get(`/products/${ownership}/help`, stranger.cookie);
    expect(seen.statusCode).toBe(404);
    expect(seen.body).not.toContain('Clean the spray arms');
    const changed = await markDone(ownership, arms, `done_on=${today}`, stranger.cookie);
    expect(changed.statusCode).toBe(404);
    expect(await logsOf(ownership)).toEqual([]);

    const signedOut = await get(`/products/${ownership}/help`);
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe(site('/sign-in'));
  });
});
