import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../../test/harness.ts';
import { inBrand } from '../../platform/database/tenancy.ts';
import type { App } from '../../platform/http/server.ts';
import { type TemplateWorld, registerOwner, templateWorld, writeTemplate } from './template-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: TemplateWorld;

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, key = world.brand.keys.marketer) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: bearer(key) });

const content = { subject: 'Hello {{ owner.firstName }}', body: 'Hi from {{ brand.name }}.' };

beforeAll(async () => {
  app = await testApp(db, { OPENOX_PUBLIC_URL: 'https://ox.example' });
  world = await templateWorld(app, db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('templates', () => {
  it('are written per language, read back with the default language first, listed and audited', async () => {
    const { key } = await writeTemplate(app, world, { defaultLanguage: 'es' });
    const read = await call('GET', `/api/v1/templates/${key}`, undefined, world.brand.keys.agent);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ key, name: 'Filter reminder', channel: 'email', class: 'marketing', defaultLanguage: 'es', languages: ['es', 'en'] });
    expect(read.json().contents.map((c: { language: string }) => c.language)).toEqual(['es', 'en']);
    expect(read.json().contents[1]).toMatchObject({ buttonLabel: 'See my jug', buttonUrl: '{{ links.productPage }}' });

    const list = await call('GET', '/api/v1/templates?channel=email');
    expect(list.json().data.find((t: { key: string }) => t.key === key)).toMatchObject({ languages: ['en', 'es'] });
    expect((await call('GET', '/api/v1/templates?channel=sms')).json().data.map((t: { key: string }) => t.key)).not.toContain(key);

    const audit = await db.selectFrom('audit_log').select(['action', 'changes']).where('subject_id', '=', read.json().id).execute();
    expect(audit).toEqual([{ action: 'template.created', changes: expect.objectContaining({ key, languages: ['en', 'es'] }) }]);
  });

  it('refuse unknown variables and broken Liquid with a 400 naming the field and the line', async () => {
    const unknown = await call('POST', '/api/v1/templates', {
      key: 'broken-one',
      name: 'Broken',
      channel: 'email',
      class: 'service',
      contents: { en: content, es: { subject: 'Hola', body: 'Hola\n{{ ownr.name }}' } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'validation_failed',
      message: 'contents.es.body: line 2, column 4: unknown variable ownr.name. Did you mean owner.name?',
      details: [{ path: 'body.contents.es.body', message: expect.stringContaining('line 2') }],
    });

    const syntax = await call('POST', '/api/v1/templates', { key: 'broken-two', name: 'Broken', channel: 'email', class: 'service', contents: { en: { ...content, subject: 'Hi {% if owner.name %}' } } });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error.details).toEqual([{ path: 'body.contents.en.subject', message: expect.stringMatching(/^line 1, column 4: .*if/) }]);

    const noDefault = await call('POST', '/api/v1/templates', { key: 'broken-three', name: 'Broken', channel: 'email', class: 'service', defaultLanguage: 'es', contents: { en: content } });
    expect(noDefault.statusCode).toBe(400);
    expect(noDefault.json().error.message).toContain('default language (es)');

    const smsWithSubject = await call('POST', '/api/v1/templates', { key: 'broken-four', name: 'Broken', channel: 'sms', class: 'service', contents: { en: content } });
    expect(smsWithSubject.json().error.details).toEqual([{ path: 'body.contents.en.subject', message: 'A text message has no subject; leave it empty.' }]);

    expect((await call('POST', '/api/v1/templates', { key: 'Bad Key', name: 'x', channel: 'email', class: 'service', contents: { en: content } })).statusCode).toBe(400);
    const names = await db.selectFrom('message_templates').select('key').where('brand_id', '=', world.brand.brandId).where('key', 'like', 'broken-%').execute();
    expect(names).toEqual([]);
  });

  it('have one key per brand, and only admins and marketers write them', async () => {
    const body = { key: 'welcome', name: 'Welcome', channel: 'email', class: 'marketing', contents: { en: content } };
    expect((await call('POST', '/api/v1/templates', body)).statusCode).toBe(201);
    const again = await call('POST', '/api/v1/templates', body, world.brand.keys.admin);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('"welcome"');
    expect((await call('POST', '/api/v1/templates', { ...body, key: 'other' }, world.brand.keys.agent)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/templates', undefined, world.brand.keys.analyst)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/templates' })).statusCode).toBe(401);
  });

  it('are changed per language; the default language cannot be removed; deleted ones are gone', async () => {
    const { key } = await writeTemplate(app, world);
    const changed = await call('PATCH', `/api/v1/templates/${key}`, { name: 'Filter nudge', contents: { es: null, 'pt-BR': { subject: 'Olá {{ owner.firstName }}', body: 'Oi' } } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Filter nudge', languages: ['en', 'pt-BR'] });

    const removeDefault = await call('PATCH', `/api/v1/templates/${key}`, { contents: { en: null } });
    expect(removeDefault.statusCode).toBe(400);
    expect(removeDefault.json().error.message).toContain('default language (en)');
    const badEdit = await call('PATCH', `/api/v1/templates/${key}`, { contents: { en: { subject: 'x', body: '{{ product.nmae }}' } } });
    expect(badEdit.json().error.details).toEqual([{ path: 'body.contents.en.body', message: expect.stringContaining('Did you mean product.name?') }]);

    const audit = await db.selectFrom('audit_log').select('changes').where('subject_id', '=', changed.json().id).where('action', '=', 'template.updated').execute();
    expect(audit).toHaveLength(1);
    expect(Object.keys(audit[0]?.changes as object).sort()).toEqual(['contents.es', 'contents.pt-BR', 'name']);

    expect((await call('DELETE', `/api/v1/templates/${key}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/templates/${key}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/templates/${key}`)).json().error.message).toContain(`"${key}"`);
  });

  it('are not removed while a journey sends them, and the refusal names the journeys and versions', async () => {
    const { key: used } = await writeTemplate(app, world);
    const { key: replacement } = await writeTemplate(app, world);
    const definition = (template: string) => ({ trigger: { kind: 'event', event: 'ownership.registered' }, steps: [{ id: 'say', type: 'send', channel: 'email', template }] });
    const journey = await call('POST', '/api/v1/journeys', { name: 'Filter series', definition: definition(used) });
    expect(journey.statusCode, journey.body).toBe(201);
    const journeyId = journey.json().id as string;

    const byCurrent = await call('DELETE', `/api/v1/templates/${used}`);
    expect(byCurrent.statusCode).toBe(409);
    expect(byCurrent.json().error).toMatchObject({
      code: 'template_in_use',
      message: 'Journeys still send this template: "Filter series" (v1, current). Make their send steps use another template, then remove it.',
      details: { journeys: [{ id: journeyId, name: 'Filter series', versions: [{ version: 1, current: true, ownersInside: 0 }] }] },
    });

    // v2 sends another template, but an owner who entered v1 is still inside: v1 must still find it.
    expect((await call('PUT', `/api/v1/journeys/${journeyId}`, { name: 'Filter series', definition: definition(replacement) })).statusCode).toBe(200);
    const owner = await registerOwner(app, world);
    await inBrand(db, world.brand.brandId, (scope) =>
      sql`insert into journey_runs (brand_id, journey_id, journey_version_id, owner_id, entry_key, status, step_id)
          select v.brand_id, v.journey_id, v.id, ${owner.ownerId}, 'still-inside', 'active', 'say'
          from journey_versions v where v.journey_id = ${journeyId} and v.version = 1`.execute(scope.db));
    const byOlder = await call('DELETE', `/api/v1/templates/${used}`);
    expect(byOlder.statusCode).toBe(409);
    expect(byOlder.json().error.message).toBe(
      'Journeys still send this template: "Filter series" (v1, 1 owner still inside). Make their send steps use another template and let the owners on older versions finish, then remove it.',
    );
    expect((await call('DELETE', `/api/v1/templates/${replacement}`)).json().error.details.journeys[0].versions).toEqual([{ version: 2, current: true, ownersInside: 0 }]);

    // Once the last owner on v1 has finished, nothing sends it any more.
    await inBrand(db, world.brand.brandId, (scope) => scope.db.updateTable('journey_runs').set({ status: 'completed', ended_at: new Date() }).where('journey_id', '=', journeyId).execute());
    expect((await call('DELETE', `/api/v1/templates/${used}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/templates/${used}`)).statusCode).toBe(404);
  });

  it('list the variables a template may use', async () => {
    const variables = (await call('GET', '/api/v1/template-variables')).json().data;
    expect(variables).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'coverage.until' }), expect.objectContaining({ path: 'links.preferences' })]));
  });
});

