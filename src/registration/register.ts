import { sql } from 'kysely';
import { type ConsentEvidence, type ConsentWording, consentStateOf, recordConsent } from '../owners/consents.ts';
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
}

export type RegistrationOutcome =
  | { readonly kind: 'registered'; readonly ownershipId: string; readonly ownerId: string }
  /** The same owner registered this unit before (a retry, a double click, a second scan): nothing new. */
  | { readonly kind: 'already_registered'; readonly ownershipId: string; readonly ownerId: string }
  /** Someone else holds this unit: nothing is registered, the case is kept for the brand. */
  | { readonly kind: 'conflict'; readonly conflictId: string; readonly ownerId: string; readonly existingOwnershipId: string };

/**
 * Registers a product to its owner in the caller's transaction: finds or adds the owner, records the
 * consents asked, and adds the ownership, publishing `ownership.registered`. Whatever fails rolls
 * the whole registration back, so nothing is half-written.
 */
export async function registerOwnership(scope: BrandScope, request: RegistrationRequest): Promise<RegistrationOutcome> {
  // Two submissions of one form, or two people registering one unit at once, take turns here.
  if (request.submissionId) {
    await lock(scope, `submission:${request.submissionId}`);
    const earlier = await scope.db.selectFrom('ownerships').select(['id', 'owner_id']).where('submission_id', '=', request.submissionId).executeTakeFirst();
    if (earlier) return { kind: 'already_registered', ownershipId: earlier.id, ownerId: earlier.owner_id };
  }
  if (request.serial) await lock(scope, `unit:${request.modelId}:${request.serial}`);

  const ownerId = await ownerFor(scope, request);
  if (!request.safetyOnly) await recordRegistrationConsents(scope, ownerId, request);

  const holder = request.serial
    ? await scope.db
        .selectFrom('ownerships')
        .select(['id', 'owner_id'])
        .where('model_id', '=', request.modelId)
        .where('serial', '=', request.serial)
        .where('status', '=', 'active')
        .executeTakeFirst()
    : undefined;
  if (holder?.owner_id === ownerId) return { kind: 'already_registered', ownershipId: holder.id, ownerId };
  if (holder) return recordConflict(scope, request, ownerId, holder.id);

  const { id: ownershipId } = await scope.db
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await publishEvent(scope, {
    type: 'ownership.registered',
    subjectType: 'ownership',
    subjectId: ownershipId,
    payload: { ownershipId, ownerId, modelId: request.modelId, source: request.source, identifiedBy: request.identifiedBy, safetyOnly: request.safetyOnly },
  });
  return { kind: 'registered', ownershipId, ownerId };
}

async function lock(scope: BrandScope, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${scope.brandId}:${key}`}, 0))`.execute(scope.db);
}

/**
 * The owner to register to. Details typed by someone not signed in never overwrite an existing
 * owner's: anyone can type an email. They only fill what the owner had left empty.
 */
async function ownerFor(scope: BrandScope, request: RegistrationRequest): Promise<string> {
  const given = 'missing' in request.owner ? request.owner.missing : request.owner.details;
  let ownerId: string;
  if ('missing' in request.owner) ownerId = request.owner.signedInOwnerId;
  else {
    const details = request.owner.details;
    const email = details.email.toLowerCase();
    await lock(scope, `owner:${email}`);
    const existing = await scope.db.selectFrom('owners').select('id').where('email', '=', email).executeTakeFirst();
    if (!existing) {
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
        .returning('id')
        .executeTakeFirstOrThrow();
      return created.id;
    }
    ownerId = existing.id;
  }
  await scope.db
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
    .where('id', '=', ownerId)
    .execute();
  return ownerId;
}

/** A ticked box grants; an unticked one is recorded as "declined" only if the owner was never asked. */
async function recordRegistrationConsents(scope: BrandScope, ownerId: string, request: RegistrationRequest): Promise<void> {
  const current = await consentStateOf(scope, ownerId);
  for (const channel of ['email', 'sms'] as const) {
    if (request.consentsAsked && !request.consentsAsked[channel]) continue;
    const ticked = request.consents[channel];
    if (ticked || current[channel] === null) {
      await recordConsent(scope, ownerId, channel, ticked, request.consentWordings[channel], request.evidence, current);
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
