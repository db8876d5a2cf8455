import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { tinyPng } from '../../test/multipart.ts';
import type { App } from '../platform/http/server.ts';
import { type ClaimWorld, browserForm, claimWorld, ownedProduct, ownerCookie } from './claim-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: ClaimWorld;

beforeAll(async () => {
  app = await testApp(db);
  world = await claimWorld(app, db, 'Hogar Dos');
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const site = (path: string) => `/o/${world.brand.slug}${path}`;
const submissionIdOf = (html: string) => /name="submission_id" value="([^"]+)"/.exec(html)?.[1] as string;
const photo = (filename: string, content: Buffer = tinyPng) => ({ field: 'photos', filename, contentType: 'image/png', content });
const post = (path: string, cookie: string, form: ReturnType<typeof browserForm>) =>
  app.inject({ method: 'POST', url: site(path), payload: form.payload, headers: { ...form.headers, cookie } });
const claimsOf = (ownershipId: string) => db.selectFrom('claims').selectAll().where('ownership_id', '=', ownershipId).execute();
const mainOf = (html: string) => /<main[^>]*>.*<\/main>/s.exec(html)?.[0];
const filesOf = async () => (await db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).where('brand_id', '=', world.brand.brandId).executeTakeFirstOrThrow()).n;

async function signedInOwner(options: Parameters<typeof ownedProduct>[2] = {}) {
  const product = await ownedProduct(app, world, options);
  return { ...product, cookie: await ownerCookie(db, world, product.ownerId) };
}

