import { getModel } from '../catalog/models.ts';
import type { ModelView } from '../catalog/model-schema.ts';
import { resourcesOf } from '../catalog/resources.ts';
import { type MaskToken, parseSerialMask } from '../catalog/serial-mask.ts';
import type { BrandSite } from '../owner-site/brand-site.ts';
import { sitePath } from '../owner-site/brand-site.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { type SafetyRule, safetyRuleFor } from './safety-rule.ts';

/** A model as an owner sees it when registering: public links only, rules parsed. */
export interface RegistrableModel {
  readonly id: string;
  readonly name: string;
  readonly sku: string;
  readonly category: string;
  readonly imageUrl: string | null;
  readonly serialMasks: readonly { readonly tokens: readonly MaskToken[]; readonly description: string }[];
  readonly warranty: ModelView['warranty'];
  readonly maintenance: ModelView['maintenanceSchedule'];
  readonly safety: SafetyRule | null;
  readonly resources: readonly { readonly id: string; readonly kind: string; readonly title: string; readonly href: string; readonly language: string }[];
}

/** The model by id (404 if not the brand's); `withResources: false` skips the guides a brand system does not need. */
export async function registrableModel(scope: BrandScope, brand: BrandSite, modelId: string, { withResources = true } = {}): Promise<RegistrableModel> {
  const model = await getModel(scope, modelId);
  const resources = withResources ? await resourcesOf(scope, modelId) : [];
  return {
    id: model.id,
    name: model.name,
    sku: model.sku,
    category: model.category,
    imageUrl: model.imageFileId ? sitePath(brand, `/models/${model.id}/image`) : null,
    serialMasks: model.serialRules.flatMap((rule) => {
      const parsed = parseSerialMask(rule.mask);
      return parsed.ok ? [{ tokens: parsed.tokens, description: rule.description }] : [];
    }),
    warranty: model.warranty,
    maintenance: model.maintenanceSchedule,
    safety: safetyRuleFor(model.category),
    resources: resources.map((resource) => ({
      id: resource.id,
      kind: resource.kind,
      title: resource.title,
      language: resource.language,
      href: resource.url && !resource.fileId ? resource.url : sitePath(brand, `/resources/${resource.id}`),
    })),
  };
}

/** The brand's model a GTIN-14 names, or null: GTINs are unique worldwide, so at most one. */
export async function modelIdByGtin(scope: BrandScope, gtin14: string): Promise<string | null> {
  const row = await scope.db.selectFrom('model_gtins').select('model_id').where('gtin', '=', gtin14).executeTakeFirst();
  return row?.model_id ?? null;
}