describe('previewing a template', () => {
  it('renders it for a real owner and product, in their language, without sending or tracking anything', async () => {
    const { key } = await writeTemplate(app, world);
    const owner = await registerOwner(app, world, { name: 'Lucía Pérez', language: 'es' });
    const preview = await call('POST', `/api/v1/templates/${key}/preview`, { ownerId: owner.ownerId });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      subject: 'Hora de cambiar el filtro, Lucía',
      language: 'es',
      recipient: owner.email,
      class: 'marketing',
      ownershipId: owner.ownershipId,
    });
    // Bought 2025-03-14 with 24 months of parts cover.
    expect(preview.json().text).toContain('Tu Pure Jug está cubierto hasta el 14 de marzo de 2027.');
    expect(preview.json().html).toContain('<html lang="es"');

    const english = await call('POST', `/api/v1/templates/${key}/preview`, { ownerId: owner.ownerId, ownershipId: owner.ownershipId, language: 'en' });
    expect(english.json().language).toBe('en');
    expect(english.json().html).toContain(`href="https://ox.example/o/${world.brand.slug}/products/${owner.ownershipId}"`);
    expect(english.json().text).toContain('shop (https://shop.example/accessories?ref=owners)');

    const messages = await db.selectFrom('messages').select('id').where('owner_id', '=', owner.ownerId).execute();
    const links = await db.selectFrom('message_links').select('id').where('owner_id', '=', owner.ownerId).execute();
    expect([messages, links]).toEqual([[], []]);
  });

  it("falls back to the template's default language when the owner's has no content", async () => {
    const { key } = await writeTemplate(app, world);
    const owner = await registerOwner(app, world);
    await inBrand(db, world.brand.brandId, (scope) => scope.db.updateTable('owners').set({ language: 'de' }).where('id', '=', owner.ownerId).execute());
    const preview = await call('POST', `/api/v1/templates/${key}/preview`, { ownerId: owner.ownerId });
    expect(preview.json()).toMatchObject({ language: 'en', subject: 'Time for a new filter, Ana' });
  });

  it('previews a draft before it is saved, checked as a save would be', async () => {
    const { key } = await writeTemplate(app, world);
    const owner = await registerOwner(app, world);
    const draft = await call('POST', `/api/v1/templates/${key}/preview`, { ownerId: owner.ownerId, content: { subject: 'Draft for {{ owner.name }}', body: 'Serial {{ ownership.serial }}' } });
    expect(draft.json()).toMatchObject({ subject: 'Draft for Ana García', text: expect.stringContaining(`Serial ${owner.serial}`) });
    const broken = await call('POST', `/api/v1/templates/${key}/preview`, { ownerId: owner.ownerId, content: { subject: 'x', body: 'a\nb\n{{ owner.nam }}' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details).toEqual([{ path: 'body.content.body', message: expect.stringMatching(/^line 3, column 4: unknown variable owner.nam/) }]);
  });

  it('says what is missing when the template needs a product the owner does not have', async () => {
    const { key } = await writeTemplate(app, world);
    const owner = await registerOwner(app, world);
    const none = await call('POST', `/api/v1/templates/${key}/preview`, { ownerId: owner.ownerId, ownershipId: null });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({ code: 'template_not_renderable', message: expect.stringContaining('product.name') });
    const stranger = await call('POST', `/api/v1/templates/${key}/preview`, { ownerId: '0190a5d2-0000-7000-8000-000000000000' });
    expect(stranger.statusCode).toBe(404);
  });
});
