import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp, testDatabase } from '../../test/harness.ts';
import { multipartFile, tinyPng } from '../../test/multipart.ts';
import { systemActor } from '../access/principal.ts';
import { inBrand } from '../platform/database/tenancy.ts';
import { storeFile } from '../platform/files/files.ts';
import type { App } from '../platform/http/server.ts';
import { type ClaimWorld, browserForm, claimWorld, ownedProduct } from './claim-fixtures.ts';

const { db } = testDatabase();
let app: App;
let world: ClaimWorld;

beforeAll(async () => {
  app = await testApp(db);
  world = await claimWorld(app, db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const agent = () => bearer(world.brand.keys.agent);
const fileClaim = (payload: Record<string, unknown>, headers: Record<string, string> = agent()) =>
  app.inject({ method: 'POST', url: '/api/v1/claims', headers, payload: { problemCategory: 'leak', description: 'Water pools under it.', ...payload } });
const move = (ref: string, payload: Record<string, unknown>, headers: Record<string, string> = agent()) =>
  app.inject({ method: 'POST', url: `/api/v1/claims/${ref}/transitions`, headers, payload });
const claimRow = (id: string) => db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const countOf = async (table: 'claim_transitions' | 'claim_messages' | 'claim_attachments', claimId: string) =>
  (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('claim_id', '=', claimId).executeTakeFirstOrThrow()).n;
const messagesAbout = (claimId: string) => db.selectFrom('messages').selectAll().where('dedupe_key', 'like', `claim:${claimId}:%`).orderBy('created_at').execute();
const eventsAbout = (claimId: string, type: string) => db.selectFrom('events').selectAll().where('subject_id', '=', claimId).where('type', '=', type).execute();

describe('filing a claim through the API', () => {
  it('files it for the owner with the warranty of today, a quotable number, an event and one email', async () => {
    const product = await ownedProduct(app, world);
    const response = await fileClaim({ ownershipId: product.ownershipId, ownerId: product.ownerId, videoUrl: 'https://youtu.be/abc' });
    expect(response.statusCode, response.body).toBe(201);
    const claim = response.json();
    expect(claim).toMatchObject({
      number: expect.stringMatching(/^C-[0-9]{5,}$/),
      status: 'submitted',
      kind: 'warranty',
      paidService: false,
      problem: { code: 'leak', label: 'Leaks' },
      owner: { id: product.ownerId, email: product.email },
      model: { name: 'Uno Kettle' },
      coverage: { covered: true, basis: 'purchase_date' },
      contactChannels: ['email'],
      nextStatuses: ['in_review', 'needs_info'],
      createdBy: { type: 'api_key' },
      source: 'api',
      firstResponseAt: null,
    });
    expect(claim.transitions).toMatchObject([{ from: null, to: 'submitted' }]);
    expect(await eventsAbout(claim.id, 'claim.submitted')).toHaveLength(1);
    const messages = await messagesAbout(claim.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'email', class: 'service', recipient: product.email, template: 'claim_submitted' });
    expect(messages[0]?.body_text).toContain(claim.number);

    const byNumber = await app.inject({ url: `/api/v1/claims/${claim.number.toLowerCase()}`, headers: agent() });
    expect(byNumber.json().id).toBe(claim.id);
  });

  it('files one claim for one submission, however often or however concurrently it is sent', async () => {
    const product = await ownedProduct(app, world);
    const submissionId = randomUUID();
    const [first, second] = await Promise.all([fileClaim({ ownershipId: product.ownershipId, submissionId }), fileClaim({ ownershipId: product.ownershipId, submissionId })]);
    const third = await fileClaim({ ownershipId: product.ownershipId, submissionId });
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(third.statusCode).toBe(200);
    expect(new Set([first.json().id, second.json().id, third.json().id]).size).toBe(1);
    const claims = await db.selectFrom('claims').select('id').where('ownership_id', '=', product.ownershipId).execute();
    expect(claims).toHaveLength(1);
    expect(await messagesAbout(first.json().id)).toHaveLength(1);
  });

  it('gives claims filed at the same moment different numbers', async () => {
    const product = await ownedProduct(app, world);
    const filed = await Promise.all(Array.from({ length: 6 }, () => fileClaim({ ownershipId: product.ownershipId })));
    expect(filed.map((response) => response.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(filed.map((response) => response.json().number)).size).toBe(6);
  });

  it('takes an out-of-warranty claim as a paid service request, with a note', async () => {
    const product = await ownedProduct(app, world, { modelId: world.expiredModelId, purchaseDate: '2015-03-01' });
    const response = await fileClaim({ ownershipId: product.ownershipId, kind: 'warranty' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'service', paidService: true, coverage: { covered: false }, serviceNote: expect.stringContaining('paid service request') });
    expect(response.json().serviceNote).toContain('parts coverage ended 2016-03-01');
  });

  it('refuses a product that is not the named owner’s, or a problem not in the product’s list, and files nothing', async () => {
    const mine = await ownedProduct(app, world);
    const theirs = await ownedProduct(app, world);
    const wrongOwner = await fileClaim({ ownershipId: theirs.ownershipId, ownerId: mine.ownerId });
    expect(wrongOwner.statusCode).toBe(404);
    const badInput = await fileClaim({ ownershipId: mine.ownershipId, problemCategory: 'on_fire', contactChannels: ['sms'] });
    expect(badInput.statusCode).toBe(400);
    expect(badInput.json().error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['body.contactPhone', 'body.problemCategory']);
    expect(await db.selectFrom('claims').select('id').where('ownership_id', 'in', [mine.ownershipId, theirs.ownershipId]).execute()).toHaveLength(0);
  });
});

describe('moving a claim through its lifecycle', () => {
  it('walks it to closed, timestamped and attributed, telling the owner once per step', async () => {
    const product = await ownedProduct(app, world);
    const { id, number } = (await fileClaim({ ownershipId: product.ownershipId })).json();
    const key = randomUUID();
    const reviewed = await move(number, { to: 'in_review', reason: 'Looking at the photos.' }, { ...agent(), 'idempotency-key': key });
    expect(reviewed.statusCode).toBe(200);
    const retried = await move(number, { to: 'in_review', reason: 'Looking at the photos.' }, { ...agent(), 'idempotency-key': key });
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(reviewed.json()).toMatchObject({ status: 'in_review', nextStatuses: ['approved', 'denied', 'needs_info'], firstResponseAt: expect.any(String) });

    expect((await move(id, { to: 'approved' })).statusCode).toBe(200);
    const shipped = await move(id, { to: 'fulfilment', fulfilment: { kind: 'replacement', carrier: 'UPS', trackingNumber: '1Z999AA10123456784' } });
    expect(shipped.json().fulfilment).toEqual({ kind: 'replacement', bookedFor: null, carrier: 'UPS', trackingNumber: '1Z999AA10123456784', amountMinor: null, currency: null });
    expect((await move(id, { to: 'resolved' })).json()).toMatchObject({ resolvedAt: expect.any(String), sla: { resolutionSeconds: expect.any(Number) } });
    const closed = (await move(id, { to: 'closed' })).json();
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String), nextStatuses: [] });
    expect(closed.transitions.map((t: { from: string | null; to: string }) => `${t.from}→${t.to}`)).toEqual([
      'null→submitted', 'submitted→in_review', 'in_review→approved', 'approved→fulfilment', 'fulfilment→resolved', 'resolved→closed',
    ]);
    expect(closed.transitions[1]).toMatchObject({ reason: 'Looking at the photos.', actor: { type: 'api_key', label: expect.stringContaining('agent key') } });

    const messages = await messagesAbout(id);
    expect(messages.map((message) => message.template)).toEqual(['claim_submitted', 'claim_in_review', 'claim_approved', 'claim_fulfilment', 'claim_resolved', 'claim_closed']);
    expect(messages.find((message) => message.template === 'claim_fulfilment')?.body_text).toContain('1Z999AA10123456784');
    expect(await eventsAbout(id, 'claim.status_changed')).toHaveLength(5);
  });

  it('refuses an illegal move with 409 and the moves it could make, changing nothing', async () => {
    const product = await ownedProduct(app, world);
    const { id, number } = (await fileClaim({ ownershipId: product.ownershipId })).json();
    const before = await claimRow(id);
    const skipped = await move(id, { to: 'closed' });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error).toEqual({
      code: 'claim_transition_not_allowed',
      message: `Claim ${number}: A claim that is submitted cannot go to closed; it can go to in review or needs information.`,
      details: { status: 'submitted', allowed: ['in_review', 'needs_info'] },
    });
    expect(await claimRow(id)).toEqual(before);
    await move(id, { to: 'in_review' });
    const reviewed = await claimRow(id);
    const denied = await move(id, { to: 'denied' });
    expect(denied.statusCode).toBe(400);
    expect(denied.json().error.details).toEqual([{ path: 'body.reason', message: 'Give the reason for the denial: the owner is told it.' }]);

    expect(await claimRow(id)).toEqual(reviewed);
    expect(reviewed).toMatchObject({ status: 'in_review', denial_reason: null, closed_at: null });
    expect(await countOf('claim_transitions', id)).toBe(2);
    expect(await messagesAbout(id)).toHaveLength(2);
  });

  it('records a denial with its reason for the owner', async () => {
    const product = await ownedProduct(app, world);
    const { id } = (await fileClaim({ ownershipId: product.ownershipId })).json();
    await move(id, { to: 'in_review' });
    const denied = await move(id, { to: 'denied', reason: 'Damage from a fall is not covered.' });
    expect(denied.json()).toMatchObject({ status: 'denied', denialReason: 'Damage from a fall is not covered.', nextStatuses: ['closed'] });
    expect((await messagesAbout(id)).at(-1)?.body_text).toContain('Damage from a fall is not covered.');
  });
});

