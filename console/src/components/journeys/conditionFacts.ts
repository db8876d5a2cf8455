// What a condition can ask about, for the condition editor: the engine's own fact catalogue
// (src/journeys/condition-facts.ts, bundled as it is), the operators each kind of fact takes, and
// which facts a segment can use.
import {
  type FactInfo,
  type FactKind,
  comparisonsFor,
  factCatalogue,
  listComparisons,
  openFacts,
  segmentRefusal,
  valuelessComparisons,
} from '../../../../src/journeys/condition-facts';
import type { JourneyComparison, JourneyScalar } from '../../types';

export type { FactKind };

/** Journeys ask about every fact; segments about those SQL can compute (no time zone, no event). */
export type ConditionScope = 'journey' | 'segment';

export const knownFacts: Readonly<Record<string, FactInfo>> = factCatalogue;

/** Suggestions for the fact field; `attributes.<name>` and `event.<path>` are typed in full. */
export function factOptionsFor(scope: ConditionScope) {
  const usable = (refusal: string | undefined) => scope === 'journey' || refusal === undefined;
  return [
    ...Object.entries(knownFacts).filter(([, info]) => usable(info.notInSegments)).map(([value, info]) => ({ value, label: info.label })),
    ...openFacts.filter((open) => usable('notInSegments' in open ? open.notInSegments : undefined)).map((open) => ({ value: open.prefix === 'event.' ? 'event.data.' : open.prefix, label: open.label })),
  ];
}

/** Why a segment cannot use this fact, or null. */
export function segmentProblemOf(fact: string): string | null {
  return segmentRefusal(fact);
}

export const operatorLabels: Record<JourneyComparison, string> = {
  eq: 'is',
  ne: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  in: 'is one of',
  notIn: 'is none of',
  includes: 'includes',
  excludes: 'does not include',
  exists: 'is set',
  missing: 'is not set',
};

/** The operators the fact takes: a list asks includes / does not include; one value all but those. */
export function operatorOptionsFor(fact: string) {
  const allowed = comparisonsFor(factKind(fact));
  return Object.entries(operatorLabels)
    .filter(([op]) => allowed.includes(op as JourneyComparison))
    .map(([value, label]) => ({ value, label }));
}

export function factKind(fact: string): FactKind | null {
  return knownFacts[fact]?.kind ?? null;
}

export function takesList(op: JourneyComparison): boolean {
  return listComparisons.includes(op);
}

export function takesNoValue(op: JourneyComparison): boolean {
  return valuelessComparisons.includes(op);
}

/**
 * Text typed for a value, as the API compares it: by the fact's kind when it is known (a list holds
 * text); for `attributes.*` and `event.*` a number, true/false or null reads as such and anything else as text.
 */
export function parseValue(text: string, kind: FactKind | null): JourneyScalar {
  const trimmed = text.trim();
  if (kind === 'text' || kind === 'list') return text;
  if (kind === 'number') return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (kind === null && trimmed === 'null') return null;
  if (kind === null && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
}

export function valueText(value: JourneyScalar | undefined): string {
  return value === undefined ? '' : value === null ? 'null' : String(value);
}
