import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBrand, testDatabase } from '../../test/harness.ts';
import { type TestMailbox, startTestMailbox } from '../../test/smtp.ts';
import { type BrandId, inBrand } from '../platform/database/tenancy.ts';
import { messagingTasks, smtpTransport } from './deliver.ts';
import { type OutgoingMessage, queueMessage } from './queue-message.ts';
import { liftOptOut, suppress, suppressionsOf } from './suppressions.ts';
import type { MessageClass } from './tables.ts';

const { db } = testDatabase();
let mailbox: TestMailbox;

beforeAll(async () => {
  mailbox = await startTestMailbox();
});
afterAll(async () => {
  await mailbox.close();
  await db.destroy();
});

// Without its delivery job (see deliver.test.ts): no other test file's worker may deliver it first.
const queueForThisTest = (brandId: BrandId, message: OutgoingMessage) =>
  db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`select set_config('openox.brand_id', ${brandId}, true), set_config('role', 'openox_app', true)`.execute(trx);
    return (await queueMessage({ brandId, db: trx }, message)) as string;
  });

const helpers = {} as Parameters<ReturnType<typeof messagingTasks>['deliver_message']>[1];
const email = (dedupeKey: string, recipient: string, messageClass: MessageClass): OutgoingMessage => ({
  ownerId: null,
  channel: 'email',
  class: messageClass,
  template: 'test',
  dedupeKey,
  recipient,
  subject: `A ${messageClass} message`,
  text: 'Words.',
  html: null,
});
const statusOf = async (id: string) => (await db.selectFrom('messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('a recipient who opted out of a channel', () => {
  it('gets no service or marketing message on it, but still gets safety notices', async () => {
    const brand = await makeBrand(db, 'Quiet Brand');
    await inBrand(db, brand.brandId, (scope) => suppress(scope, 'email', 'Quiet@Example.com', 'opted_out'));
    const deliver = messagingTasks(db, smtpTransport(mailbox.url), 'no-reply@openox.test').deliver_message;

    const service = await queueForThisTest(brand.brandId, email('s-1', 'quiet@example.com', 'service'));
    const marketing = await queueForThisTest(brand.brandId, email('s-2', 'quiet@example.com', 'marketing'));
    const safety = await queueForThisTest(brand.brandId, email('s-3', 'quiet@example.com', 'safety'));
    for (const id of [service, marketing, safety]) await deliver({ messageId: id }, helpers);

    expect(await statusOf(service)).toBe('suppressed');
    expect(await statusOf(marketing)).toBe('suppressed');
    expect(await statusOf(safety)).toBe('sent');
    const safetyMail = await mailbox.waitFor('quiet@example.com');
    expect(safetyMail.subject).toBe('A safety message');
    expect(mailbox.received.filter((mail) => mail.subject === 'A service message' || mail.subject === 'A marketing message')).toHaveLength(0);
  });

  it('is suppressed only for the brand they told, and hears again once they lift the opt-out', async () => {
    const told = await makeBrand(db);
    const other = await makeBrand(db);
    await inBrand(db, told.brandId, (scope) => suppress(scope, 'email', 'both@example.com', 'opted_out'));
    const deliver = messagingTasks(db, null, 'no-reply@openox.test').deliver_message;

    const otherBrands = await queueForThisTest(other.brandId, email('o-1', 'both@example.com', 'service'));
    await deliver({ messageId: otherBrands }, helpers);
    expect(await statusOf(otherBrands)).toBe('logged');

    await inBrand(db, told.brandId, (scope) => liftOptOut(scope, 'email', 'both@example.com'));
    const afterLifting = await queueForThisTest(told.brandId, email('o-2', 'both@example.com', 'service'));
    await deliver({ messageId: afterLifting }, helpers);
    expect(await statusOf(afterLifting)).toBe('logged');
  });

  it('cannot lift a bounce by opting in again', async () => {
    const brand = await makeBrand(db);
    await inBrand(db, brand.brandId, async (scope) => {
      await suppress(scope, 'email', 'gone@example.com', 'bounced');
      await suppress(scope, 'email', 'gone@example.com', 'opted_out');
      await liftOptOut(scope, 'email', 'gone@example.com');
    });
    expect(await inBrand(db, brand.brandId, (scope) => suppressionsOf(scope, { email: 'gone@example.com', phone: null }))).toEqual({ email: 'bounced' });
  });
});
