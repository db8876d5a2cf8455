import { addMonths, formatISO, parseISO } from 'date-fns';
import { addDaysTo } from '../platform/calendar.ts';
import type { ProofRequired, WarrantyStart } from '../catalog/model-schema.ts';
import { deliveryStartLaw } from './delivery-law.ts';

export type ProofStatus = 'none' | 'submitted' | 'verified' | 'rejected';
export type CarePlanCover = 'parts_and_labour' | 'parts' | 'labour';

/** A model's warranty, as the brand wrote it. */
export interface WarrantyTerms {
  readonly partsMonths: number;
  readonly labourMonths: number;
  readonly startsAt: WarrantyStart;
  readonly proofRequired: ProofRequired;
  /** Whether a later owner (a transfer) keeps the warranty. */
  readonly transferable: boolean;
  /** Without proof of purchase, coverage starts this long after the date of manufacture. */
  readonly noProofGraceMonths: number;
}

export interface CarePlanFact {
  readonly name: string;
  readonly covers: CarePlanCover;
  readonly startsOn: string;
  /** The last day covered (inclusive). */
  readonly endsOn: string;
  readonly transferable: boolean;
  /** Bought by an earlier owner of the unit, before a transfer. */
  readonly fromEarlierOwner: boolean;
}

/** What is known about one ownership; dates are 'YYYY-MM-DD'. */
export interface EntitlementFacts {
  readonly purchaseDate: string | null;
  /** The day of delivery or installation, when the owner or the brand told us. */
  readonly deliveredOn: string | null;
  readonly registeredOn: string;
  readonly manufacturedOn: string | null;
  readonly proofStatus: ProofStatus;
  readonly country: string | null;
  readonly postalCode: string | null;
  readonly status: 'active' | 'transferred' | 'retired';
  /** 'transfer': the unit came from an earlier owner. */
  readonly acquiredBy: 'registration' | 'transfer';
  readonly carePlans: readonly CarePlanFact[];
}

export type CoverageBasis = 'purchase_date' | 'delivery_date' | 'registration_date' | 'manufacture_date' | 'none';