describe('an owner files a claim from their phone', () => {
  it('sees product, owner and warranty filled in, picks a problem, adds photos, and lands on the claim', async () => {
    const owner = await signedInOwner({ phone: '+14155550132' });
    const form = await app.inject({ url: site(`/products/${owner.ownershipId}/claim`), headers: { cookie: owner.cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Uno Kettle');
    expect(form.body).toContain(owner.email);
    expect(form.body).toContain('Parts covered until');
    expect(form.body).toContain('It leaks');
    expect(form.body).toContain('name="phone" value="+14155550132"');

    const submissionId = submissionIdOf(form.body);
    const fields = [['submission_id', submissionId], ['problem', 'leak'], ['description', 'Water under the base.'], ['contact', 'email'], ['contact', 'sms'], ['phone', '+14155550132']] as const;
    const sent = await post(`/products/${owner.ownershipId}/claim`, owner.cookie, browserForm(fields, [photo('front.png'), photo('label.png')]));
    expect(sent.statusCode).toBe(303);
    const [claim] = await claimsOf(owner.ownershipId);
    expect(sent.headers.location).toBe(site(`/claims/${claim?.number}?done=filed`));
    expect(claim).toMatchObject({ status: 'submitted', problem_category: 'leak', contact_channels: ['email', 'sms'], contact_phone: '+14155550132', source: 'owner_page', created_by_type: 'owner' });
    const attachments = await db.selectFrom('claim_attachments').select(['visibility', 'added_by_type']).where('claim_id', '=', claim?.id as string).execute();
    expect(attachments).toEqual([{ visibility: 'owner', added_by_type: 'owner' }, { visibility: 'owner', added_by_type: 'owner' }]);
    const notices = await db.selectFrom('messages').select(['channel', 'recipient']).where('dedupe_key', 'like', `claim:${claim?.id}:%`).orderBy('channel').execute();
    expect(notices).toEqual([{ channel: 'email', recipient: owner.email }, { channel: 'sms', recipient: '+14155550132' }]);

    const page = await app.inject({ url: sent.headers.location as string, headers: { cookie: owner.cookie } });
    expect(page.body).toContain(`We received your claim. Its number is ${claim?.number}`);
    expect(page.body).toContain('Received');
    expect(page.body).toContain('front.png');
    const list = await app.inject({ url: site('/claims'), headers: { cookie: owner.cookie } });
    expect(list.body).toContain(`Claim ${claim?.number}`);

    // Sending the same form again (a double tap, a retry on a bad network) files nothing new.
    const again = await post(`/products/${owner.ownershipId}/claim`, owner.cookie, browserForm(fields, [photo('front.png')]));
    expect(again.headers.location).toBe(sent.headers.location);
    expect(await claimsOf(owner.ownershipId)).toHaveLength(1);
  });

  it('shows what to fix next to each field, announced, keeping what was typed', async () => {
    const owner = await signedInOwner();
    const form = await app.inject({ url: site(`/products/${owner.ownershipId}/claim`), headers: { cookie: owner.cookie } });
    const fields = [['submission_id', submissionIdOf(form.body)], ['description', 'It makes a grinding sound.'], ['contact', 'phone'], ['video_url', 'not a link']] as const;
    const refused = await post(`/products/${owner.ownershipId}/claim`, owner.cookie, browserForm(fields));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('role="alert"');
    expect(refused.body).toContain('Choose what is wrong.');
    expect(refused.body).toContain('Enter your mobile number to get texts or calls');
    expect(refused.body).toContain('Enter the video&#x27;s web address');
    expect(refused.body).toContain('>It makes a grinding sound.</textarea>');
    expect(refused.body).toContain('name="video_url" value="not a link"');
    expect(refused.body).toMatch(/id="contact-phone" name="contact" checked=""/);
    expect(await claimsOf(owner.ownershipId)).toHaveLength(0);
  });

  it('refuses a disguised or oversized photo clearly and keeps nothing', async () => {
    const owner = await signedInOwner();
    const filesBefore = await filesOf();
    const fields = [['problem', 'leak'], ['description', 'Cracked lid.'], ['contact', 'email']] as const;
    const disguised = await post(`/products/${owner.ownershipId}/claim`, owner.cookie, browserForm(fields, [photo('ok.png'), photo('lid.png', Buffer.from('%PDF-1.4 not a photo at all'))]));
    expect(disguised.statusCode).toBe(422);
    expect(disguised.body).toContain('lid.png is not a photo we can take');
    expect(disguised.body).toContain('>Cracked lid.</textarea>');
    const oversized = await post(`/products/${owner.ownershipId}/claim`, owner.cookie, browserForm(fields, [photo('huge.png', Buffer.concat([tinyPng, Buffer.alloc(10 * 1024 * 1024)]))]));
    expect(oversized.statusCode).toBe(422);
    expect(oversized.body).toContain('The photo huge.png is too large');
    expect(await claimsOf(owner.ownershipId)).toHaveLength(0);
    expect(await filesOf()).toBe(filesBefore);
  });

  it("answers a claim on someone else's product as if it did not exist", async () => {
    const owner = await signedInOwner();
    const stranger = await ownedProduct(app, world);
    const looked = await app.inject({ url: site(`/products/${stranger.ownershipId}/claim`), headers: { cookie: owner.cookie } });
    expect(looked.statusCode).toBe(404);
    const fields = [['problem', 'leak'], ['description', 'Not mine.'], ['contact', 'email']] as const;
    const sent = await post(`/products/${stranger.ownershipId}/claim`, owner.cookie, browserForm(fields));
    expect(sent.statusCode).toBe(404);
    expect(mainOf(sent.body)).toBe(mainOf(looked.body));
    expect(mainOf((await app.inject({ url: site('/products/not-an-id/claim'), headers: { cookie: owner.cookie } })).body)).toBe(mainOf(looked.body));
    expect(mainOf(looked.body)).toContain('We could not find this product among yours.');
    expect(await claimsOf(stranger.ownershipId)).toHaveLength(0);
  });

  it('sends a signed-out browser to sign in', async () => {
    const product = await ownedProduct(app, world);
    const response = await app.inject({ url: site(`/products/${product.ownershipId}/claim`) });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(site('/sign-in'));
  });

  it('speaks Spanish', async () => {
    const owner = await signedInOwner();
    const form = await app.inject({ url: site(`/products/${owner.ownershipId}/claim?lang=es`), headers: { cookie: owner.cookie } });
    expect(form.body).toContain('Informar de un problema');
    expect(form.body).toContain('Tiene una fuga');
  });
});

describe('an owner follows their claim', () => {
  async function filedClaim() {
    const owner = await signedInOwner();
    const fields = [['problem', 'noise'], ['description', 'Rattles.'], ['contact', 'email']] as const;
    await post(`/products/${owner.ownershipId}/claim`, owner.cookie, browserForm(fields, [photo('rattle.png')]));
    const [claim] = await claimsOf(owner.ownershipId);
    return { owner, claim: claim as NonNullable<typeof claim> };
  }

  it('answers a request for information, which puts the claim back in review, and sees the agent’s status change', async () => {
    const { owner, claim } = await filedClaim();
    await app.inject({ method: 'POST', url: `/api/v1/claims/${claim.id}/transitions`, headers: bearer(world.brand.keys.agent), payload: { to: 'needs_info', reason: 'A photo of the rating label, please.' } });
    const waiting = await app.inject({ url: site(`/claims/${claim.number}`), headers: { cookie: owner.cookie } });
    expect(waiting.body).toContain('Waiting for you');
    expect(waiting.body).toContain('A photo of the rating label, please.');

    const empty = await post(`/claims/${claim.number}/reply`, owner.cookie, browserForm([['body', '  ']]));
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Write a message or add a photo.');
    const replied = await post(`/claims/${claim.number}/reply`, owner.cookie, browserForm([['body', 'Here it is.']], [photo('rating-label.png')]));
    expect(replied.statusCode).toBe(303);
    const after = await db.selectFrom('claims').select(['status', 'first_response_at']).where('id', '=', claim.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('in_review');
    const transitions = await db.selectFrom('claim_transitions').select(['to_status', 'actor_type']).where('claim_id', '=', claim.id).orderBy('at').orderBy('id').execute();
    expect(transitions.at(-1)).toEqual({ to_status: 'in_review', actor_type: 'owner' });
    const page = await app.inject({ url: site(`/claims/${claim.number}`), headers: { cookie: owner.cookie } });
    expect(page.body).toContain('Here it is.');
    expect(page.body).toContain('rating-label.png');
  });

  it('sends proof of purchase from the claim when asked, and sees its photos but no internal notes', async () => {
    const { owner, claim } = await filedClaim();
    const agent = bearer(world.brand.keys.agent);
    await app.inject({ method: 'POST', url: `/api/v1/claims/${claim.id}/messages`, headers: agent, payload: { visibility: 'internal', body: 'Owner sounds upset; call first.' } });
    await app.inject({ method: 'POST', url: `/api/v1/claims/${claim.id}/proof-request`, headers: agent, payload: {} });
    const asked = await app.inject({ url: site(`/claims/${claim.number}`), headers: { cookie: owner.cookie } });
    expect(asked.body).toContain('Please send us your proof of purchase');
    expect(asked.body).not.toContain('Owner sounds upset');

    const sent = await post(`/claims/${claim.number}/proof`, owner.cookie, browserForm([], [{ field: 'proof', filename: 'receipt.png', contentType: 'image/png', content: tinyPng }]));
    expect(sent.statusCode).toBe(303);
    const ownership = await db.selectFrom('ownerships').select(['proof_status', 'proof_file_id']).where('id', '=', owner.ownershipId).executeTakeFirstOrThrow();
    expect(ownership.proof_status).toBe('submitted');
    expect((await db.selectFrom('claims').select(['status', 'proof_requested']).where('id', '=', claim.id).executeTakeFirstOrThrow())).toEqual({ status: 'in_review', proof_requested: false });
    const verified = await app.inject({ method: 'POST', url: `/api/v1/claims/${claim.id}/proof-decision`, headers: agent, payload: { verdict: 'verified' } });
    expect(verified.json().proof).toEqual({ status: 'verified', fileUrl: `/api/v1/files/${ownership.proof_file_id}/content` });

    const receipt = await app.inject({ url: site(`/claims/${claim.number}/files/${ownership.proof_file_id}`), headers: { cookie: owner.cookie } });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('image/png');
    const stranger = await signedInOwner();
    expect((await app.inject({ url: site(`/claims/${claim.number}/files/${ownership.proof_file_id}`), headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ url: site(`/claims/${claim.number}`), headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
  });

  it('cannot reply to a closed claim', async () => {
    const { owner, claim } = await filedClaim();
    const agent = bearer(world.brand.keys.agent);
    for (const to of ['in_review', 'denied', 'closed']) {
      await app.inject({ method: 'POST', url: `/api/v1/claims/${claim.id}/transitions`, headers: agent, payload: { to, reason: 'Not a fault: descaling needed.' } });
    }
    const page = await app.inject({ url: site(`/claims/${claim.number}`), headers: { cookie: owner.cookie } });
    expect(page.body).toContain('This claim is closed.');
    expect(page.body).not.toContain('/reply"');
    const reply = await post(`/claims/${claim.number}/reply`, owner.cookie, browserForm([['body', 'Why?']]));
    expect(reply.statusCode).toBe(422);
    expect(await db.selectFrom('claim_messages').select('id').where('claim_id', '=', claim.id).where('author_type', '=', 'owner').execute()).toHaveLength(0);
  });
});

describe('contact preferences', () => {
  it('lets the owner stop every email but safety notices, and start them again', async () => {
    const owner = await signedInOwner();
    const save = (body: string) => app.inject({ method: 'POST', url: site('/contact-preferences'), payload: body, headers: { cookie: owner.cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    const suppressions = () => db.selectFrom('suppressions').select(['channel', 'recipient', 'reason']).where('brand_id', '=', world.brand.brandId).where('recipient', '=', owner.email).execute();

    expect((await save('stop_email=on')).statusCode).toBe(303);
    expect(await suppressions()).toEqual([{ channel: 'email', recipient: owner.email, reason: 'opted_out' }]);
    const page = await app.inject({ url: site('/contact-preferences'), headers: { cookie: owner.cookie } });
    expect(page.body).toMatch(/id="stop_email"[^>]* checked=""/);
    expect(page.body).toContain('We have no mobile number for you');

    await save('');
    expect(await suppressions()).toEqual([]);
  });
});
