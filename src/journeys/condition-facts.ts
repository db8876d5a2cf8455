// The facts a condition can ask about and the comparisons it can make: the one list the engine
// validates conditions against, segments compile to SQL, and the console's condition builder shows.
// It imports nothing, so the console bundles it as it is (console/src/components/journeys/conditionFacts.ts).

/** What a fact holds: one text, number or yes/no, or a list of texts. */
export type FactKind = 'text' | 'number' | 'boolean' | 'list';

export interface FactInfo {
  readonly label: string;
  readonly kind: FactKind;
  /** The values the fact can take, when there are few. */
  readonly choices?: readonly string[];
  /** Why a segment cannot ask about it; absent when it can. */
  readonly notInSegments?: string;
}

const stages = ['unboxing', 'onboarding', 'enjoying', 'sharing', 'caring'];
const sources = ['qr', 'web', 'api', 'import', 'console'];

export const factCatalogue = {
  'owner.country': { label: 'Owner: country (ISO code, e.g. US)', kind: 'text' },
  'owner.language': { label: 'Owner: language (e.g. en)', kind: 'text' },
  'owner.safetyOnly': { label: 'Owner: registered for safety notices only', kind: 'boolean' },
  'owner.timeZone': {
    label: 'Owner: time zone (e.g. America/Chicago)',
    kind: 'text',
    // Worked out per owner from a postal-code dataset in the application, not from a column.
    notInSegments: 'An owner\'s time zone is worked out from their postal code when a message is timed, so a segment cannot select by it; use owner.country, or a journey entry condition.',
  },
  'consent.email': { label: 'Consent: email marketing', kind: 'boolean' },
  'consent.sms': { label: 'Consent: SMS marketing', kind: 'boolean' },
  'ownership.stage': { label: 'Product: lifecycle stage', kind: 'text', choices: stages },
  'ownership.daysOwned': { label: 'Product: days owned', kind: 'number' },
  'ownership.retailer': { label: 'Product: retailer', kind: 'text' },
  'ownership.source': { label: 'Product: registered through', kind: 'text', choices: sources },
  'ownership.status': { label: 'Product: ownership status', kind: 'text', choices: ['active', 'transferred', 'retired'] },
  'ownership.reviewed': { label: 'Product: the owner has written a review of it', kind: 'boolean' },
  'model.id': { label: 'Model: id', kind: 'text' },
  'model.sku': { label: 'Model: SKU', kind: 'text' },
  'model.category': { label: 'Model: category', kind: 'text' },
  'coverage.covered': { label: 'Coverage: under warranty or care plan', kind: 'boolean' },
  'coverage.daysLeft': { label: 'Coverage: days left', kind: 'number' },
  'coverage.carePlan': { label: 'Coverage: has a care plan', kind: 'boolean' },
  'claims.open': { label: 'Claims: open claims', kind: 'number' },
  'purchases.products': { label: 'Purchases: products the owner has (active)', kind: 'number' },
  'purchases.categories': { label: 'Purchases: categories the owner has', kind: 'list' },
  'purchases.models': { label: 'Purchases: model SKUs the owner has', kind: 'list' },
  'purchases.daysSinceLast': { label: 'Purchases: days since the newest purchase', kind: 'number' },
  'purchases.carePlans': { label: 'Purchases: care plans bought', kind: 'number' },
} as const satisfies Readonly<Record<string, FactInfo>>;

export type FactName = keyof typeof factCatalogue;

/** The fact names a condition may use besides `attributes.<name>` and `event.<path>`. */
export const factNames = Object.keys(factCatalogue) as FactName[];

/** Facts named by a prefix and a path of the brand's choosing. */
export const openFacts = [
  { prefix: 'attributes.', label: 'Attribute set by an update step: attributes.<name>' },
  {
    prefix: 'event.',
    label: 'The entering event: event.data.<field>',
    notInSegments: 'event.* is the event that entered an owner into a journey; a segment has no event, so it cannot ask about one. Use it in a journey\'s entry conditions.',
  },
] as const;

export const comparisons = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'includes', 'excludes', 'exists', 'missing'] as const;
export type Comparison = (typeof comparisons)[number];

/** Comparisons that take a list of values, and those that take none. */
export const listComparisons: readonly Comparison[] = ['in', 'notIn'];
export const valuelessComparisons: readonly Comparison[] = ['exists', 'missing'];
/** Whether a list fact holds a value: the only comparisons a list fact takes (besides exists/missing). */
export const containmentComparisons: readonly Comparison[] = ['includes', 'excludes'];

/** What is known about a fact name: its catalogue entry, `open` for attributes/event paths, null for an unknown name. */
export function factInfo(name: string): FactInfo | 'open' | null {
  if (Object.hasOwn(factCatalogue, name)) return factCatalogue[name as FactName];
  return openFacts.some((open) => name.startsWith(open.prefix) && name.length > open.prefix.length) ? 'open' : null;
}

/** The comparisons a fact of this kind takes; attributes and event paths (kind unknown) take all. */
export function comparisonsFor(kind: FactKind | null): readonly Comparison[] {
  if (kind === 'list') return [...containmentComparisons, ...valuelessComparisons];
  if (kind === null) return comparisons;
  return comparisons.filter((op) => !containmentComparisons.includes(op));
}

/** Why a segment cannot use this fact, or null when it can. */
export function segmentRefusal(name: string): string | null {
  if (Object.hasOwn(factCatalogue, name)) {
    const info: FactInfo = factCatalogue[name as FactName];
    return info.notInSegments ?? null;
  }
  const open = openFacts.find((fact) => name.startsWith(fact.prefix));
  return open && 'notInSegments' in open ? open.notInSegments : null;
}
