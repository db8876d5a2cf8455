import { sql } from 'kysely';
import { type ConsentEvidence, type ConsentState, type ConsentWording, consentStateOf, recordConsent } from '../owners/consents.ts';
import type { ConsentChannel } from '../owners/tables.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import type { IdentifiedBy, RegistrationSource } from './tables.ts';

export interface OwnerDetails {
  readonly name?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly address?: string | null | undefined;
  readonly city?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly postalCode?: string | null | undefined;
  readonly country?: string | null | undefined;
}

export interface RegistrationRequest {
  readonly modelId: string;
  /** A signed-in owner registers as themselves; anyone else is found or added by email. */
  readonly owner: { readonly signedInOwnerId: string; readonly missing: OwnerDetails } | { readonly signedInOwnerId: null; readonly details: OwnerDetails & { readonly email: string; readonly name: string } };
  readonly language: string;
  readonly serial: string | null;
  readonly lot: string | null;
  readonly variant: string | null;
  readonly purchaseDate: string | null;
  readonly retailer: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly manufacturedOn: string | null;
  readonly safetyOnly: boolean;
  readonly source: RegistrationSource;
  readonly identifiedBy: IdentifiedBy;
  readonly proofFileId: string | null;
  readonly consents: Readonly<Record<ConsentChannel, boolean>>;
  readonly consentWordings: Readonly<Record<ConsentChannel, ConsentWording>>;
  /** The channels the person was asked about; absent: all of them (the registration page asks both). */
  readonly consentsAsked?: Readonly<Record<ConsentChannel, boolean>>;
  readonly evidence: ConsentEvidence;
  /** The form submission or API request this is; the same one again finds what it made. */
  readonly submissionId: string | null;
  /**
   * The ownership this unit came from (a transfer). Left out, a serialised unit that its last owner
   * passed on is linked to that ownership, so warranty rules follow the unit from its first purchase.
   */
  readonly transferredFromId?: string;
}

/** Who a registration is for, as stored: what a confirmation is addressed with. */
export interface RegisteredOwner {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly language: string;
}

/** The registered unit as stored, for the answer to the registration. */
export interface RegisteredUnit {
  readonly serial: string | null;
  readonly purchaseDate: string | null;
  readonly registeredAt: Date;
  readonly manufacturedOn: string | null;
  readonly safetyOnly: boolean;
}

export type RegistrationOutcome =
  | { readonly kind: 'registered'; readonly ownershipId: string; readonly ownerId: string; readonly owner: RegisteredOwner; readonly unit: RegisteredUnit }
  /** The same owner registered this unit before (a retry, a double click, a second scan): nothing new. */
  | { readonly kind: 'already_registered'; readonly ownershipId: string; readonly ownerId: string; readonly unit: RegisteredUnit }
  /** Someone else holds this unit: nothing is registered, the case is kept for the brand. */
  | { readonly kind: 'conflict'; readonly conflictId: string; readonly ownerId: string; readonly existingOwnershipId: string };

/**
 * Registers a product to its owner in the caller's transaction: finds or adds the owner, records the
 * consents asked, and adds the ownership, publishing `ownership.registered`. Whatever fails rolls
 * the whole registration back, so nothing is half-written. Every statement is a round trip that costs
 * the database and this process more than the statement itself, so each step asks in as few as it can.
 */