/** One fact the answer rests on: an i18n key under `entitlement.` and its values. */
export interface EntitlementReason {
  readonly code: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface CoveragePart {
  readonly covered: boolean;
  /** Covered: the last day of the period covering today. Not covered: the last day ever covered, or null. */
  readonly until: string | null;
}

export interface Entitlement {
  /** Parts or labour covered today. */
  readonly covered: boolean;
  readonly parts: CoveragePart;
  readonly labour: CoveragePart;
  /** When the base warranty starts; null when there is none. */
  readonly startsOn: string | null;
  readonly basis: CoverageBasis;
  /** The care plan covering today, if any. */
  readonly carePlan: { readonly name: string; readonly until: string } | null;
  readonly reasons: readonly EntitlementReason[];
  /** Why the base warranty does not apply at all: 'retired', 'transferred_away', 'not_transferable'. */
  readonly excludedBecause: string | null;
}

interface Period {
  readonly from: string;
  readonly until: string;
}

/**
 * Warranty entitlement of one ownership on `today`: whether parts and labour are covered, until when,
 * and the facts that decided it. Coverage runs from its start through the same calendar day `months`
 * later, inclusive (date-fns clamps 31 January + 1 month to the end of February; a 29 February start
 * ends on 28 February in a common year). Care plans extend it; periods that touch or overlap are one.
 */
export function warrantyEntitlement(terms: WarrantyTerms, facts: EntitlementFacts, today: string): Entitlement {
  const reasons: EntitlementReason[] = [];
  const reason = (code: string, params: Record<string, string> = {}) => reasons.push({ code, params });

  const excludedBecause = facts.status === 'retired' ? 'retired' : facts.status === 'transferred' ? 'transferred_away' : null;
  if (excludedBecause) {
    reason(excludedBecause);
    return { covered: false, parts: none, labour: none, startsOn: null, basis: 'none', carePlan: null, reasons, excludedBecause };
  }

  const baseExcluded = facts.acquiredBy === 'transfer' && !terms.transferable;
  const start = baseExcluded ? null : baseStart(terms, facts, reason);
  if (baseExcluded) reason('not_transferable');
  const partsPeriods: Period[] = [];
  const labourPeriods: Period[] = [];
  if (start) {
    if (terms.partsMonths > 0) partsPeriods.push({ from: start.on, until: monthsAfter(start.on, terms.partsMonths) });
    if (terms.labourMonths > 0) labourPeriods.push({ from: start.on, until: monthsAfter(start.on, terms.labourMonths) });
    if (partsPeriods[0]) reason('parts_period', { months: String(terms.partsMonths), until: partsPeriods[0].until });
    if (labourPeriods[0]) reason('labour_period', { months: String(terms.labourMonths), until: labourPeriods[0].until });
    if (terms.partsMonths === 0 && terms.labourMonths === 0) reason('no_base_warranty');
  }

  let carePlan: Entitlement['carePlan'] = null;
  for (const plan of facts.carePlans) {
    if (plan.fromEarlierOwner && !plan.transferable) {
      reason('care_plan_not_transferred', { name: plan.name });
      continue;
    }
    const period = { from: plan.startsOn, until: plan.endsOn };
    if (plan.covers !== 'labour') partsPeriods.push(period);
    if (plan.covers !== 'parts') labourPeriods.push(period);
    reason('care_plan', { name: plan.name, from: plan.startsOn, until: plan.endsOn });
    if (plan.startsOn <= today && today <= plan.endsOn && (!carePlan || plan.endsOn > carePlan.until)) carePlan = { name: plan.name, until: plan.endsOn };
  }

  const parts = coverageOn(partsPeriods, today);
  const labour = coverageOn(labourPeriods, today);
  return {
    covered: parts.covered || labour.covered,
    parts,
    labour,
    startsOn: start?.on ?? null,
    basis: start?.basis ?? 'none',
    carePlan,
    reasons,
    excludedBecause: baseExcluded ? 'not_transferable' : null,
  };
}

const none: CoveragePart = { covered: false, until: null };

type Start = { readonly on: string; readonly basis: CoverageBasis };
type Note = (code: string, params?: Record<string, string>) => void;

/** When the base warranty starts, and on what basis; records why in `reason`. */
function baseStart(terms: WarrantyTerms, facts: EntitlementFacts, reason: Note): Start {
  if (terms.startsAt === 'registration') {
    reason('starts_registration_terms', { date: facts.registeredOn });
    return { on: facts.registeredOn, basis: 'registration_date' };
  }
  const { purchaseDate, proofStatus } = facts;
  if (purchaseDate === null || proofStatus === 'rejected') {
    reason(purchaseDate === null ? 'no_purchase_date' : 'proof_rejected');
    return startWithoutProof(terms, facts, reason);
  }
  if (terms.proofRequired !== 'none' && proofStatus === 'none') {
    // An unproven purchase date may shorten coverage, never lengthen it.
    reason('proof_missing');
    const fallback = startWithoutProof(terms, facts, () => {});
    if (purchaseDate < fallback.on) {
      reason('starts_purchase_unproven', { date: purchaseDate });
      return { on: purchaseDate, basis: 'purchase_date' };
    }
    return startWithoutProof(terms, facts, reason);
  }
  const law = terms.startsAt === 'delivery' ? null : deliveryStartLaw(facts.country, facts.postalCode);
  if (facts.deliveredOn && facts.deliveredOn > purchaseDate && (terms.startsAt === 'delivery' || law)) {
    reason(law ? 'starts_delivery_law' : 'starts_delivery_terms', { date: facts.deliveredOn, purchased: purchaseDate, ...(law ? { law } : {}) });
    return { on: facts.deliveredOn, basis: 'delivery_date' };
  }
  reason(proofStatus === 'submitted' && terms.proofRequired !== 'none' ? 'starts_purchase_pending_proof' : 'starts_purchase', { date: purchaseDate });
  return { on: purchaseDate, basis: 'purchase_date' };
}

/** Without a usable purchase date: the date of manufacture plus the grace, or registration if earlier. */
function startWithoutProof(terms: WarrantyTerms, facts: EntitlementFacts, reason: Note): Start {
  if (facts.manufacturedOn) {
    // Made, then shipped and shelved: the grace stands for that time. An owner who registered earlier
    // than that clearly had it by then.
    const afterGrace = monthsAfter(facts.manufacturedOn, terms.noProofGraceMonths);
    if (afterGrace <= facts.registeredOn) {
      reason('starts_manufacture', { date: afterGrace, manufactured: facts.manufacturedOn, months: String(terms.noProofGraceMonths) });
      return { on: afterGrace, basis: 'manufacture_date' };
    }
  }
  reason('starts_registration_fallback', { date: facts.registeredOn });
  return { on: facts.registeredOn, basis: 'registration_date' };
}

/** Merges touching periods and answers for the one holding `today`, or the last one before it. */
function coverageOn(periods: readonly Period[], today: string): CoveragePart {
  const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : 1));
  const merged: { from: string; until: string }[] = [];
  for (const period of sorted) {
    const last = merged.at(-1);
    if (last && period.from <= addDaysTo(last.until, 1)) last.until = period.until > last.until ? period.until : last.until;
    else merged.push({ ...period });
  }
  const current = merged.find((period) => period.from <= today && today <= period.until);
  if (current) return { covered: true, until: current.until };
  const past = merged.filter((period) => period.until < today).at(-1);
  return { covered: false, until: past?.until ?? null };
}

/** The last day of whatever is covered today, parts or labour, whichever runs longer; null when nothing is. */
export function lastCoveredDay(entitlement: Entitlement): string | null {
  const ends = [entitlement.parts, entitlement.labour].filter((part) => part.covered).map((part) => part.until as string);
  return ends.sort().at(-1) ?? null;
}

/** The last day of a period of `months` starting on `start`: the same calendar day, `months` later. */
export function monthsAfter(start: string, months: number): string {
  return formatISO(addMonths(parseISO(start), months), { representation: 'date' });
}
