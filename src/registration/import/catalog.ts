import { sql } from 'kysely';
import { type MaskToken, describeSerialMask, parseSerialMask, serialMaskPattern } from '../../catalog/serial-mask.ts';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { safetyRuleFor } from '../safety-rule.ts';

/** A model as an import line needs it: how to recognise it and how to check its serials. */
export interface ImportModel {
  readonly id: string;
  readonly name: string;
  readonly safetyOnly: boolean;
  /** Empty: the model has no serial rules and a serial is optional. */
  readonly masks: readonly ImportMask[];
  /** "2 letters, then 8 digits", or each format with "or" between. */
  readonly serialFormat: string;
}

export interface ImportMask {
  readonly tokens: readonly MaskToken[];
  readonly pattern: RegExp;
  readonly encodesDate: boolean;
}

/** The brand's catalog, looked up once per import rather than once per line. */
export interface ImportCatalog {
  readonly byGtin: ReadonlyMap<string, ImportModel>;
  /** Keyed by the SKU in lower case: SKUs are compared without case, as the catalog does. */
  readonly bySku: ReadonlyMap<string, ImportModel>;
  /** For phone numbers written without a country code on lines without a country. */
  readonly defaultCountry: string;
}

export interface CatalogModelRow {
  readonly id: string;
  readonly name: string;
  readonly sku: string;
  readonly category: string;
  readonly gtins: readonly string[];
  readonly masks: readonly string[];
}

export function compileCatalog(models: readonly CatalogModelRow[], defaultCountry: string): ImportCatalog {
  const byGtin = new Map<string, ImportModel>();
  const bySku = new Map<string, ImportModel>();
  for (const row of models) {
    const masks = row.masks.flatMap((mask) => {
      const parsed = parseSerialMask(mask);
      if (!parsed.ok) return []; // a rule the catalog would no longer accept checks nothing
      const encodesDate = parsed.tokens.some((token) => token.kind === 'year');
      return [{ tokens: parsed.tokens, pattern: new RegExp(serialMaskPattern(parsed.tokens)), encodesDate }];
    });
    const model: ImportModel = {
      id: row.id,
      name: row.name,
      safetyOnly: safetyRuleFor(row.category) !== null,
      masks,
      serialFormat: masks.map((mask) => describeSerialMask(mask.tokens)).join('; or '),
    };
    for (const gtin of row.gtins) byGtin.set(gtin, model);
    bySku.set(row.sku.toLowerCase(), model);
  }
  return { byGtin, bySku, defaultCountry };
}

export async function loadImportCatalog(scope: BrandScope): Promise<ImportCatalog> {
  const models = await scope.db
    .selectFrom('models as m')
    .select((eb) => [
      'm.id',
      'm.name',
      'm.sku',
      'm.category',
      eb.fn.coalesce(sql<string[]>`(select array_agg(g.gtin) from model_gtins g where g.model_id = m.id)`, sql<string[]>`'{}'::text[]`).as('gtins'),
      eb.fn
        .coalesce(sql<string[]>`(select array_agg(r.mask order by r.position) from serial_rules r where r.model_id = m.id)`, sql<string[]>`'{}'::text[]`)
        .as('masks'),
    ])
    .where('m.brand_id', '=', scope.brandId)
    .execute();
  const settings = await scope.db.selectFrom('registration_settings').select('countries').where('brand_id', '=', scope.brandId).executeTakeFirst();
  return compileCatalog(models, settings?.countries[0] ?? 'US');
}
