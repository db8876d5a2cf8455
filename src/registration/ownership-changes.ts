import { sql } from 'kysely';
import { recordAudit } from '../access/audit.ts';
import { type Actor, attributionOf } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { type OwnerDetails, registerOwnership } from './register.ts';
import type { RegistrationSource } from './tables.ts';

export interface NewOwner extends OwnerDetails {
  readonly email: string;
  readonly name: string;
}

export interface TransferRequest {
  readonly ownershipId: string;
  /** Someone new, by their details, or an owner the brand already has. */
  readonly to: { readonly details: NewOwner; readonly language: string } | { readonly ownerId: string };
  /** The day the new owner got it: their ownership's purchase date. Warranty still counts from the first purchase. */
  readonly transferredOn: string | null;
  readonly source: RegistrationSource;
}

export interface Transferred {
  readonly fromOwnershipId: string;
  readonly ownershipId: string;
  readonly ownerId: string;
}

const noConsents = { email: false, sms: false } as const;
const unasked = { text: '(not asked)', language: 'en' };

/**
 * Passes a unit on to a new owner in one transaction: the current ownership ends as 'transferred'
 * (its owner keeps it as history and loses access), and a new one is registered for the new owner,
 * linked to it. No consent is recorded for the new owner: they have not been asked anything.
 */
export async function transferOwnership(scope: BrandScope, actor: Actor, request: TransferRequest): Promise<Transferred> {
  const current = await endOwnership(scope, request.ownershipId, 'transferred');
  const newOwnerEmail = 'details' in request.to ? request.to.details.email.toLowerCase() : null;
  if (newOwnerEmail === current.email || ('ownerId' in request.to && request.to.ownerId === current.owner_id)) {
    throw invalidField('email', 'This product already belongs to this owner; give the new owner’s email.');
  }
  const outcome = await registerOwnership(scope, {
    modelId: current.model_id,
    owner: 'details' in request.to ? { signedInOwnerId: null, details: request.to.details } : { signedInOwnerId: request.to.ownerId, missing: {} },
    language: 'details' in request.to ? request.to.language : current.language,
    serial: current.serial,
    lot: current.lot,
    variant: current.variant,
    purchaseDate: request.transferredOn,
    retailer: null,
    postalCode: 'details' in request.to ? (request.to.details.postalCode ?? null) : null,
    country: 'details' in request.to ? (request.to.details.country ?? current.country) : current.country,
    manufacturedOn: current.manufactured_on,
    safetyOnly: current.safety_only,
    source: request.source,
    identifiedBy: current.identified_by,
    proofFileId: null,
    consents: noConsents,
    consentWordings: { email: unasked, sms: unasked },
    consentsAsked: noConsents,
    evidence: { source: 'api', ip: null, userAgent: null },
    submissionId: null,
    transferredFromId: current.id,
  });
  // The unit's lock is held and its ownership just ended: nobody else can hold it now.
  if (outcome.kind !== 'registered') throw new Error(`A transfer registered nothing: ${outcome.kind}`);
  const transferred = { fromOwnershipId: current.id, ownershipId: outcome.ownershipId, ownerId: outcome.ownerId };
  await publishEvent(scope, {
    type: 'ownership.transferred',
    subjectType: 'ownership',
    subjectId: current.id,
    payload: { ownershipId: current.id, ownerId: current.owner_id, toOwnershipId: outcome.ownershipId, toOwnerId: outcome.ownerId, modelId: current.model_id, actor: attributionOf(actor) },
  });
  await recordAudit(scope, actor, { action: 'ownership.transferred', subjectType: 'ownership', subjectId: current.id, changes: { toOwnershipId: outcome.ownershipId, toOwnerId: outcome.ownerId } });
  return transferred;
}

/**
 * The owner passed the unit on and the next owner is not known yet: the ownership ends as
 * 'transferred', and whoever registers the unit next takes it over (see registerOwnership).
 */
export async function releaseOwnership(scope: BrandScope, actor: Actor, ownershipId: string): Promise<void> {
  const current = await endOwnership(scope, ownershipId, 'transferred');
  await publishEvent(scope, {
    type: 'ownership.transferred',
    subjectType: 'ownership',
    subjectId: current.id,
    payload: { ownershipId: current.id, ownerId: current.owner_id, toOwnershipId: null, toOwnerId: null, modelId: current.model_id, actor: attributionOf(actor) },
  });
  await recordAudit(scope, actor, { action: 'ownership.released', subjectType: 'ownership', subjectId: current.id });
}

/** The product was disposed of (scrapped, recycled, lost): its ownership ends as 'retired'. */
export async function retireOwnership(scope: BrandScope, actor: Actor, ownershipId: string): Promise<void> {
  const current = await endOwnership(scope, ownershipId, 'retired');
  await publishEvent(scope, {
    type: 'ownership.retired',
    subjectType: 'ownership',
    subjectId: current.id,
    payload: { ownershipId: current.id, ownerId: current.owner_id, modelId: current.model_id, actor: attributionOf(actor) },
  });
  await recordAudit(scope, actor, { action: 'ownership.retired', subjectType: 'ownership', subjectId: current.id });
}

/** Settles a registration conflict the usual way: the claimant bought the unit from its holder. */
export async function transferToClaimant(scope: BrandScope, actor: Actor, conflictId: string): Promise<Transferred> {
  const conflict = await scope.db
    .updateTable('registration_conflicts')
    .set({ resolved_at: new Date() })
    .where('id', '=', conflictId)
    .where('resolved_at', 'is', null)
    .returning(['existing_ownership_id', 'claimant_owner_id', 'purchase_date', 'source'])
    .executeTakeFirst();
  if (!conflict) throw new ApiError('not_found', 'There is no open registration conflict with this id; it may have been settled already.');
  return transferOwnership(scope, actor, {
    ownershipId: conflict.existing_ownership_id,
    to: { ownerId: conflict.claimant_owner_id },
    transferredOn: conflict.purchase_date,
    source: 'console',
  });
}

/** Ends an active ownership under its unit's lock; refuses one that already ended. */
async function endOwnership(scope: BrandScope, ownershipId: string, status: 'transferred' | 'retired') {
  const found = await scope.db.selectFrom('ownerships').select(['model_id', 'serial']).where('id', '=', ownershipId).executeTakeFirst();
  if (!found) throw new ApiError('not_found', 'There is no ownership with this id.');
  if (found.serial) await sql`select pg_advisory_xact_lock(hashtextextended(${`${scope.brandId}:unit:${found.model_id}:${found.serial}`}, 0))`.execute(scope.db);
  const ended = await scope.db
    .updateTable('ownerships as o')
    .from('owners as w')
    .set({ status, ended_at: new Date(), updated_at: new Date() })
    .whereRef('w.id', '=', 'o.owner_id')
    .where('o.id', '=', ownershipId)
    .where('o.status', '=', 'active')
    .returning(['o.id', 'o.owner_id', 'o.model_id', 'o.serial', 'o.lot', 'o.variant', 'o.country', 'o.manufactured_on', 'o.safety_only', 'o.identified_by', 'w.email', 'w.language'])
    .executeTakeFirst();
  if (!ended) throw new ApiError('conflict', 'This product was already passed on or retired: only a current ownership can change.');
  return ended;
}
