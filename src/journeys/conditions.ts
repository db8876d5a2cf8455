import { z } from 'zod';
import { type Comparison, comparisons, comparisonsFor, factInfo, factNames, listComparisons, valuelessComparisons } from './condition-facts.ts';

export { type Comparison, factNames } from './condition-facts.ts';

/**
 * What a condition can ask about an owner in a journey: the facts are gathered once per decision
 * (journey-facts.ts) and conditions read them by dotted name. `event.*` reads the event that entered
 * the owner; `attributes.*` what earlier journey steps set on the owner.
 */
export interface JourneyFacts {
  readonly owner: {
    readonly country: string | null;
    readonly language: string;
    readonly safetyOnly: boolean;
    readonly timeZone: string;
  };
  readonly consent: { readonly email: boolean; readonly sms: boolean };
  readonly ownership: {
    readonly stage: string;
    readonly daysOwned: number | null;
    readonly retailer: string | null;
    readonly source: string;
    readonly status: string;
    /** A review of this product exists (src/reviews), published or removed. */
    readonly reviewed: boolean;
  } | null;
  readonly model: { readonly id: string; readonly sku: string; readonly category: string } | null;
  readonly coverage: { readonly covered: boolean; readonly daysLeft: number | null; readonly carePlan: boolean } | null;
  readonly claims: { readonly open: number };
  /** What the owner has bought from the brand: their active ownerships, and care plans. */
  readonly purchases: {
    readonly products: number;
    readonly categories: readonly string[];
    readonly models: readonly string[];
    /** Days since the newest purchase (or registration, without a purchase date); null with no active product. */
    readonly daysSinceLast: number | null;
    readonly carePlans: number;
  };
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly event: Readonly<Record<string, unknown>>;
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly fact: string; readonly op: Comparison; readonly value?: unknown };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).max(50) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1).max(50) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z
      .object({ fact: z.string(), op: z.enum(comparisons), value: z.union([scalar, z.array(scalar).max(500)]).optional() })
      .strict()
      .superRefine((test, context) => {
        const info = factInfo(test.fact);
        if (info === null) {
          context.addIssue({ code: 'custom', path: ['fact'], message: `"${test.fact}" is not a fact journeys know; use one of ${factNames.join(', ')}, or attributes.<name> or event.<path>.` });
        }
        const kind = info === null || info === 'open' ? null : info.kind;
        if (!comparisonsFor(kind).includes(test.op)) {
          const message = kind === 'list'
            ? `"${test.fact}" is a list: ask whether it includes or excludes a value (or whether it exists).`
            : `"${test.op}" asks whether a list holds a value, and "${test.fact}" holds one value: use eq, ne, in or notIn.`;
          context.addIssue({ code: 'custom', path: ['op'], message });
        }
        const needsList = listComparisons.includes(test.op);
        const needsNone = valuelessComparisons.includes(test.op);
        if (needsList && !Array.isArray(test.value)) context.addIssue({ code: 'custom', path: ['value'], message: `"${test.op}" compares with a list of values.` });
        if (!needsList && !needsNone && (test.value === undefined || Array.isArray(test.value))) {
          context.addIssue({ code: 'custom', path: ['value'], message: `"${test.op}" compares with one value.` });
        }
      }),
  ]),
);

export function isKnownFact(name: string): boolean {
  return factInfo(name) !== null;
}

/** Reads a dotted fact name; a missing step along the way is `undefined`. */
export function factValue(facts: JourneyFacts, name: string): unknown {
  let value: unknown = facts;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Whether the facts meet the condition. A comparison with a fact that is missing (no ownership, an
 * attribute never set) is false, except `missing`, `ne`, `notIn` and `excludes`, which hold for it.
 * `includes` holds when the fact is a list with the value in it; `excludes` is its opposite.
 * Segments compile the same rules to SQL (src/segments/condition-sql.ts); a test holds the two together.
 */
export function meets(condition: Condition, facts: JourneyFacts): boolean {
  if ('all' in condition) return condition.all.every((part) => meets(part, facts));
  if ('any' in condition) return condition.any.some((part) => meets(part, facts));
  if ('not' in condition) return !meets(condition.not, facts);
  const actual = factValue(facts, condition.fact);
  const present = actual !== undefined && actual !== null;
  switch (condition.op) {
    case 'exists':
      return present;
    case 'missing':
      return !present;
    case 'eq':
      return present && same(actual, condition.value);
    case 'ne':
      return !present || !same(actual, condition.value);
    case 'in':
      return present && (condition.value as unknown[]).some((value) => same(actual, value));
    case 'notIn':
      return !present || !(condition.value as unknown[]).some((value) => same(actual, value));
    case 'includes':
      return Array.isArray(actual) && actual.some((item) => same(item, condition.value));
    case 'excludes':
      return !(Array.isArray(actual) && actual.some((item) => same(item, condition.value)));
    default:
      return present && ordered(actual, condition.op, condition.value);
  }
}

// Text compares without regard to case: "us" and "US" name the same country.
function same(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') return actual.toLowerCase() === expected.toLowerCase();
  return actual === expected;
}

function ordered(actual: unknown, op: 'gt' | 'gte' | 'lt' | 'lte', expected: unknown): boolean {
  const comparable = (typeof actual === 'number' && typeof expected === 'number') || (typeof actual === 'string' && typeof expected === 'string');
  if (!comparable) return false;
  const a = actual as number | string;
  const b = expected as number | string;
  return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
}
