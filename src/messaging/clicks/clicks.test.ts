import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../../test/harness.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { App } from '../../platform/http/server.ts';
import { queueMessage } from '../queue-message.ts';
import { type RenderTemplateInput, renderTemplateFor } from '../templates/render-for.ts';
import { type TemplateWorld, registerOwner, templateWorld, writeTemplate } from '../templates/template-fixtures.ts';

const { db } = testDatabase();
const publicUrl = 'https://ox.example';
let app: App;
let world: TemplateWorld;

const render = (input: Omit<RenderTemplateInput, 'publicUrl' | 'channel'> & { channel?: 'email' | 'sms' }) =>
  inBrand(db, world.brand.brandId, (scope) => renderTemplateFor(scope, { channel: 'email', publicUrl, ...input }));
const tokensIn = (text: string) => [...text.matchAll(/https:\/\/ox\.example\/c\/([A-Za-z0-9_-]{22})/g)].map((match) => match[1] as string);

beforeAll(async () => {
  app = await testApp(db, { OPENOX_PUBLIC_URL: publicUrl });
  world = await templateWorld(app, db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('rendering a template for an owner (the journey engine’s call)', () => {
  it('personalises it and swaps every link but the preference centre for a tracked one, the same ones on a second render', async () => {
    const { key } = await writeTemplate(app, world);
    const owner = await registerOwner(app, world, { name: 'Ana García' });
    const input = { templateKey: key, ownerId: owner.ownerId, ownershipId: owner.ownershipId, trackingCampaign: 'filter-journey', dedupeKey: `journey:run-1:step-2:${owner.ownerId}` };
    const rendered = await render(input);
    expect(rendered).toMatchObject({ subject: 'Time for a new filter, Ana', recipient: owner.email, class: 'marketing', language: 'en' });
    const tokens = tokensIn(rendered.text);
    // The accessories shop, the filters page and the button (the product page).
    expect(new Set(tokens).size).toBe(3);
    // The preference centre is reached by a link signed for this owner, and never through the tracker.
    const preferences = new RegExp(`Choose what Aqua & Co sends you: ${publicUrl}/o/${world.brand.slug}/contact-preferences/([A-Za-z0-9_-]+)`).exec(rendered.text);
    expect(preferences).not.toBeNull();
    expect((await app.inject({ url: `/o/${world.brand.slug}/contact-preferences/${preferences?.[1]}` })).statusCode).toBe(200);
    expect(rendered.text).not.toContain('shop.example');
    // A bare address still reads as itself; where it leads is the tracker.
    expect(rendered.html).not.toContain('href="https://shop.example');
    expect(rendered.html).toContain('>https://shop.example/filters?size=m</a>');
    expect(tokensIn(rendered.html ?? '').sort()).toEqual([...new Set(tokens)].sort());

    const again = await render(input);
    expect(tokensIn(again.text)).toEqual(tokens);
    const rows = await db.selectFrom('message_links').select(['url', 'campaign', 'template_key', 'channel', 'owner_id']).where('dedupe_key', '=', input.dedupeKey).orderBy('url').execute();
    expect(rows).toEqual([
      { url: `${publicUrl}/o/${world.brand.slug}/products/${owner.ownershipId}`, campaign: 'filter-journey', template_key: key, channel: 'email', owner_id: owner.ownerId },
      { url: 'https://shop.example/accessories?ref=owners', campaign: 'filter-journey', template_key: key, channel: 'email', owner_id: owner.ownerId },
      { url: 'https://shop.example/filters?size=m', campaign: 'filter-journey', template_key: key, channel: 'email', owner_id: owner.ownerId },
    ]);
  });

  it('gives no recipient for a text to an owner without a phone, and refuses a template of the other channel', async () => {
    const { key } = await writeTemplate(app, world, { channel: 'sms', contents: { en: { body: 'Filter at {{ extra.percent }}%: {{ links.accessories }}' } } });
    const withoutPhone = await registerOwner(app, world);
    const text = await render({ templateKey: key, channel: 'sms', ownerId: withoutPhone.ownerId, ownershipId: null, extra: { percent: 9 } });
    expect(text).toMatchObject({ recipient: null, html: null, subject: '' });
    expect(text.text).toMatch(/^Filter at 9%: https:\/\/ox\.example\/c\/[A-Za-z0-9_-]{22}\nReply STOP to opt out\.$/);
    const withPhone = await registerOwner(app, world, { phone: '+14155550123' });
    expect((await render({ templateKey: key, channel: 'sms', ownerId: withPhone.ownerId, ownershipId: null, extra: { percent: 9 } })).recipient).toBe('+14155550123');

    await expect(render({ templateKey: key, channel: 'email', ownerId: withPhone.ownerId, ownershipId: null })).rejects.toMatchObject({ code: 'template_not_renderable', message: expect.stringContaining('written for sms') });
    await expect(render({ templateKey: 'no-such-template', ownerId: withPhone.ownerId, ownershipId: null })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shares a campaign’s links between owners when no message is named', async () => {
    const { key } = await writeTemplate(app, world, { contents: { en: { subject: 'News', body: 'New filters: https://shop.example/new' } } });
    const first = await registerOwner(app, world);
    const second = await registerOwner(app, world);
    const a = await render({ templateKey: key, ownerId: first.ownerId, ownershipId: null, trackingCampaign: 'spring' });
    const b = await render({ templateKey: key, ownerId: second.ownerId, ownershipId: null, trackingCampaign: 'spring' });
    expect(tokensIn(a.text)).toEqual(tokensIn(b.text));
    expect(tokensIn(a.text)).toHaveLength(1);
  });
});

describe('the click tracker', () => {
  it('records a click and redirects with UTM tags; the first click publishes one event about the owner', async () => {
    const { key } = await writeTemplate(app, world);
    const owner = await registerOwner(app, world);
    const dedupeKey = `journey:run-9:step-1:${owner.ownerId}`;
    const rendered = await inBrand(db, world.brand.brandId, async (scope) => {
      const message = await renderTemplateFor(scope, { templateKey: key, channel: 'email', ownerId: owner.ownerId, ownershipId: owner.ownershipId, trackingCampaign: 'filter-journey', dedupeKey, publicUrl });
      await queueMessage(scope, { ownerId: owner.ownerId, channel: 'email', class: 'marketing', template: key, dedupeKey, recipient: message.recipient as string, subject: message.subject, text: message.text, html: message.html });
      return message;
    });
    const link = await db.selectFrom('message_links').select('token').where('dedupe_key', '=', dedupeKey).where('url', '=', 'https://shop.example/filters?size=m').executeTakeFirstOrThrow();
    expect(rendered.text).toContain(`${publicUrl}/c/${link.token}`);

    // A link preview's HEAD is answered but not counted.
    const head = await app.inject({ method: 'HEAD', url: `/c/${link.token}` });
    expect(head.statusCode).toBe(302);
    const click = await app.inject({ url: `/c/${link.token}`, headers: { 'user-agent': 'Mozilla/5.0 (phone)' } });
    expect(click.statusCode).toBe(302);
    expect(click.headers.location).toBe(`https://shop.example/filters?size=m&utm_source=openox&utm_medium=email&utm_campaign=filter-journey&utm_content=${key}`);
    expect(click.headers['cache-control']).toBe('no-store');
    await app.inject({ url: `/c/${link.token}`, headers: { 'user-agent': 'Mozilla/5.0 (phone)' } });

    const clicks = await db.selectFrom('message_clicks as c').innerJoin('message_links as l', 'l.id', 'c.link_id').select(['c.user_agent_hash']).where('l.token', '=', link.token).execute();
    expect(clicks).toHaveLength(2);
    expect(clicks[0]?.user_agent_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(clicks[0]?.user_agent_hash).not.toContain('Mozilla');
    const events = await db.selectFrom('events').select(['type', 'subject_id', 'payload']).where('brand_id', '=', world.brand.brandId).where('type', '=', 'message.link_clicked').where('subject_id', '=', owner.ownerId).execute();
    expect(events).toEqual([{ type: 'message.link_clicked', subject_id: owner.ownerId, payload: expect.objectContaining({ url: 'https://shop.example/filters?size=m', campaign: 'filter-journey', templateKey: key, dedupeKey }) }]);

    // The message the click came from is found by the dedupe key.
    const message = await db.selectFrom('message_links as l').innerJoin('messages as m', (join) => join.onRef('m.brand_id', '=', 'l.brand_id').onRef('m.dedupe_key', '=', 'l.dedupe_key')).select('m.owner_id').where('l.token', '=', link.token).executeTakeFirst();
    expect(message?.owner_id).toBe(owner.ownerId);

    const report = await app.inject({ url: '/api/v1/link-clicks?campaign=filter-journey', headers: bearer(world.brand.keys.marketer) });
    expect(report.json().data).toContainEqual(expect.objectContaining({ templateKey: key, url: 'https://shop.example/filters?size=m', links: expect.any(Number), clicks: 2 }));
  });

  it('answers an unknown token with a friendly page, or the API error to a program', async () => {
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', '../../etc/passwd']) {
      const page = await app.inject({ url: `/c/${encodeURIComponent(token)}`, headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('This link does not work');
    }
    const json = await app.inject({ url: '/c/AAAAAAAAAAAAAAAAAAAAAA', headers: { accept: 'application/json' } });
    expect(json.json().error.code).toBe('not_found');
  });
});
