import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrand, bearer, makeBrand, testApp, testDatabase } from '../../test/harness.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';

const { db } = testDatabase();
let app: App;
let brand: TestBrand;
let other: TestBrand;
const ids = { ann: '', ben: '', welcome: '', code: '', offer: '', othersMessage: '' };

beforeAll(async () => {
  app = await testApp(db);
  [brand, other] = [await makeBrand(db, 'Outbox brand'), await makeBrand(db, 'Other brand')];
  await inBrand(db, brand.brandId, async (scope) => {
    ids.ann = await addOwner(scope, 'Ann', 'ann@example.test');
    ids.ben = await addOwner(scope, 'Ben', 'ben@example.test');
    ids.welcome = await addMessage(scope, {
      owner_id: ids.ann, channel: 'email', class: 'service', template: 'registration_confirmed', recipient: 'ann@example.test',
      subject: 'Welcome', body_text: 'Thanks for registering.', body_html: '<p>Thanks for <b>registering</b>.</p>', status: 'sent', attempts: 1, sent_at: new Date('2025-03-01T10:00:05Z'),
    });
    ids.code = await addMessage(scope, {
      owner_id: ids.ben, channel: 'sms', class: 'service', template: 'sign_in_code', recipient: '+14155550132',
      body_text: 'Your code is 123456', status: 'failed', attempts: 3, last_error: 'provider answered 503',
    });
    ids.offer = await addMessage(scope, {
      owner_id: ids.ann, channel: 'email', class: 'marketing', template: 'filter_offer', recipient: 'ann@example.test', subject: 'Time for a new filter', body_text: '20% off',
      // Not left queued: a job worker running for another test file would deliver it and change its status.
      status: 'logged',
    });
  });
  await inBrand(db, other.brandId, async (scope) => {
    ids.othersMessage = await addMessage(scope, { owner_id: null, channel: 'email', class: 'safety', template: 'recall', recipient: 'x@example.test', body_text: 'Recall' });
  });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

async function addOwner(scope: BrandScope, name: string, email: string): Promise<string> {
  return (await scope.db.insertInto('owners').values({ brand_id: scope.brandId, name, email }).returning('id').executeTakeFirstOrThrow()).id;
}

type MessageSeed = {
  owner_id: string | null; channel: 'email' | 'sms'; class: 'safety' | 'service' | 'marketing'; template: string; recipient: string; body_text: string;
  subject?: string; body_html?: string; status?: 'sent' | 'failed' | 'logged'; attempts?: number; last_error?: string; sent_at?: Date;
};
async function addMessage(scope: BrandScope, message: MessageSeed): Promise<string> {
  const row = await scope.db
    .insertInto('messages')
    .values({ brand_id: scope.brandId, dedupe_key: `${message.template}:${Math.random()}`, ...message })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const get = (url: string, key = brand.keys.agent) => app.inject({ url, headers: bearer(key) });

describe('the outbox', () => {
  it('lists messages newest first without their bodies', async () => {
    const response = await get('/api/v1/messages');
    expect(response.statusCode).toBe(200);
    const { data, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    expect(data.map((m: { id: string }) => m.id)).toEqual([ids.offer, ids.code, ids.welcome]);
    expect(data[1]).toEqual({
      id: ids.code, ownerId: ids.ben, channel: 'sms', class: 'service', template: 'sign_in_code', recipient: '+14155550132',
      subject: '', status: 'failed', attempts: 3, lastError: 'provider answered 503', createdAt: expect.any(String), sentAt: null,
      statusReason: null, holdUntil: null, expiresAt: null,
    });
    expect(data[0].status).toBe('logged');
    expect(data[0]).not.toHaveProperty('bodyText');
  });

  it("narrows to one owner's messages, page by page", async () => {
    const first = (await get(`/api/v1/messages?ownerId=${ids.ann}&limit=1`)).json();
    expect(first.data.map((m: { id: string }) => m.id)).toEqual([ids.offer]);
    const second = (await get(`/api/v1/messages?ownerId=${ids.ann}&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ data: [{ id: ids.welcome }], nextCursor: null });
  });

  it('shows one message with its text and HTML', async () => {
    const response = await get(`/api/v1/messages/${ids.welcome}`, brand.keys.marketer);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: ids.welcome, subject: 'Welcome', bodyText: 'Thanks for registering.', bodyHtml: '<p>Thanks for <b>registering</b>.</p>', sentAt: '2025-03-01T10:00:05.000Z',
    });
    expect((await get(`/api/v1/messages/${ids.code}`)).json()).toMatchObject({ bodyText: 'Your code is 123456', bodyHtml: null });
  });

  it("is closed to analysts and to other brands", async () => {
    expect((await get('/api/v1/messages', brand.keys.analyst)).statusCode).toBe(403);
    expect((await get(`/api/v1/messages/${ids.welcome}`, brand.keys.analyst)).statusCode).toBe(403);
    const foreign = await get(`/api/v1/messages/${ids.othersMessage}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
    expect((await get('/api/v1/messages', other.keys.admin)).json().data.map((m: { id: string }) => m.id)).toEqual([ids.othersMessage]);
  });
});
