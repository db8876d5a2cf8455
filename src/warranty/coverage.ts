import { addMonths, formatISO, parseISO } from 'date-fns';
import type { WarrantyStart } from '../catalog/model-schema.ts';

export interface WarrantyTerms {
  readonly partsMonths: number;
  readonly labourMonths: number;
  readonly startsAt: WarrantyStart;
}

export interface CoverageFacts {
  /** 'YYYY-MM-DD', when the owner told us. */
  readonly purchaseDate: string | null;
  /** 'YYYY-MM-DD', the day the ownership was registered. */
  readonly registeredOn: string;
}

export interface Coverage {
  readonly startsOn: string;
  /** Why coverage starts when it does, for the owner and the agent to read. */
  readonly startBasis: 'purchase_date' | 'registration_date';
  /** The last day covered (inclusive). */
  readonly partsUntil: string;
  readonly labourUntil: string;
}

/**
 * When a registered product's warranty starts and ends. Coverage runs from the purchase date, or from
 * registration when the terms say so or no purchase date is known, through the same calendar day
 * `months` later (31 January + 1 month is 28 or 29 February: date-fns clamps to the month's end).
 */
export function warrantyCoverage(terms: WarrantyTerms, facts: CoverageFacts): Coverage {
  const fromPurchase = terms.startsAt === 'purchase' && facts.purchaseDate !== null;
  const startsOn = fromPurchase ? (facts.purchaseDate as string) : facts.registeredOn;
  const start = parseISO(startsOn);
  const until = (months: number) => formatISO(addMonths(start, months), { representation: 'date' });
  return {
    startsOn,
    startBasis: fromPurchase ? 'purchase_date' : 'registration_date',
    partsUntil: until(terms.partsMonths),
    labourUntil: until(terms.labourMonths),
  };
}

/** Whether a day ('YYYY-MM-DD') is still within a coverage end date. */
export function isCoveredOn(until: string, day: string): boolean {
  return day <= until;
}
