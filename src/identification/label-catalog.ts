import { parseSerialMask } from '../catalog/serial-mask.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import type { LabelCatalog, LabelModel } from './label-types.ts';

/** The brand's models as a label reader needs them: SKU, GTINs and parsed serial rules. */
export async function labelCatalogOf(scope: BrandScope): Promise<LabelCatalog> {
  const [models, gtins, rules] = await Promise.all([
    scope.db.selectFrom('models').select(['id', 'name', 'sku']).where('brand_id', '=', scope.brandId).orderBy('id').execute(),
    scope.db.selectFrom('model_gtins').select(['model_id', 'gtin']).where('brand_id', '=', scope.brandId).orderBy('gtin').execute(),
    scope.db.selectFrom('serial_rules').select(['model_id', 'mask', 'description']).where('brand_id', '=', scope.brandId).orderBy('model_id').orderBy('position').execute(),
  ]);
  const gtinsOf = groupBy(gtins, (row) => row.model_id);
  const rulesOf = groupBy(rules, (row) => row.model_id);
  return {
    models: models.map((model): LabelModel => ({
      id: model.id,
      name: model.name,
      sku: model.sku,
      gtins: (gtinsOf.get(model.id) ?? []).map((row) => row.gtin),
      serialMasks: (rulesOf.get(model.id) ?? []).flatMap((rule) => {
        const parsed = parseSerialMask(rule.mask);
        return parsed.ok ? [{ tokens: parsed.tokens, description: rule.description }] : [];
      }),
    })),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
