import type { Selectable } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../access/audit.ts';
import { type Actor, attributionOf } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { keysetPage } from '../platform/http/pagination.ts';
import { type AgentTables, callDirections, callOutcomes } from './tables.ts';

// A call logged a little ahead of the server's clock (another machine's clock) is still plausible.
const clockSkewMs = 5 * 60_000;

export const logCallBody = z.strictObject({
  direction: z.enum(callDirections),
  startedAt: z.iso.datetime({ offset: true, message: 'Give the start as an ISO 8601 date and time, like 2026-05-04T09:00:00Z.' }).optional()
    .meta({ description: 'Leave out when logging a call that just ended: it started durationSeconds ago.' }),
  durationSeconds: z.number().int().min(0).max(86_400),
  outcome: z.enum(callOutcomes),
  notes: z.string().trim().max(4000).default('').meta({ description: 'What was said and agreed; personal data.' }),
  ownershipId: z.uuid().nullable().optional().meta({ description: "The product the call was about: one of this owner's, current or former." }),
  claimId: z.uuid().nullable().optional().meta({ description: "The claim the call was about: one of this owner's. Its product is taken when ownershipId is left out." }),
});
export type LogCallBody = z.output<typeof logCallBody>;

export const callLogView = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  ownershipId: z.uuid().nullable(),
  claimId: z.uuid().nullable(),
  direction: z.enum(callDirections),
  startedAt: z.string(),
  durationSeconds: z.number().int(),
  outcome: z.enum(callOutcomes),
  notes: z.string(),
  loggedBy: z.object({ staffId: z.uuid().nullable(), label: z.string() }),
  createdAt: z.string(),
}).meta({ id: 'CallLog' });
export type CallLogView = z.output<typeof callLogView>;

type CallLogRow = Selectable<AgentTables['call_logs']>;

/** Records a call with an owner, and publishes `call.logged` (without the notes: events reach webhooks). */
export async function logCall(scope: BrandScope, actor: Actor, ownerId: string, call: LogCallBody, now = new Date()): Promise<CallLogView> {
  await requireOwner(scope, ownerId);
  const about = await whatTheCallWasAbout(scope, ownerId, call);
  const startedAt = call.startedAt ? new Date(call.startedAt) : new Date(now.getTime() - call.durationSeconds * 1000);
  if (startedAt.getTime() > now.getTime() + clockSkewMs) throw invalidField('startedAt', 'The call cannot start in the future.');

  const row = await scope.db
    .insertInto('call_logs')
    .values({
      brand_id: scope.brandId,
      owner_id: ownerId,
      ownership_id: about.ownershipId,
      claim_id: about.claimId,
      staff_id: actor.type === 'staff' ? actor.id : null,
      logged_by_label: actor.label,
      direction: call.direction,
      started_at: startedAt,
      duration_seconds: call.durationSeconds,
      outcome: call.outcome,
      notes: call.notes,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await publishEvent(scope, {
    type: 'call.logged',
    subjectType: 'owner',
    subjectId: ownerId,
    payload: {
      callId: row.id,
      ownerId,
      ownershipId: row.ownership_id,
      claimId: row.claim_id,
      direction: row.direction,
      durationSeconds: row.duration_seconds,
      outcome: row.outcome,
      actor: attributionOf(actor),
    },
  });
  await recordAudit(scope, actor, { action: 'call.logged', subjectType: 'owner', subjectId: ownerId, changes: { callId: row.id, direction: row.direction, outcome: row.outcome } });
  return toView(row);
}

/** An owner's calls, latest first (by when they were logged). */
export async function listCalls(scope: BrandScope, ownerId: string, page: { readonly limit: number; readonly cursor?: string | undefined }) {
  await requireOwner(scope, ownerId);
  const query = scope.db.selectFrom('call_logs').selectAll().where('brand_id', '=', scope.brandId).where('owner_id', '=', ownerId);
  return keysetPage(query, page, toView);
}

async function requireOwner(scope: BrandScope, ownerId: string): Promise<void> {
  const owner = await scope.db.selectFrom('owners').select('id').where('brand_id', '=', scope.brandId).where('id', '=', ownerId).executeTakeFirst();
  if (!owner) throw new ApiError('not_found', 'There is no owner with this id in your brand.');
}

/** The product and claim named, checked to be this owner's; a claim brings its product along. */
async function whatTheCallWasAbout(scope: BrandScope, ownerId: string, call: LogCallBody): Promise<{ ownershipId: string | null; claimId: string | null }> {
  let ownershipId = call.ownershipId ?? null;
  if (ownershipId) {
    const ownership = await scope.db.selectFrom('ownerships').select('id').where('brand_id', '=', scope.brandId).where('id', '=', ownershipId).where('owner_id', '=', ownerId).executeTakeFirst();
    if (!ownership) throw invalidField('ownershipId', 'This owner has no product with this id.');
  }
  const claimId = call.claimId ?? null;
  if (claimId) {
    const claim = await scope.db.selectFrom('claims').select('ownership_id').where('brand_id', '=', scope.brandId).where('id', '=', claimId).where('owner_id', '=', ownerId).executeTakeFirst();
    if (!claim) throw invalidField('claimId', 'This owner has no claim with this id.');
    if (ownershipId && claim.ownership_id !== ownershipId) throw invalidField('claimId', 'This claim is about another of the owner’s products.');
    ownershipId = claim.ownership_id;
  }
  return { ownershipId, claimId };
}

function toView(row: CallLogRow): CallLogView {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownershipId: row.ownership_id,
    claimId: row.claim_id,
    direction: row.direction,
    startedAt: row.started_at.toISOString(),
    durationSeconds: row.duration_seconds,
    outcome: row.outcome,
    notes: row.notes,
    loggedBy: { staffId: row.staff_id, label: row.logged_by_label },
    createdAt: row.created_at.toISOString(),
  };
}