export async function registerOwnership(scope: BrandScope, request: RegistrationRequest): Promise<RegistrationOutcome> {
  // Two submissions of one form, or two people registering one unit at once, take turns here.
  if (request.submissionId) {
    await lock(scope, [`submission:${request.submissionId}`]);
    const earlier = await scope.db.selectFrom('ownerships').select(['id', 'owner_id', ...unitColumns]).where('submission_id', '=', request.submissionId).executeTakeFirst();
    if (earlier) return { kind: 'already_registered', ownershipId: earlier.id, ownerId: earlier.owner_id, unit: unitOf(earlier) };
  }
  const byEmail = 'details' in request.owner ? request.owner.details.email.toLowerCase() : null;
  // Always the unit before the owner, so that two registrations cannot each hold what the other waits for.
  await lock(scope, [...(request.serial ? [`unit:${request.modelId}:${request.serial}`] : []), ...(byEmail ? [`owner:${byEmail}`] : [])]);

  const owner = await ownerFor(scope, request);
  if (!request.safetyOnly) await recordRegistrationConsents(scope, owner, request);

  const added = await addOwnershipUnlessHeld(scope, request, owner.id);
  if (!added) {
    const holder = await scope.db
      .selectFrom('ownerships')
      .select(['id', 'owner_id', ...unitColumns])
      .where('model_id', '=', request.modelId)
      .where('serial', '=', request.serial)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    if (holder.owner_id === owner.id) return { kind: 'already_registered', ownershipId: holder.id, ownerId: owner.id, unit: unitOf(holder) };
    return recordConflict(scope, request, owner.id, holder.id);
  }
  await publishEvent(scope, {
    type: 'ownership.registered',
    subjectType: 'ownership',
    subjectId: added.id,
    payload: {
      ownershipId: added.id,
      ownerId: owner.id,
      modelId: request.modelId,
      source: request.source,
      identifiedBy: request.identifiedBy,
      safetyOnly: request.safetyOnly,
      transferredFromId: added.transferred_from_id,
    },
  });
  return { kind: 'registered', ownershipId: added.id, ownerId: owner.id, owner, unit: unitOf(added) };
}

/** Takes transaction-scoped locks in the order given, all in one statement. */
async function lock(scope: BrandScope, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const locks = keys.map((key) => sql`pg_advisory_xact_lock(hashtextextended(${`${scope.brandId}:${key}`}, 0))`);
  await sql`select ${sql.join(locks)}`.execute(scope.db);
}

const ownerColumns = ['id', 'name', 'email', 'language'] as const;
const unitColumns = ['serial', 'purchase_date', 'registered_at', 'manufactured_on', 'safety_only'] as const;

function unitOf(row: { serial: string | null; purchase_date: string | null; registered_at: Date; manufactured_on: string | null; safety_only: boolean }): RegisteredUnit {
  return { serial: row.serial, purchaseDate: row.purchase_date, registeredAt: row.registered_at, manufacturedOn: row.manufactured_on, safetyOnly: row.safety_only };
}

/**
 * Adds the ownership unless another active one holds the unit (the unique index on active units
 * says so); null then. The unit's lock is held, so the holder cannot change before it is read.
 */
async function addOwnershipUnlessHeld(scope: BrandScope, request: RegistrationRequest, ownerId: string) {
  return scope.db
    .insertInto('ownerships')
    .values({
      brand_id: scope.brandId,
      owner_id: ownerId,
      model_id: request.modelId,
      serial: request.serial,
      lot: request.lot,
      variant: request.variant,
      purchase_date: request.purchaseDate,
      retailer: request.retailer,
      postal_code: request.postalCode,
      country: request.country,
      manufactured_on: request.manufacturedOn,
      safety_only: request.safetyOnly,
      source: request.source,
      identified_by: request.identifiedBy,
      proof_file_id: request.proofFileId,
      proof_status: request.proofFileId ? 'submitted' : 'none',
      submission_id: request.submissionId,
      transferred_from_id: request.transferredFromId ?? (request.serial ? passedOnBy(request.modelId, request.serial) : null),
    })
    // The predicate is written out, not bound, so that PostgreSQL can match it to ownerships_active_unit.
    .onConflict((conflict) => conflict.columns(['brand_id', 'model_id', 'serial']).where(sql<boolean>`status = 'active' and serial is not null`).doNothing())
    .returning(['id', 'transferred_from_id', ...unitColumns])
    .executeTakeFirst();
}

/** The unit's last ownership, if its owner passed it on and no one has taken it over since. */
function passedOnBy(modelId: string, serial: string) {
  return sql<string | null>`(
    select p.id from ownerships p
    where p.model_id = ${modelId} and p.serial = ${serial} and p.status = 'transferred'
      and not exists (select 1 from ownerships s where s.transferred_from_id = p.id)
    order by p.ended_at desc limit 1)`;
}

/**
 * The owner to register to, and whether this registration added them. Details typed by someone not
 * signed in never overwrite an existing owner's: anyone can type an email. They only fill what the
 * owner had left empty.
 */
