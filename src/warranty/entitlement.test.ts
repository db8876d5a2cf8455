import { describe, expect, it } from 'vitest';
import { deliveryStartLaw } from './delivery-law.ts';
import { type CarePlanFact, type EntitlementFacts, type WarrantyTerms, warrantyEntitlement } from './entitlement.ts';

const terms: WarrantyTerms = { partsMonths: 24, labourMonths: 12, startsAt: 'purchase', proofRequired: 'none', transferable: true, noProofGraceMonths: 3 };
const facts: EntitlementFacts = {
  purchaseDate: '2026-03-15',
  deliveredOn: null,
  registeredOn: '2026-04-02',
  manufacturedOn: null,
  proofStatus: 'none',
  country: 'US',
  postalCode: '10001',
  status: 'active',
  acquiredBy: 'registration',
  carePlans: [],
};
const plan = (overrides: Partial<CarePlanFact> = {}): CarePlanFact => ({
  name: 'Care+ 3 years',
  covers: 'parts_and_labour',
  startsOn: '2027-03-16',
  endsOn: '2029-03-15',
  transferable: true,
  fromEarlierOwner: false,
  ...overrides,
});

type Expect = { covered: boolean; parts: string | null; labour: string | null; startsOn: string | null; basis: string; partsCovered?: boolean; labourCovered?: boolean; codes?: string[]; excluded?: string | null };