describe('working a claim', () => {
  it('assigns, notes, replies and sets an RMA: only replies reach the owner, and the first counts as the response', async () => {
    const product = await ownedProduct(app, world);
    const { id } = (await fileClaim({ ownershipId: product.ownershipId })).json();
    const assignees = (await app.inject({ url: '/api/v1/claims/assignees', headers: agent() })).json().data;
    const agentUser = assignees.find((staff: { email: string }) => staff.email === world.brand.emails.agent);
    expect(assignees.map((staff: { role: string }) => staff.role).sort()).toEqual(['admin', 'agent']);

    const assigned = await app.inject({ method: 'POST', url: `/api/v1/claims/${id}/assignee`, headers: agent(), payload: { assigneeId: agentUser.id } });
    expect(assigned.json().assignee).toEqual({ id: agentUser.id, name: agentUser.name });
    const mine = await app.inject({ url: `/api/v1/claims?assignee=${agentUser.id}&status=open`, headers: agent() });
    expect(mine.json().data.map((claim: { id: string }) => claim.id)).toContain(id);
    const unassigned = await app.inject({ url: '/api/v1/claims?assignee=none', headers: agent() });
    expect(unassigned.json().data.map((claim: { id: string }) => claim.id)).not.toContain(id);
    const nobody = await app.inject({ method: 'POST', url: `/api/v1/claims/${id}/assignee`, headers: agent(), payload: { assigneeId: randomUUID() } });
    expect(nobody.statusCode).toBe(400);

    const note = await app.inject({ method: 'POST', url: `/api/v1/claims/${id}/messages`, headers: agent(), payload: { visibility: 'internal', body: 'Likely the door seal.' } });
    expect(note.statusCode).toBe(201);
    expect(note.json().firstResponseAt).toBeNull();
    expect(await messagesAbout(id)).toHaveLength(1);
    const reply = await app.inject({ method: 'POST', url: `/api/v1/claims/${id}/messages`, headers: agent(), payload: { visibility: 'owner', body: 'We are on it.' } });
    expect(reply.json()).toMatchObject({ firstResponseAt: expect.any(String), messages: [{ visibility: 'internal' }, { visibility: 'owner', body: 'We are on it.' }] });
    const sent = await messagesAbout(id);
    expect(sent.map((message) => message.template)).toEqual(['claim_submitted', 'claim_reply']);
    expect(sent[1]?.body_text).toContain('We are on it.');

    const rma = await app.inject({ method: 'PUT', url: `/api/v1/claims/${id}/rma`, headers: agent(), payload: { rmaNumber: 'RMA-7781' } });
    expect(rma.json().rmaNumber).toBe('RMA-7781');
  });

  it('attaches real photos and PDFs, and refuses an oversized or disguised file, keeping none of the upload', async () => {
    const product = await ownedProduct(app, world);
    const { id } = (await fileClaim({ ownershipId: product.ownershipId })).json();
    const attach = (content: Buffer, name: string, type: string) => {
      const form = multipartFile(content, name, type);
      return app.inject({ method: 'POST', url: `/api/v1/claims/${id}/attachments?visibility=owner`, headers: { ...agent(), ...form.headers }, payload: form.payload });
    };
    const photo = await attach(tinyPng, 'label.png', 'image/png');
    expect(photo.statusCode).toBe(201);
    expect(photo.json().attachments).toMatchObject([{ visibility: 'owner', addedBy: { type: 'api_key' }, file: { purpose: 'image', contentType: 'image/png', originalName: 'label.png' } }]);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const two = browserForm([], [{ field: 'file', filename: 'invoice.pdf', contentType: 'application/pdf', content: pdf }, { field: 'file', filename: 'side.png', contentType: 'image/png', content: tinyPng }]);
    const both = await app.inject({ method: 'POST', url: `/api/v1/claims/${id}/attachments`, headers: { ...agent(), ...two.headers }, payload: two.payload });
    expect(both.statusCode, both.body).toBe(201);
    expect(both.json().attachments.slice(1)).toMatchObject([{ visibility: 'internal', file: { purpose: 'document', originalName: 'invoice.pdf' } }, { visibility: 'internal', file: { purpose: 'image' } }]);

    const disguised = await attach(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png', 'image/png');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.message).toMatch(/^photo\.png: /);
    const oversized = await attach(Buffer.concat([tinyPng, Buffer.alloc(11 * 1024 * 1024)]), 'huge.png', 'image/png');
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json().error.message).toContain('at most 10.0 MB');
    expect(await countOf('claim_attachments', id)).toBe(3);
  });

  it('asks for proof of purchase inside the claim and settles it', async () => {
    const product = await ownedProduct(app, world);
    const { id } = (await fileClaim({ ownershipId: product.ownershipId })).json();
    const asked = await app.inject({ method: 'POST', url: `/api/v1/claims/${id}/proof-request`, headers: agent(), payload: {} });
    expect(asked.json()).toMatchObject({ status: 'needs_info', proofRequested: true, transitions: [{}, { to: 'needs_info', reason: expect.stringContaining('proof of purchase') }] });
    const tooEarly = await app.inject({ method: 'POST', url: `/api/v1/claims/${id}/proof-decision`, headers: agent(), payload: { verdict: 'verified' } });
    expect(tooEarly.statusCode).toBe(400);

    const receipt = await inBrand(db, world.brand.brandId, (scope) => storeFile(scope, systemActor, { purpose: 'proof', originalName: 'receipt.png', declaredType: 'image/png', content: tinyPng }));
    await db.updateTable('ownerships').set({ proof_file_id: receipt.id, proof_status: 'submitted' }).where('id', '=', product.ownershipId).execute();
    const rejected = await app.inject({ method: 'POST', url: `/api/v1/claims/${id}/proof-decision`, headers: agent(), payload: { verdict: 'rejected', reason: 'The receipt is for another product.' } });
    expect(rejected.json()).toMatchObject({ proofRequested: false, proof: { status: 'rejected' } });
    expect(rejected.json().messages.map((message: { visibility: string }) => message.visibility)).toEqual(['internal', 'owner']);
    expect((await messagesAbout(id)).at(-1)?.body_text).toContain('The receipt is for another product.');
  });
});

