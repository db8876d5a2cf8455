import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBrand, testDatabase } from '../../test/harness.ts';
import { type TestMailbox, startTestMailbox } from '../../test/smtp.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import { messagingTasks, smtpTransport } from './deliver.ts';
import { queueMessage } from './queue-message.ts';

const { db } = testDatabase();
let mailbox: TestMailbox;

beforeAll(async () => {
  mailbox = await startTestMailbox();
});
afterAll(async () => {
  await mailbox.close();
  await db.destroy();
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
    const id = await inBrand(db, brand.brandId, (scope) => queueMessage(scope, message('m-1', 'owner@example.com')));
    const again = await inBrand(db, brand.brandId, (scope) => queueMessage(scope, message('m-1', 'owner@example.com')));
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
    const id = await inBrand(db, brand.brandId, (scope) => queueMessage(scope, message('m-2', 'dev@example.com')));
    await messagingTasks(db, null, 'no-reply@openox.test').deliver_message({ messageId: id }, helpers);
    expect((await db.selectFrom('messages').select('status').where('id', '=', id as string).executeTakeFirstOrThrow()).status).toBe('logged');
  });

  it('records a failed send and throws so the queue retries it', async () => {
    const brand = await makeBrand(db);
    const id = await inBrand(db, brand.brandId, (scope) => queueMessage(scope, message('m-3', 'later@example.com')));
    const unreachable = smtpTransport('smtp://127.0.0.1:9');
    await expect(messagingTasks(db, unreachable, 'no-reply@openox.test').deliver_message({ messageId: id }, helpers)).rejects.toThrow();
    const row = await db.selectFrom('messages').select(['status', 'attempts', 'last_error']).where('id', '=', id as string).executeTakeFirstOrThrow();
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/ECONNREFUSED/);
  });
});