async function ownerFor(scope: BrandScope, request: RegistrationRequest): Promise<RegisteredOwner & { readonly isNew: boolean }> {
  if ('missing' in request.owner) return { ...(await fillBlanks(scope, request, request.owner.missing, { id: request.owner.signedInOwnerId })), isNew: false };
  const details = request.owner.details;
  const email = details.email.toLowerCase();
  const created = await scope.db
    .insertInto('owners')
    .values({
      brand_id: scope.brandId,
      email,
      name: details.name,
      phone: details.phone ?? null,
      address: details.address ?? null,
      city: details.city ?? null,
      region: details.region ?? null,
      postal_code: details.postalCode ?? null,
      country: details.country ?? null,
      language: request.language,
      safety_only: request.safetyOnly,
    })
    .onConflict((conflict) => conflict.columns(['brand_id', 'email']).doNothing())
    .returning(ownerColumns)
    .executeTakeFirst();
  // No row back: the owner exists (and stays, under the owner's lock); fill in their blanks instead.
  return created ? { ...created, isNew: true } : { ...(await fillBlanks(scope, request, details, { email })), isNew: false };
}

/** Fills in what the owner had left empty from what this registration gives; the owner as stored. */
async function fillBlanks(scope: BrandScope, request: RegistrationRequest, given: OwnerDetails, owner: { readonly id: string } | { readonly email: string }): Promise<RegisteredOwner> {
  return scope.db
    .updateTable('owners')
    .set((eb) => ({
      phone: eb.fn.coalesce('phone', eb.val(given.phone ?? null)),
      address: eb.fn.coalesce('address', eb.val(given.address ?? null)),
      city: eb.fn.coalesce('city', eb.val(given.city ?? null)),
      region: eb.fn.coalesce('region', eb.val(given.region ?? null)),
      postal_code: eb.fn.coalesce('postal_code', eb.val(given.postalCode ?? null)),
      country: eb.fn.coalesce('country', eb.val(given.country ?? null)),
      // Registering an ordinary product gives the details for ordinary use too.
      ...(request.safetyOnly ? {} : { safety_only: false }),
      updated_at: new Date(),
    }))
    .where((eb) => ('id' in owner ? eb('id', '=', owner.id) : eb('email', '=', owner.email)))
    .returning(ownerColumns)
    .executeTakeFirstOrThrow();
}

/** A ticked box grants; an unticked one is recorded as "declined" only if the owner was never asked. */
async function recordRegistrationConsents(scope: BrandScope, owner: { readonly id: string; readonly isNew: boolean }, request: RegistrationRequest): Promise<void> {
  // An owner added by this registration has answered nothing yet: no need to ask the database.
  const current: ConsentState = owner.isNew ? { email: null, sms: null } : await consentStateOf(scope, owner.id);
  for (const channel of ['email', 'sms'] as const) {
    if (request.consentsAsked && !request.consentsAsked[channel]) continue;
    const ticked = request.consents[channel];
    if (ticked || current[channel] === null) {
      await recordConsent(scope, owner.id, channel, ticked, request.consentWordings[channel], request.evidence, current);
    }
  }
}

async function recordConflict(scope: BrandScope, request: RegistrationRequest, ownerId: string, existingOwnershipId: string): Promise<RegistrationOutcome> {
  const conflict = await scope.db
    .insertInto('registration_conflicts')
    .values({
      brand_id: scope.brandId,
      existing_ownership_id: existingOwnershipId,
      claimant_owner_id: ownerId,
      purchase_date: request.purchaseDate,
      retailer: request.retailer,
      source: request.source,
    })
    .onConflict((oc) => oc.columns(['existing_ownership_id', 'claimant_owner_id']).doUpdateSet({ purchase_date: request.purchaseDate, retailer: request.retailer }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await publishEvent(scope, {
    type: 'registration.conflicted',
    subjectType: 'ownership',
    subjectId: existingOwnershipId,
    payload: { conflictId: conflict.id, existingOwnershipId, claimantOwnerId: ownerId, source: request.source },
  });
  return { kind: 'conflict', conflictId: conflict.id, ownerId, existingOwnershipId };
}