describe('warrantyEntitlement', () => {
  it.each<[string, Partial<WarrantyTerms>, Partial<EntitlementFacts>, string, Expect]>([
    ['from the purchase date', {}, {}, '2026-11-23',
      { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date', codes: ['starts_purchase', 'parts_period', 'labour_period'] }],
    ['through the last day, inclusive', {}, {}, '2028-03-15', { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date', labourCovered: false }],
    ['not the day after: both periods over', {}, {}, '2028-03-16', { covered: false, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date' }],
    ['from registration when there is no purchase date', {}, { purchaseDate: null }, '2026-11-23',
      { covered: true, parts: '2028-04-02', labour: '2027-04-02', startsOn: '2026-04-02', basis: 'registration_date', codes: ['no_purchase_date', 'starts_registration_fallback', 'parts_period', 'labour_period'] }],
    ['from manufacture plus grace when there is no purchase date', {}, { purchaseDate: null, manufacturedOn: '2025-11-20' }, '2026-11-23',
      { covered: true, parts: '2028-02-20', labour: '2027-02-20', startsOn: '2026-02-20', basis: 'manufacture_date', codes: ['no_purchase_date', 'starts_manufacture', 'parts_period', 'labour_period'] }],
    ['from registration when it came before manufacture plus grace', {}, { purchaseDate: null, manufacturedOn: '2026-03-01' }, '2026-11-23',
      { covered: true, parts: '2028-04-02', labour: '2027-04-02', startsOn: '2026-04-02', basis: 'registration_date' }],
    ['without the required proof: from manufacture plus grace', { proofRequired: 'receipt' }, { manufacturedOn: '2025-10-01' }, '2026-11-23',
      { covered: true, parts: '2028-01-01', labour: '2027-01-01', startsOn: '2026-01-01', basis: 'manufacture_date', codes: ['proof_missing', 'starts_manufacture', 'parts_period', 'labour_period'] }],
    ['without the required proof: from the stated purchase when that is earlier', { proofRequired: 'receipt' }, { manufacturedOn: '2026-02-01' }, '2026-11-23',
      { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date', codes: ['proof_missing', 'starts_purchase_unproven', 'parts_period', 'labour_period'] }],
    ['without the required proof and no manufacture date: from the stated purchase, before registration', { proofRequired: 'receipt' }, {}, '2026-11-23',
      { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date', codes: ['proof_missing', 'starts_purchase_unproven', 'parts_period', 'labour_period'] }],
    ['with proof submitted: from purchase, pending verification', { proofRequired: 'receipt' }, { proofStatus: 'submitted' }, '2026-11-23',
      { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date', codes: ['starts_purchase_pending_proof', 'parts_period', 'labour_period'] }],
    ['with proof verified: from purchase', { proofRequired: 'receipt' }, { proofStatus: 'verified' }, '2026-11-23',
      { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date', codes: ['starts_purchase', 'parts_period', 'labour_period'] }],
    ['with proof rejected: the purchase date no longer counts', {}, { proofStatus: 'rejected' }, '2026-11-23',
      { covered: true, parts: '2028-04-02', labour: '2027-04-02', startsOn: '2026-04-02', basis: 'registration_date', codes: ['proof_rejected', 'starts_registration_fallback', 'parts_period', 'labour_period'] }],
    ['with proof rejected and a manufacture date long past: expired', { partsMonths: 12 }, { proofStatus: 'rejected', manufacturedOn: '2024-01-10' }, '2026-11-23',
      { covered: false, parts: '2025-04-10', labour: '2025-04-10', startsOn: '2024-04-10', basis: 'manufacture_date' }],
    ['from registration when the terms say so', { startsAt: 'registration' }, {}, '2026-11-23', { covered: true, parts: '2028-04-02', labour: '2027-04-02', startsOn: '2026-04-02', basis: 'registration_date', codes: ['starts_registration_terms', 'parts_period', 'labour_period'] }],
    ['from a later delivery in California', {}, { deliveredOn: '2026-04-20', postalCode: '94103' }, '2026-11-23',
      { covered: true, parts: '2028-04-20', labour: '2027-04-20', startsOn: '2026-04-20', basis: 'delivery_date', codes: ['starts_delivery_law', 'parts_period', 'labour_period'] }],
    ['from the purchase elsewhere, delivery notwithstanding', {}, { deliveredOn: '2026-04-20', postalCode: '10001' }, '2026-11-23',
      { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date' }],
    ['from a later delivery anywhere when the terms say so', { startsAt: 'delivery' }, { deliveredOn: '2026-04-20', country: 'MX', postalCode: '06600' }, '2026-11-23',
      { covered: true, parts: '2028-04-20', labour: '2027-04-20', startsOn: '2026-04-20', basis: 'delivery_date', codes: ['starts_delivery_terms', 'parts_period', 'labour_period'] }],
    ['from the purchase when delivery came first', { startsAt: 'delivery' }, { deliveredOn: '2026-03-01' }, '2026-11-23', { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date' }],
    ['from a leap day to the end of February', { partsMonths: 12, labourMonths: 48 }, { purchaseDate: '2028-02-29', registeredOn: '2028-03-01' }, '2029-02-28',
      { covered: true, parts: '2029-02-28', labour: '2032-02-29', startsOn: '2028-02-29', basis: 'purchase_date' }],
    ['into a leap day', { partsMonths: 25, labourMonths: 0 }, { purchaseDate: '2026-01-29', registeredOn: '2026-02-01' }, '2028-02-29',
      { covered: true, parts: '2028-02-29', labour: null, startsOn: '2026-01-29', basis: 'purchase_date', labourCovered: false }],
    ['from the end of a long month to the end of a short one', { partsMonths: 1, labourMonths: 0 }, { purchaseDate: '2026-01-31', registeredOn: '2026-02-01' }, '2026-02-28',
      { covered: true, parts: '2026-02-28', labour: null, startsOn: '2026-01-31', basis: 'purchase_date' }],
    ['with no base warranty at all', { partsMonths: 0, labourMonths: 0 }, {}, '2026-11-23',
      { covered: false, parts: null, labour: null, startsOn: '2026-03-15', basis: 'purchase_date', codes: ['starts_purchase', 'no_base_warranty'] }],
    ['for a later owner when the warranty is transferable', {}, { acquiredBy: 'transfer' }, '2026-11-23', { covered: true, parts: '2028-03-15', labour: '2027-03-15', startsOn: '2026-03-15', basis: 'purchase_date', excluded: null }],
    ['not for a later owner when it is not transferable', { transferable: false }, { acquiredBy: 'transfer' }, '2026-11-23',
      { covered: false, parts: null, labour: null, startsOn: null, basis: 'none', codes: ['not_transferable'], excluded: 'not_transferable' }],
    ['not for an owner who passed it on', {}, { status: 'transferred' }, '2026-11-23', { covered: false, parts: null, labour: null, startsOn: null, basis: 'none', codes: ['transferred_away'], excluded: 'transferred_away' }],
    ['not for a retired product', {}, { status: 'retired', carePlans: [plan()] }, '2027-06-01', { covered: false, parts: null, labour: null, startsOn: null, basis: 'none', codes: ['retired'], excluded: 'retired' }],
  ])('runs %s', (_, termChanges, factChanges, today, expected) => {
    const entitlement = warrantyEntitlement({ ...terms, ...termChanges }, { ...facts, ...factChanges }, today);
    expect({
      covered: entitlement.covered,
      parts: entitlement.parts.until,
      labour: entitlement.labour.until,
      startsOn: entitlement.startsOn,
      basis: entitlement.basis,
    }).toEqual({ covered: expected.covered, parts: expected.parts, labour: expected.labour, startsOn: expected.startsOn, basis: expected.basis });
    if (expected.partsCovered !== undefined) expect(entitlement.parts.covered).toBe(expected.partsCovered);
    if (expected.labourCovered !== undefined) expect(entitlement.labour.covered).toBe(expected.labourCovered);
    if (expected.codes) expect(entitlement.reasons.map((reason) => reason.code)).toEqual(expected.codes);
    if (expected.excluded !== undefined) expect(entitlement.excludedBecause).toBe(expected.excluded);
  });

  describe('with care plans', () => {
    const on = (today: string, carePlans: CarePlanFact[], changes: Partial<EntitlementFacts> = {}, termChanges: Partial<WarrantyTerms> = {}) =>
      warrantyEntitlement({ ...terms, ...termChanges }, { ...facts, carePlans, ...changes }, today);

    it('extends labour from the day after the base labour ends', () => {
      const entitlement = on('2027-06-01', [plan()]);
      expect(entitlement.labour).toEqual({ covered: true, until: '2029-03-15' });
      expect(entitlement.parts).toEqual({ covered: true, until: '2029-03-15' });
      expect(entitlement.carePlan).toEqual({ name: 'Care+ 3 years', until: '2029-03-15' });
    });

    it('overlapping the base warranty, covers through the later end and names the plan only while it runs', () => {
      const overlapping = plan({ startsOn: '2026-09-01', endsOn: '2027-09-01', covers: 'labour' });
      const duringBoth = on('2026-11-23', [overlapping]);
      expect(duringBoth.labour).toEqual({ covered: true, until: '2027-09-01' });
      expect(duringBoth.parts).toEqual({ covered: true, until: '2028-03-15' }); // a labour plan leaves parts as they were
      expect(duringBoth.carePlan?.name).toBe('Care+ 3 years');
      const beforePlan = on('2026-05-01', [overlapping]);
      expect(beforePlan.labour.until).toBe('2027-09-01'); // one period: base labour runs into the plan
      expect(beforePlan.carePlan).toBeNull();
    });

    it('with a gap after the base warranty, covers nothing in the gap and says when coverage last ended', () => {
      const later = plan({ startsOn: '2027-06-01', endsOn: '2028-05-31', covers: 'labour' });
      expect(on('2027-04-01', [later]).labour).toEqual({ covered: false, until: '2027-03-15' });
      expect(on('2027-07-01', [later]).labour).toEqual({ covered: true, until: '2028-05-31' });
    });

    it('covers a product with no base warranty while the plan runs', () => {
      const entitlement = on('2026-11-23', [plan({ startsOn: '2026-03-15', endsOn: '2027-03-14' })], {}, { partsMonths: 0, labourMonths: 0 });
      expect(entitlement.covered).toBe(true);
      expect(entitlement.parts.until).toBe('2027-03-14');
    });

    it('keeps an earlier owner’s plan only when it is transferable', () => {
      const kept = on('2028-06-01', [plan({ fromEarlierOwner: true })], { acquiredBy: 'transfer' });
      expect(kept.parts).toEqual({ covered: true, until: '2029-03-15' });
      const lost = on('2028-06-01', [plan({ fromEarlierOwner: true, transferable: false })], { acquiredBy: 'transfer' });
      expect(lost.covered).toBe(false);
      expect(lost.reasons.map((reason) => reason.code)).toContain('care_plan_not_transferred');
    });

    it('applies to a later owner even when the base warranty does not transfer', () => {
      const entitlement = on('2027-06-01', [plan({ fromEarlierOwner: true })], { acquiredBy: 'transfer' }, { transferable: false });
      expect(entitlement.excludedBecause).toBe('not_transferable');
      expect(entitlement.covered).toBe(true);
      expect(entitlement.basis).toBe('none');
    });
  });
});

describe('deliveryStartLaw', () => {
  it.each([
    ['US', '90001', 'California Civil Code 1795.6'],
    ['US', '96161-1234', 'California Civil Code 1795.6'],
    ['US', '96201', null], // overseas military post
    ['US', '89501', null],
    ['CA', '90210', null], // a Canadian postal code never looks like this, but the country decides
    ['US', null, null],
  ] as const)('in %s %s: %s', (country, postalCode, law) => {
    expect(deliveryStartLaw(country, postalCode)).toBe(law);
  });
});
