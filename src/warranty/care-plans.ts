import type { Selectable } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../access/audit.ts';
import { type Actor, attributionOf } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { monthsAfter } from './entitlement.ts';
import type { WarrantyTables } from './tables.ts';

const day = z.iso.date('Give a date as YYYY-MM-DD.');

export const carePlanBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the plan, e.g. "Care+ 3 years".').max(200),
  covers: z.enum(['parts_and_labour', 'parts', 'labour']).default('parts_and_labour'),
  startsOn: day.meta({ description: 'The first day covered; usually the day after the base warranty ends.' }),
  endsOn: day.optional().meta({ description: 'The last day covered (inclusive). Give this or months.' }),
  months: z.number().int().min(1).max(1200).optional().meta({ description: 'How long it runs from startsOn, instead of endsOn.' }),
  transferable: z.boolean().default(true).meta({ description: 'Whether it stays with the unit when it passes to a new owner.' }),
  price: z.strictObject({
    amountMinor: z.number().int('Give the amount in minor units (cents).').min(0),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as USD.'),
  }).optional(),
  reference: z.string().trim().min(1).max(200).optional().meta({ description: 'Your order or contract number. The same reference again returns the plan it made instead of adding another.' }),
}).refine((plan) => (plan.endsOn === undefined) !== (plan.months === undefined), { message: 'Give either endsOn or months.', path: ['endsOn'] });
export type CarePlanInput = z.output<typeof carePlanBody>;

export const carePlanView = z.object({
  id: z.uuid(),
  ownershipId: z.uuid(),
  name: z.string(),
  covers: z.enum(['parts_and_labour', 'parts', 'labour']),
  startsOn: z.string(),
  endsOn: z.string(),
  transferable: z.boolean(),
  price: z.object({ amountMinor: z.number(), currency: z.string() }).nullable(),
  reference: z.string().nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
}).meta({ id: 'CarePlan' });
export type CarePlanView = z.output<typeof carePlanView>;

type CarePlanRow = Selectable<WarrantyTables['care_plans']>;

/** Adds extended coverage to an ownership; with a reference already used, answers the plan it made. */
export async function addCarePlan(scope: BrandScope, actor: Actor, ownershipId: string, input: CarePlanInput): Promise<{ plan: CarePlanView; created: boolean }> {
  const ownership = await scope.db.selectFrom('ownerships').select(['id', 'owner_id', 'status']).where('id', '=', ownershipId).executeTakeFirst();
  if (!ownership) throw new ApiError('not_found', 'There is no ownership with this id.');
  if (input.reference) {
    const earlier = await scope.db.selectFrom('care_plans').selectAll().where('reference', '=', input.reference).executeTakeFirst();
    if (earlier && earlier.ownership_id !== ownershipId) throw new ApiError('conflict', `The reference ${input.reference} is already used by a care plan of another ownership.`);
    if (earlier) return { plan: toView(earlier), created: false };
  }
  if (ownership.status !== 'active') throw new ApiError('conflict', 'This ownership has ended (transferred or retired): add the plan to the current owner’s ownership.');
  // Counted as the base warranty is: through the same calendar day, n months on.
  const endsOn = input.endsOn ?? monthsAfter(input.startsOn, input.months as number);
  if (endsOn < input.startsOn) throw invalidField('endsOn', 'The plan ends before it starts.');
  const row = await scope.db
    .insertInto('care_plans')
    .values({
      brand_id: scope.brandId,
      ownership_id: ownershipId,
      name: input.name,
      covers: input.covers,
      starts_on: input.startsOn,
      ends_on: endsOn,
      transferable: input.transferable,
      price_minor: input.price?.amountMinor ?? null,
      currency: input.price?.currency ?? null,
      reference: input.reference ?? null,
      created_by: actor.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await publishEvent(scope, {
    type: 'care_plan.added',
    subjectType: 'ownership',
    subjectId: ownershipId,
    payload: { carePlanId: row.id, ownershipId, ownerId: ownership.owner_id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on, price: input.price ?? null, actor: attributionOf(actor) },
  });
  await recordAudit(scope, actor, { action: 'care_plan.added', subjectType: 'ownership', subjectId: ownershipId, changes: { carePlanId: row.id, name: row.name, endsOn: row.ends_on } });
  return { plan: toView(row), created: true };
}

export async function listCarePlans(scope: BrandScope, ownershipId: string): Promise<CarePlanView[]> {
  const rows = await scope.db.selectFrom('care_plans').selectAll().where('ownership_id', '=', ownershipId).orderBy('starts_on').execute();
  return rows.map(toView);
}

/** Cancels a plan (refunded, mis-sold); it stays on record but covers nothing. */
export async function cancelCarePlan(scope: BrandScope, actor: Actor, carePlanId: string): Promise<CarePlanView> {
  const row = await scope.db.updateTable('care_plans').set({ cancelled_at: new Date() }).where('id', '=', carePlanId).where('cancelled_at', 'is', null).returningAll().executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'There is no active care plan with this id.');
  await recordAudit(scope, actor, { action: 'care_plan.cancelled', subjectType: 'ownership', subjectId: row.ownership_id, changes: { carePlanId: row.id } });
  return toView(row);
}

function toView(row: CarePlanRow): CarePlanView {
  return {
    id: row.id,
    ownershipId: row.ownership_id,
    name: row.name,
    covers: row.covers,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    transferable: row.transferable,
    price: row.price_minor !== null && row.currency !== null ? { amountMinor: row.price_minor, currency: row.currency } : null,
    reference: row.reference,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
  };
}
