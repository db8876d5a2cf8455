// The personalisation a template may use: every variable, what it holds, and an example value. The
// list is the contract with brand authors: saving a template that names anything else is refused.
import { reviewLinkLifetimeDays } from '../../reviews/review-link.ts';

export interface TemplateVariable {
  /** As written in a template: `owner.firstName`. */
  readonly path: string;
  readonly description: string;
  /** What the sample render (template checks, the variable list) uses. */
  readonly example: string | number | boolean | null;
}

/** Roots whose values exist only when the message is about one product (an ownership). */
export const productRoots = ['product', 'ownership', 'coverage'] as const;

/** Roots filled from the caller's `extra`: `offer` from `extra.offer`, `extra` with anything it holds. */
export const extraRoots = ['offer', 'extra'] as const;

export const templateVariables: readonly TemplateVariable[] = [
  { path: 'owner.name', description: "The owner's full name.", example: 'Ana García' },
  { path: 'owner.firstName', description: 'The first word of the name.', example: 'Ana' },
  { path: 'owner.email', description: "The owner's email address.", example: 'ana@example.com' },
  { path: 'owner.phone', description: "The owner's phone number (E.164), or empty.", example: '+15555550100' },
  { path: 'owner.language', description: 'The language the message is written in (en, es, …).', example: 'en' },
  { path: 'owner.country', description: 'Two-letter country code, or empty.', example: 'US' },
  { path: 'owner.postalCode', description: 'Postal code, or empty.', example: '94103' },
  { path: 'brand.name', description: "The brand's name.", example: 'Acme' },
  { path: 'brand.supportEmail', description: 'Support email from the registration settings, or empty.', example: 'help@acme.example' },
  { path: 'brand.supportPhone', description: 'Support phone from the registration settings, or empty.', example: '+1 555 0100' },
  { path: 'product.name', description: "The model's name.", example: 'Uno Kettle' },
  { path: 'product.sku', description: "The model's SKU.", example: 'KT-100' },
  { path: 'product.category', description: "The model's category.", example: 'kettles' },
  { path: 'ownership.id', description: 'The id of the registered product.', example: '0190a5d2-0000-7000-8000-000000000000' },
  { path: 'ownership.serial', description: 'Serial number, or empty.', example: 'SN1234567890' },
  { path: 'ownership.purchaseDate', description: 'Date of purchase (YYYY-MM-DD), or empty; `| long_date` writes it out.', example: '2025-03-14' },
  { path: 'ownership.registeredOn', description: 'Date of registration (YYYY-MM-DD).', example: '2025-03-15' },
  { path: 'ownership.daysOwned', description: 'Days since purchase (or registration, when the purchase date is unknown).', example: 30 },
  { path: 'ownership.stage', description: 'Lifecycle stage: unboxing, onboarding, enjoying, sharing or caring.', example: 'enjoying' },
  { path: 'ownership.retailer', description: 'Where it was bought, or empty.', example: 'Best Appliances' },
  { path: 'coverage.covered', description: 'True while parts or labour are covered today (warranty or care plan).', example: true },
  { path: 'coverage.until', description: 'The last day covered (YYYY-MM-DD), or empty when not covered.', example: '2027-03-14' },
  { path: 'coverage.partsUntil', description: 'Last day parts are (or were) covered, or empty.', example: '2027-03-14' },
  { path: 'coverage.labourUntil', description: 'Last day labour is (or was) covered, or empty.', example: '2026-03-14' },
  { path: 'coverage.carePlan.name', description: 'The care plan covering today, or empty.', example: 'Care+ 3 years' },
  { path: 'coverage.carePlan.until', description: 'Last day of that care plan, or empty.', example: '2028-03-14' },
  { path: 'links.ownerPage', description: "The owner's products page (they sign in with a link by email).", example: 'https://openox.example/o/acme/products' },
  { path: 'links.productPage', description: "This product's page: warranty, manuals, claims.", example: 'https://openox.example/o/acme/products/0190a5d2-0000-7000-8000-000000000000' },
  { path: 'links.preferences', description: 'The preference centre, where the owner chooses what reaches them on every channel, without signing in. Never tracked.', example: 'https://openox.example/o/acme/contact-preferences/AQGQ' },
  { path: 'links.accessories', description: 'The accessories shop from the registration settings, or empty.', example: 'https://shop.acme.example/accessories' },
  { path: 'links.review', description: `Where the owner writes a review. About a product: OpenOX's own review page for it, by a signed link that needs no sign-in (it works ${reviewLinkLifetimeDays} days), where the review shows a verified-owner badge. About no product: the review site from the registration settings, or empty.`, example: 'https://openox.example/o/acme/review/UgGQ' },
  { path: 'links.support', description: 'The support site from the registration settings, or empty.', example: 'https://acme.example/support' },
  { path: 'offer.title', description: "The offer's title (given by the journey step).", example: '3 more years of cover' },
  { path: 'offer.description', description: 'What the offer is.', example: 'Parts and labour, home visits included.' },
  { path: 'offer.code', description: 'A discount code, or empty.', example: 'CARE20' },
  { path: 'offer.url', description: 'Where to take the offer.', example: 'https://shop.acme.example/care-plus' },
  { path: 'offer.price', description: 'The price as the owner reads it.', example: '$49.00' },
  { path: 'offer.endsOn', description: 'The last day of the offer (YYYY-MM-DD), or empty.', example: '2026-01-31' },
];

const knownPaths = new Set(templateVariables.map((variable) => variable.path));
// `if coverage.carePlan` tests an object: a prefix of a known path is a variable too.
const knownPrefixes = new Set(templateVariables.flatMap(({ path }) => {
  const parts = path.split('.');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('.'));
}));
// Liquid's own properties of strings and lists.
const builtInProperties = new Set(['size', 'first', 'last']);

export type VariableCheck = { readonly known: true } | { readonly known: false; readonly suggestion: string | null };

/**
 * Whether a template may use the variable at `segments` (its property names, as Liquid's analysis
 * gives them; a computed index is a non-string segment and ends the checked path). Anything under
 * `extra.` is the caller's to fill.
 */
export function checkVariable(segments: readonly unknown[]): VariableCheck {
  const names: string[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string') break;
    names.push(segment);
  }
  if (names[0] === 'extra') return { known: true };
  while (names.length > 1 && builtInProperties.has(names.at(-1) as string) && knownPaths.has(names.slice(0, -1).join('.'))) names.pop();
  const path = names.join('.');
  if (knownPaths.has(path) || knownPrefixes.has(path)) return { known: true };
  return { known: false, suggestion: closestPath(path) };
}

function closestPath(path: string): string | null {
  let best: { path: string; distance: number } | null = null;
  for (const candidate of knownPaths) {
    const distance = editDistance(path.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { path: candidate, distance };
  }
  // More than a third of the name wrong is not a typo of it.
  return best && best.distance <= Math.max(2, Math.floor(path.length / 3)) ? best.path : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The example values as a render context: what checks and the console's variable list show. */
export function exampleVariables(): Record<string, unknown> {
  const context: Record<string, unknown> = { extra: {} };
  for (const variable of templateVariables) {
    const parts = variable.path.split('.');
    let node = context;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1) as string] = variable.example;
  }
  return context;
}
