import { z } from 'zod';
import { diff, recordAudit } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';

const day = z.iso.date('Give a date as YYYY-MM-DD.');

export const warrantyFactsBody = z.strictObject({
  purchaseDate: day.nullable().optional(),
  deliveredOn: day.nullable().optional().meta({ description: 'The day of delivery or installation.' }),
}).refine((facts) => facts.purchaseDate !== undefined || facts.deliveredOn !== undefined, { message: 'Give purchaseDate, deliveredOn or both.' });
export type WarrantyFactsInput = z.output<typeof warrantyFactsBody>;

/** Corrects the dates an ownership's warranty is counted from, as an agent learns them from the owner. */
export async function setWarrantyFacts(scope: BrandScope, actor: Actor, ownershipId: string, input: WarrantyFactsInput, today: string): Promise<void> {
  for (const [field, value] of Object.entries(input)) {
    if (typeof value === 'string' && value > today) throw invalidField(field, 'This day has not come yet; give the day it happened.');
  }
  const before = await scope.db.selectFrom('ownerships').select(['purchase_date', 'delivered_on']).where('id', '=', ownershipId).executeTakeFirst();
  if (!before) throw new ApiError('not_found', 'There is no ownership with this id.');
  const after = {
    purchase_date: input.purchaseDate === undefined ? before.purchase_date : input.purchaseDate,
    delivered_on: input.deliveredOn === undefined ? before.delivered_on : input.deliveredOn,
  };
  await scope.db.updateTable('ownerships').set({ ...after, updated_at: new Date() }).where('id', '=', ownershipId).execute();
  await recordAudit(scope, actor, { action: 'ownership.warranty_facts_changed', subjectType: 'ownership', subjectId: ownershipId, changes: diff(before, after) });
}
