// The playbook's review request, end to end: the email's link is OpenOX's own signed review page, the
// review written there is `review.submitted`, and that is the journey's goal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { systemActor } from '../access/principal.ts';
import { enterDueOwners } from '../journeys/date-triggers.ts';
import { type JourneyWorld, advance, deliverEvents, expectOneRun, journeyWorld, messagesOf, registerProduct, runDue, runsOf } from '../journeys/journey-world.ts';
import { setJourneyStatus } from '../journeys/journeys.ts';
import { adoptPlaybookJourney } from '../journeys/playbook.ts';
import { addDaysTo, todayUtc } from '../platform/calendar.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { eventsOf, postReview, reviewLinkPath } from './review-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: JourneyWorld;

beforeAll(async () => {
  app = await testApp(db);
  world = await journeyWorld(app, db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('the review request journey', () => {
  it('asks every owner with the signed review link, and a review written through it converts the run', async () => {
    const journeyId = await inBrand(db, world.brand.brandId, async (scope) => {
      const id = await adoptPlaybookJourney(scope, systemActor, 'review-request');
      await setJourneyStatus(scope, systemActor, id, 'live');
      return id;
    });
    const today = todayUtc();
    const unhappy = await registerProduct(app, db, world, { purchaseDate: addDaysTo(today, -45) });
    const silent = await registerProduct(app, db, world, { purchaseDate: addDaysTo(today, -45) });
    await enterDueOwners(db, today);
    await runDue(db, world);
    await advance(db, world, { days: 1 });
    expect(await messagesOf(db, world, unhappy.ownerId)).toEqual(['playbook-review']);
    expect(await messagesOf(db, world, silent.ownerId)).toEqual(['playbook-review']);

    // The email's button goes through the click tracker to OpenOX's review page for this very product.
    const message = await db.selectFrom('messages').select(['body_text', 'body_html']).where('owner_id', '=', unhappy.ownerId).where('template', '=', 'playbook-review').executeTakeFirstOrThrow();
    expect(message.body_text).toContain('Write a review: http://openox.test/c/');
    const tracked = /http:\/\/openox\.test(\/c\/[A-Za-z0-9_-]+)/.exec(message.body_text)?.[1] as string;
    const click = await app.inject({ url: tracked });
    expect(click.statusCode).toBe(302);
    const target = new URL(click.headers.location as string);
    expect(target.pathname).toMatch(new RegExp(`^/o/${world.brand.slug}/review/[A-Za-z0-9_-]{71}$`));
    expect(target.searchParams.get('utm_campaign')).toBeTruthy();
    const form = await app.inject({ url: `${target.pathname}${target.search}` });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Review your Uno Kettle');

    // A one-star review counts exactly as any other: published, and the journey's goal.
    const sent = await postReview(app, target.pathname, { rating: '1', body: 'Stopped working after a month.' });
    expect(sent.statusCode).toBe(303);
    const [event] = (await eventsOf(db, world, 'review.submitted')).filter((payload) => payload.ownerId === unhappy.ownerId);
    expect(event).toMatchObject({ ownershipId: unhappy.ownershipId, modelId: world.modelId, rating: 1, edited: false, reviewId: expect.any(String) });

    await deliverEvents(db, world);
    const runs = await runsOf(db, world, journeyId);
    expect(runs.find((run) => run.owner_id === unhappy.ownerId)).toMatchObject({ status: 'converted', end_reason: 'goal' });
    expect(runs.find((run) => run.owner_id === silent.ownerId)).toMatchObject({ status: 'active', step_id: 'written' });
    // Who wrote nothing is left alone once the wait is over: asked once, never chased.
    await advance(db, world, { days: 30 });
    expect(expectOneRun((await runsOf(db, world, journeyId)).filter((run) => run.owner_id === silent.ownerId))).toMatchObject({ status: 'completed' });
    expect(await messagesOf(db, world, silent.ownerId)).toEqual(['playbook-review']);
    await inBrand(db, world.brand.brandId, (scope) => setJourneyStatus(scope, systemActor, journeyId, 'off'));
  });

  it('asks about each product once: reviewing one converts only its own request, and a product already reviewed is not asked about', async () => {
    const journeyId = await inBrand(db, world.brand.brandId, async (scope) => {
      const journey = await scope.db.selectFrom('journeys').select('id').where('playbook_key', '=', 'review-request').executeTakeFirst();
      const id = journey?.id ?? (await adoptPlaybookJourney(scope, systemActor, 'review-request'));
      await setJourneyStatus(scope, systemActor, id, 'live');
      return id;
    });
    const today = todayUtc();
    const email = `two-kettles-${randomUUID().slice(0, 8)}@example.com`;
    const first = await registerProduct(app, db, world, { email, purchaseDate: addDaysTo(today, -45) });
    const second = await registerProduct(app, db, world, { email, purchaseDate: addDaysTo(today, -45) });
    const reviewer = await registerProduct(app, db, world, { purchaseDate: addDaysTo(today, -45) });
    expect((await postReview(app, await reviewLinkPath(db, world, reviewer.ownershipId), { rating: '4', body: 'Boils fast.' })).statusCode).toBe(303);

    await deliverEvents(db, world);
    await enterDueOwners(db, today);
    await runDue(db, world);
    await advance(db, world, { days: 1 });
    const runs = async () => (await inBrand(db, world.brand.brandId, (scope) => scope.db.selectFrom('journey_runs').select(['ownership_id', 'status', 'end_reason']).where('journey_id', '=', journeyId).execute()));
    const runOf = async (ownershipId: string) => (await runs()).filter((run) => run.ownership_id === ownershipId);
    expect(await runOf(reviewer.ownershipId)).toEqual([expect.objectContaining({ status: 'exited' })]);
    expect(await messagesOf(db, world, reviewer.ownerId)).toEqual([]);

    expect((await postReview(app, await reviewLinkPath(db, world, first.ownershipId), { rating: '5', body: 'Great kettle.' })).statusCode).toBe(303);
    await deliverEvents(db, world);
    expect(await runOf(first.ownershipId)).toEqual([expect.objectContaining({ status: 'converted', end_reason: 'goal' })]);
    expect(await runOf(second.ownershipId)).toEqual([expect.objectContaining({ status: 'active' })]);
    await inBrand(db, world.brand.brandId, (scope) => setJourneyStatus(scope, systemActor, journeyId, 'off'));
  });

  it('shows the signed review link in a template preview for a real owner\'s product', async () => {
    const owner = await registerProduct(app, db, world);
    await inBrand(db, world.brand.brandId, async (scope) => {
      if (!(await scope.db.selectFrom('message_templates').select('id').where('key', '=', 'playbook-review').executeTakeFirst())) await adoptPlaybookJourney(scope, systemActor, 'review-request');
    });
    const preview = await app.inject({
      method: 'POST',
      url: '/api/v1/templates/playbook-review/preview',
      headers: bearer(world.brand.keys.admin),
      payload: { ownerId: owner.ownerId, ownershipId: owner.ownershipId },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const link = /Write a review: (\S+)/.exec(preview.json().text)?.[1] as string;
    expect(link).toMatch(new RegExp(`/o/${world.brand.slug}/review/[A-Za-z0-9_-]{71}$`));
    expect(preview.json().html).toContain(`href="${link}"`);
    const page = await app.inject({ url: new URL(link).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Review your Uno Kettle');
  });
});
