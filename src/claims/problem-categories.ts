import { z } from 'zod';
import { recordAudit } from '../access/audit.ts';
import type { Actor } from '../access/principal.ts';
import type { Translate } from '../owner-site/i18n.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';

export interface ProblemCategory {
  readonly code: string;
  readonly label: string;
}

/**
 * What can be wrong, for a brand that has not written its own list for a product category. Owners see
 * these in their language (`claims.problems.<code>`); the English words are for agents and the API.
 */
export const defaultProblemCategories: readonly ProblemCategory[] = [
  { code: 'wont_start', label: 'Does not turn on or start' },
  { code: 'stopped_working', label: 'Stopped working while in use' },
  { code: 'performance', label: 'Does not work as well as it should' },
  { code: 'noise', label: 'Unusual noise or vibration' },
  { code: 'leak', label: 'Leaks' },
  { code: 'error_code', label: 'Shows an error code or warning light' },
  { code: 'damaged_on_arrival', label: 'Arrived damaged' },
  { code: 'missing_part', label: 'A part is missing or broken' },
  { code: 'other', label: 'Something else' },
];

export const problemCategoryInput = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]{1,60}$/, 'Use 1 to 60 lower-case letters, digits and underscores, like "door_seal".'),
  label: z.string().trim().min(1, 'Write what the owner reads.').max(120),
});

export const problemCategoriesBody = z.strictObject({
  categories: z
    .array(problemCategoryInput)
    .max(40)
    .refine((list) => new Set(list.map((category) => category.code)).size === list.length, 'Each code may appear once.')
    .meta({ description: 'In the order owners see them. An empty list returns the product category to the defaults.' }),
});

export const productCategoryProblemsView = z.object({
  productCategory: z.string(),
  custom: z.boolean().meta({ description: 'False: the brand has not set a list, so the defaults apply.' }),
  categories: z.array(z.object({ code: z.string(), label: z.string() })),
}).meta({ id: 'ClaimProblemCategories' });
export type ProductCategoryProblems = z.output<typeof productCategoryProblemsView>;

/** The problems an owner of a product in `productCategory` chooses from. */
export async function problemCategoriesFor(scope: BrandScope, productCategory: string): Promise<ProductCategoryProblems> {
  const rows = await scope.db
    .selectFrom('claim_problem_categories')
    .select(['code', 'label'])
    .where('brand_id', '=', scope.brandId)
    .where('product_category', '=', productCategory)
    .orderBy('position')
    .execute();
  return rows.length > 0
    ? { productCategory, custom: true, categories: rows }
    : { productCategory, custom: false, categories: [...defaultProblemCategories] };
}

/** Every product category of the brand's catalog (and any with a list of its own), with its problems. */
export async function allProblemCategories(scope: BrandScope): Promise<ProductCategoryProblems[]> {
  const [models, configured] = await Promise.all([
    scope.db.selectFrom('models').select('category').distinct().where('brand_id', '=', scope.brandId).execute(),
    scope.db.selectFrom('claim_problem_categories').select(['product_category', 'code', 'label']).where('brand_id', '=', scope.brandId).orderBy('product_category').orderBy('position').execute(),
  ]);
  const byCategory = new Map<string, ProblemCategory[]>();
  for (const row of configured) byCategory.set(row.product_category, [...(byCategory.get(row.product_category) ?? []), { code: row.code, label: row.label }]);
  const names = [...new Set([...models.map((model) => model.category), ...byCategory.keys()])].sort((a, b) => a.localeCompare(b));
  return names.map((productCategory) => {
    const own = byCategory.get(productCategory);
    return own ? { productCategory, custom: true, categories: own } : { productCategory, custom: false, categories: [...defaultProblemCategories] };
  });
}

/** Replaces a product category's list of problems; an empty list goes back to the defaults. Claims keep the words they were filed with. */
export async function setProblemCategories(scope: BrandScope, actor: Actor, productCategory: string, categories: readonly ProblemCategory[]): Promise<ProductCategoryProblems> {
  const before = await problemCategoriesFor(scope, productCategory);
  await scope.db.deleteFrom('claim_problem_categories').where('brand_id', '=', scope.brandId).where('product_category', '=', productCategory).execute();
  if (categories.length > 0) {
    await scope.db
      .insertInto('claim_problem_categories')
      .values(categories.map((category, position) => ({ brand_id: scope.brandId, product_category: productCategory, code: category.code, label: category.label, position })))
      .execute();
  }
  const after = await problemCategoriesFor(scope, productCategory);
  await recordAudit(scope, actor, {
    action: 'claim_categories.updated',
    subjectType: 'product_category',
    subjectId: null,
    changes: { productCategory, categories: [before.custom ? before.categories : 'defaults', after.custom ? after.categories : 'defaults'] },
  });
  return after;
}

/** A problem's words for an owner: OpenOX's own categories in their language, a brand's as the brand wrote them. */
export function problemLabelFor(t: Translate, category: ProblemCategory): string {
  const standard = defaultProblemCategories.find((candidate) => candidate.code === category.code);
  return standard && standard.label === category.label ? t(`claims.problems.${category.code}`) : category.label;
}
