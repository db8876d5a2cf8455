import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBrand, testDatabase } from '../../test/harness.ts';
import { type TestMailbox, startTestMailbox } from '../../test/smtp.ts';
import type { BrandId } from '../platform/database/tenancy.ts';
import { messagingTasks, smtpTransport } from './deliver.ts';
import { type OutgoingMessage, queueMessage } from './queue-message.ts';

const { db } = testDatabase();
let mailbox: TestMailbox;

beforeAll(async () => {
  mailbox = await startTestMailbox();
});
afterAll(async () => {
  await mailbox.close();
  await db.destroy();
});

/**
 * Queues a message without its delivery job (triggers off for this transaction), so that no worker of
 * another test file, sharing the database, delivers it before this test does.
 */
const queueForThisTest = (brandId: BrandId, message: OutgoingMessage) =>
  db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`select set_config('openox.brand_id', ${brandId}, true), set_config('role', 'openox_app', true)`.execute(trx);
    return queueMessage({ brandId, db: trx }, message);
  });

const helpers = {} as Parameters<ReturnType<typeof messagingTasks>['deliver_message']>[1];
const message = (dedupeKey: string, recipient: string) => ({
  ownerId: null,
  channel: 'email' as const,
  class: 'service' as const,
  template: 'test',
  dedupeKey,
  recipient,
  subject: 'Your kettle is registered',
  text: 'Plain words.',
  html: '<p>Rich words.</p>',
});

describe('deliver_message', () => {
  it('sends a queued email over SMTP once, with its text and HTML parts, from the brand', async () => {
    const brand = await makeBrand(db, 'Mail Brand');
    const id = await queueForThisTest(brand.brandId, message('m-1', 'owner@example.com'));
    const again = await queueForThisTest(brand.brandId, message('m-1', 'owner@example.com'));
    expect(again).toBeNull();

    const { deliver_message: deliver } = messagingTasks(db, smtpTransport(mailbox.url), 'no-reply@openox.test');
    await deliver({ messageId: id }, helpers);
    await deliver({ messageId: id }, helpers);

    const mail = await mailbox.waitFor('owner@example.com');
    expect(mail.subject).toBe('Your kettle is registered');
    expect(mail.text?.trim()).toBe('Plain words.');
    expect(mail.html).toContain('<p>Rich words.</p>');
    expect(mail.from?.value[0]).toEqual({ name: 'Mail Brand', address: 'no-reply@openox.test' });
    expect(mail.messageId).toBe(`<${id}@openox>`);
    expect(mailbox.received.filter((m) => m.messageId === `<${id}@openox>`)).toHaveLength(1);
    const row = await db.selectFrom('messages').select(['status', 'attempts', 'sent_at']).where('id', '=', id as string).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps a message in the outbox, marked logged, when no SMTP server is configured', async () => {
    const brand = await makeBrand(db);
    const id = await queueForThisTest(brand.brandId, message('m-2', 'dev@example.com'));
    await messagingTasks(db, null, 'no-reply@openox.test').deliver_message({ messageId: id }, helpers);
    expect((await db.selectFrom('messages').select('status').where('id', '=', id as string).executeTakeFirstOrThrow()).status).toBe('logged');
  });

  it('records a failed send and throws so the queue retries it', async () => {
    const brand = await makeBrand(db);
    const id = await queueForThisTest(brand.brandId, message('m-3', 'later@example.com'));
    const unreachable = smtpTransport('smtp://127.0.0.1:9');
    await expect(messagingTasks(db, unreachable, 'no-reply@openox.test').deliver_message({ messageId: id }, helpers)).rejects.toThrow();
    const row = await db.selectFrom('messages').select(['status', 'attempts', 'last_error']).where('id', '=', id as string).executeTakeFirstOrThrow();
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/ECONNREFUSED/);
  });
});

describe('a message claimed by one deliverer', () => {
  it('is not sent again by a second one running at the same time', async () => {
    const brand = await makeBrand(db);
    const id = await queueForThisTest(brand.brandId, message('m-4', 'once@example.com'));
    const deliver = messagingTasks(db, smtpTransport(mailbox.url), 'no-reply@openox.test').deliver_message;
    await Promise.all([deliver({ messageId: id }, helpers), deliver({ messageId: id }, helpers)]);
    await mailbox.waitFor('once@example.com');
    expect(mailbox.received.filter((m) => m.messageId === `<${id}@openox>`)).toHaveLength(1);
    expect(await db.selectFrom('messages').select(['status', 'attempts']).where('id', '=', id as string).executeTakeFirstOrThrow()).toEqual({ status: 'sent', attempts: 1 });
  });
});

describe('a message left "sending" by a worker that died', () => {
  const asJobOf = (worker: string) => ({ job: { locked_by: worker } }) as unknown as typeof helpers;

  it('is taken over at once by the worker the queue hands its job to, but not by a call outside the queue', async () => {
    const brand = await makeBrand(db);
    const id = await queueForThisTest(brand.brandId, message('m-5', 'orphan@example.com'));
    await db.updateTable('messages').set({ status: 'sending', claimed_at: new Date(), claimed_by: 'worker-dead' }).where('id', '=', id as string).execute();
    const deliver = messagingTasks(db, smtpTransport(mailbox.url), 'no-reply@openox.test').deliver_message;

    await deliver({ messageId: id }, helpers);
    await deliver({ messageId: id }, asJobOf('worker-dead'));
    expect((await db.selectFrom('messages').select('status').where('id', '=', id as string).executeTakeFirstOrThrow()).status).toBe('sending');

    await deliver({ messageId: id }, asJobOf('worker-alive'));
    expect((await mailbox.waitFor('orphan@example.com')).messageId).toBe(`<${id}@openox>`);
    expect(await db.selectFrom('messages').select(['status', 'claimed_by']).where('id', '=', id as string).executeTakeFirstOrThrow()).toEqual({ status: 'sent', claimed_by: 'worker-alive' });
  });
});