describe('claims and tenancy', () => {
  it("shows another brand's key nothing of this brand's claims, and lets it change nothing", async () => {
    const product = await ownedProduct(app, world);
    const { id, number } = (await fileClaim({ ownershipId: product.ownershipId })).json();
    const other = await claimWorld(app, db, 'Other Brand');
    const theirs = bearer(other.brand.keys.agent);
    expect((await app.inject({ url: `/api/v1/claims/${id}`, headers: theirs })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/claims/${number}`, headers: theirs })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/claims', headers: theirs })).json().data).toEqual([]);
    expect((await move(id, { to: 'in_review' }, theirs)).statusCode).toBe(404);
    expect((await fileClaim({ ownershipId: product.ownershipId }, theirs)).statusCode).toBe(404);
    expect((await claimRow(id)).status).toBe('submitted');
  });

  it('lets only admins and agents near claims', async () => {
    expect((await app.inject({ url: '/api/v1/claims', headers: bearer(world.brand.keys.marketer) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/claims', headers: bearer(world.brand.keys.analyst) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/claims', headers: bearer(world.brand.keys.admin) })).statusCode).toBe(200);
  });
});

describe('problem categories', () => {
  it('gives defaults until an admin sets a list for a product category; claims keep the words they were filed with', async () => {
    const product = await ownedProduct(app, world);
    const filed = (await fileClaim({ ownershipId: product.ownershipId, problemCategory: 'noise' })).json();
    const initial = (await app.inject({ url: '/api/v1/claim-categories', headers: agent() })).json();
    expect(initial.data.find((entry: { productCategory: string }) => entry.productCategory === 'kettles')).toMatchObject({ custom: false, categories: initial.defaults });

    const list = { categories: [{ code: 'limescale', label: 'Limescale build-up' }, { code: 'noise', label: 'Whistles loudly' }] };
    expect((await app.inject({ method: 'PUT', url: '/api/v1/claim-categories/kettles', headers: agent(), payload: list })).statusCode).toBe(403);
    const set = await app.inject({ method: 'PUT', url: '/api/v1/claim-categories/kettles', headers: bearer(world.brand.keys.admin), payload: list });
    expect(set.json()).toEqual({ productCategory: 'kettles', custom: true, categories: list.categories });
    expect((await app.inject({ url: `/api/v1/claims/draft?ownershipId=${product.ownershipId}`, headers: agent() })).json().problemCategories.categories).toEqual(list.categories);
    expect((await fileClaim({ ownershipId: product.ownershipId, problemCategory: 'leak' })).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/v1/claims/${filed.id}`, headers: agent() })).json().problem).toEqual({ code: 'noise', label: 'Unusual noise or vibration' });

    const reset = await app.inject({ method: 'PUT', url: '/api/v1/claim-categories/kettles', headers: bearer(world.brand.keys.admin), payload: { categories: [] } });
    expect(reset.json().custom).toBe(false);
  });
});

describe('the claims API document', () => {
  it('describes every claims route in the OpenAPI document', async () => {
    const doc = await app.inject({ url: '/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining([
      '/api/v1/claim-categories',
      '/api/v1/claim-categories/{productCategory}',
      '/api/v1/claims',
      '/api/v1/claims/assignees',
      '/api/v1/claims/draft',
      '/api/v1/claims/{ref}',
      '/api/v1/claims/{ref}/assignee',
      '/api/v1/claims/{ref}/attachments',
      '/api/v1/claims/{ref}/messages',
      '/api/v1/claims/{ref}/proof-decision',
      '/api/v1/claims/{ref}/proof-request',
      '/api/v1/claims/{ref}/rma',
      '/api/v1/claims/{ref}/transitions',
    ]));
  });
});
