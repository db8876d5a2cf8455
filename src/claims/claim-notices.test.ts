import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { type TestMailbox, startTestMailbox } from '../../test/smtp.ts';
import type { Actor } from '../access/principal.ts';
import { messagingTasks, smtpTransport } from '../messaging/deliver.ts';
import { suppress } from '../messaging/suppressions.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import type { App } from '../platform/http/server.ts';
import { type ClaimWorld, claimWorld, ownedProduct } from './claim-fixtures.ts';
import { transitionClaim } from './claim-transitions.ts';

const { db } = testDatabase();
let app: App;
let world: ClaimWorld;
let mailbox: TestMailbox;

beforeAll(async () => {
  [app, mailbox] = await Promise.all([testApp(db), startTestMailbox()]);
  world = await claimWorld(app, db, 'Notice Brand');
});
afterAll(async () => {
  await Promise.all([app.close(), mailbox.close()]);
  await db.destroy();
});

const agent: Actor = { type: 'staff', id: null, label: 'Agent Smith', requestId: null };
const helpers = {} as Parameters<ReturnType<typeof messagingTasks>['deliver_message']>[1];
const deliver = messagingTasks(db, null, 'claims@openox.test').deliver_message;

/**
 * Runs a claim change with triggers off, so its messages get no delivery job: no worker of another
 * test file can deliver them before this test does (see messaging/deliver.test.ts).
 */
const withoutDeliveryJobs = <T>(work: (scope: BrandScope) => Promise<T>) =>
  db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`select set_config('openox.brand_id', ${world.brand.brandId}, true), set_config('role', 'openox_app', true)`.execute(trx);
    return work({ brandId: world.brand.brandId, db: trx });
  });

async function claimFor(options: Parameters<typeof ownedProduct>[2], contactChannels: string[]) {
  const product = await ownedProduct(app, world, options);
  const filed = await app.inject({ method: 'POST', url: '/api/v1/claims', headers: bearer(world.brand.keys.agent), payload: { ownershipId: product.ownershipId, problemCategory: 'noise', description: 'Rattles.', contactChannels } });
  expect(filed.statusCode).toBe(201);
  return { ...product, claim: filed.json() as { id: string; number: string } };
}

const messagesOfLatestTransition = async (claimId: string) => {
  const latest = await db.selectFrom('claim_transitions').select('id').where('claim_id', '=', claimId).orderBy('at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return db.selectFrom('messages').selectAll().where('dedupe_key', 'like', `claim:${claimId}:transition:${latest.id}:%`).orderBy('channel').execute();
};

describe("the owner's notice of a status change", () => {
  it('goes out once by email over SMTP, with a link that signs in to the claim, and by text when the owner chose texts', async () => {
    const { claim, email } = await claimFor({ phone: '+14155550199' }, ['email', 'sms']);
    await withoutDeliveryJobs((scope) => transitionClaim(scope, agent, claim.id, { to: 'in_review' }, { publicUrl: 'https://owners.example' }));
    const [mail, text] = await messagesOfLatestTransition(claim.id);
    expect(mail).toMatchObject({ channel: 'email', class: 'service', recipient: email, template: 'claim_in_review' });
    expect(text).toMatchObject({ channel: 'sms', class: 'service', recipient: '+14155550199' });
    expect(text?.body_text).toBe(`Notice Brand: Claim ${claim.number}: Being reviewed. https://owners.example/o/${world.brand.slug}/claims/${claim.number}`);

    const smtp = messagingTasks(db, smtpTransport(mailbox.url), 'claims@openox.test').deliver_message;
    await smtp({ messageId: mail?.id }, helpers);
    await smtp({ messageId: mail?.id }, helpers);
    const received = await mailbox.waitFor(email);
    expect(received.subject).toBe(`Claim ${claim.number}: Being reviewed`);
    expect(received.text).toContain(`We are reviewing your claim ${claim.number} about your Uno Kettle.`);
    expect(received.text).toMatch(new RegExp(`https://owners\\.example/o/${world.brand.slug}/sign-in/[A-Za-z0-9_-]+\\?next=%2Fclaims%2F${claim.number}`));
    expect(received.html).toContain(`See claim ${claim.number}`);
    expect(mailbox.received.filter((m) => m.messageId === `<${mail?.id}@openox>`)).toHaveLength(1);

    await deliver({ messageId: text?.id }, helpers);
    expect((await db.selectFrom('messages').select('status').where('id', '=', text?.id as string).executeTakeFirstOrThrow()).status).toBe('logged');
  });

  it('is written in the owner’s language, with the reason they are asked for', async () => {
    const { claim } = await claimFor({ language: 'es' }, ['email']);
    await withoutDeliveryJobs((scope) => transitionClaim(scope, agent, claim.id, { to: 'needs_info', reason: 'Una foto de la etiqueta, por favor.' }, { publicUrl: 'https://owners.example' }));
    const [mail] = await messagesOfLatestTransition(claim.id);
    expect(mail?.subject).toBe(`Reclamación ${claim.number}: Esperando su respuesta`);
    expect(mail?.body_text).toContain('Una foto de la etiqueta, por favor.');
  });

  it('is not sent to a channel the owner opted out of, while the other still gets it', async () => {
    const { claim, email } = await claimFor({ phone: '+14155550177' }, ['email', 'sms']);
    await inBrand(db, world.brand.brandId, (scope) => suppress(scope, 'email', email.toUpperCase(), 'opted_out'));
    await withoutDeliveryJobs((scope) => transitionClaim(scope, agent, claim.id, { to: 'in_review' }, { publicUrl: 'https://owners.example' }));
    const [mail, text] = await messagesOfLatestTransition(claim.id);
    const smtp = messagingTasks(db, smtpTransport(mailbox.url), 'claims@openox.test').deliver_message;
    await smtp({ messageId: mail?.id }, helpers);
    await smtp({ messageId: text?.id }, helpers);
    const statuses = await db.selectFrom('messages').select(['channel', 'status']).where('id', 'in', [mail?.id as string, text?.id as string]).orderBy('channel').execute();
    expect(statuses).toEqual([{ channel: 'email', status: 'suppressed' }, { channel: 'sms', status: 'logged' }]);
    expect(mailbox.received.filter((m) => m.messageId === `<${mail?.id}@openox>`)).toHaveLength(0);
  });
});
