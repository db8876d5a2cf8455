import { z } from 'zod';
import { translatorFor } from '../owner-site/i18n.ts';
import type { Entitlement } from './entitlement.ts';

const coveragePart = z.object({
  covered: z.boolean(),
  until: z.string().nullable().meta({ description: 'Covered: the last day of the period covering today. Not covered: the last day ever covered, or null.' }),
});

/** An ownership's warranty entitlement as the API returns it. */
export const entitlementSchema = z.object({
  covered: z.boolean().meta({ description: 'Parts or labour covered today.' }),
  parts: coveragePart,
  labour: coveragePart,
  startsOn: z.string().nullable(),
  basis: z.enum(['purchase_date', 'delivery_date', 'registration_date', 'manufacture_date', 'none']),
  carePlan: z.object({ name: z.string(), until: z.string() }).nullable(),
  excludedBecause: z.string().nullable().meta({ description: "'retired', 'transferred_away' or 'not_transferable'." }),
  reasons: z.array(z.object({
    code: z.string(),
    params: z.record(z.string(), z.string()),
    text: z.string().optional().meta({ description: 'The reason in English, as the owner reads it.' }),
  })).meta({ description: 'The facts the answer rests on, in order.' }),
}).meta({ id: 'Entitlement' });

const english = translatorFor('en');

export function entitlementView(entitlement: Entitlement): z.output<typeof entitlementSchema> {
  return {
    covered: entitlement.covered,
    parts: entitlement.parts,
    labour: entitlement.labour,
    startsOn: entitlement.startsOn,
    basis: entitlement.basis,
    carePlan: entitlement.carePlan,
    excludedBecause: entitlement.excludedBecause,
    reasons: entitlement.reasons.map((reason) => ({ code: reason.code, params: { ...reason.params }, text: english(`entitlement.${reason.code}`, reason.params) })),
  };
}
