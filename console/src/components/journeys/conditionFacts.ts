// What a journey condition can ask about, for the condition editor: the facts the engine knows
// (src/journeys/conditions.ts `factNames`, mirrored here), what kind of value each holds, and the operators.
import { type JourneyComparison, type JourneyScalar, lifecycleStages, registrationSources } from '../../types';

export type FactKind = 'text' | 'number' | 'boolean';

interface FactInfo {
  label: string;
  kind: FactKind;
  /** The values the fact can take, when there are few. */
  choices?: readonly string[];
}

export const knownFacts: Record<string, FactInfo> = {
  'owner.country': { label: 'Owner: country (ISO code, e.g. US)', kind: 'text' },
  'owner.language': { label: 'Owner: language (e.g. en)', kind: 'text' },
  'owner.safetyOnly': { label: 'Owner: registered for safety notices only', kind: 'boolean' },
  'owner.timeZone': { label: 'Owner: time zone (e.g. America/Chicago)', kind: 'text' },
  'consent.email': { label: 'Consent: email marketing', kind: 'boolean' },
  'consent.sms': { label: 'Consent: SMS marketing', kind: 'boolean' },
  'ownership.stage': { label: 'Product: lifecycle stage', kind: 'text', choices: lifecycleStages },
  'ownership.daysOwned': { label: 'Product: days owned', kind: 'number' },
  'ownership.retailer': { label: 'Product: retailer', kind: 'text' },
  'ownership.source': { label: 'Product: registered through', kind: 'text', choices: registrationSources },
  'ownership.status': { label: 'Product: ownership status', kind: 'text', choices: ['active', 'transferred', 'retired'] },
  'model.id': { label: 'Model: id', kind: 'text' },
  'model.sku': { label: 'Model: SKU', kind: 'text' },
  'model.category': { label: 'Model: category', kind: 'text' },
  'coverage.covered': { label: 'Coverage: under warranty or care plan', kind: 'boolean' },
  'coverage.daysLeft': { label: 'Coverage: days left', kind: 'number' },
  'coverage.carePlan': { label: 'Coverage: has a care plan', kind: 'boolean' },
  'claims.open': { label: 'Claims: open claims', kind: 'number' },
  'purchases.carePlans': { label: 'Purchases: care plans bought', kind: 'number' },
};

/** Suggestions for the fact field; `attributes.<name>` and `event.<path>` are typed in full. */
export const factOptions = [
  ...Object.entries(knownFacts).map(([value, info]) => ({ value, label: info.label })),
  { value: 'attributes.', label: 'Attribute set by an update step: attributes.<name>' },
  { value: 'event.data.', label: 'The entering event: event.data.<field>' },
];

export const operatorLabels: Record<JourneyComparison, string> = {
  eq: 'is',
  ne: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  in: 'is one of',
  notIn: 'is none of',
  exists: 'is set',
  missing: 'is not set',
};

export const operatorOptions = Object.entries(operatorLabels).map(([value, label]) => ({ value, label }));

export function factKind(fact: string): FactKind | null {
  return knownFacts[fact]?.kind ?? null;
}

export function takesList(op: JourneyComparison): boolean {
  return op === 'in' || op === 'notIn';
}

export function takesNoValue(op: JourneyComparison): boolean {
  return op === 'exists' || op === 'missing';
}

/**
 * Text typed for a value, as the API compares it: by the fact's kind when it is known; for
 * `attributes.*` and `event.*` a number, true/false or null reads as such and anything else as text.
 */
export function parseValue(text: string, kind: FactKind | null): JourneyScalar {
  const trimmed = text.trim();
  if (kind === 'text') return text;
  if (kind === 'number') return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (kind === null && trimmed === 'null') return null;
  if (kind === null && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
}

export function valueText(value: JourneyScalar | undefined): string {
  return value === undefined ? '' : value === null ? 'null' : String(value);
}
