import type { BrandSite } from '../owner-site/brand-site.ts';
import { sitePath } from '../owner-site/brand-site.ts';
import { type Translate, languages } from '../owner-site/i18n.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { registrationSettingsOf } from '../registration/settings.ts';
import type { LinkTarget } from './linkset.ts';
import type { UnitState } from './unit.ts';

/** The unit a Digital Link names, as the owner pages take it in their query strings. */
export interface UnitLink {
  readonly gtin14: string;
  readonly serial?: string | undefined;
  readonly lot?: string | undefined;
  readonly variant?: string | undefined;
  /** AI 11, YYYY-MM-DD. */
  readonly productionDate?: string | undefined;
}

/** The address of an owner page of the brand site for a unit, absolute under the public URL. */
export function unitPageUrl(publicUrl: string, brand: Pick<BrandSite, 'slug'>, page: 'register' | 'registered-unit' | 'recall-status' | 'faqs', unit: UnitLink): string {
  const query = new URLSearchParams({ gtin: unit.gtin14 });
  if (page !== 'faqs') {
    if (unit.serial) query.set('serial', unit.serial);
    if (unit.productionDate) query.set('production', unit.productionDate);
  }
  if (page === 'register' || page === 'registered-unit') {
    if (unit.lot) query.set('lot', unit.lot);
    if (unit.variant) query.set('variant', unit.variant);
    query.set('via', 'qr');
  }
  return `${publicUrl.replace(/\/+$/, '')}${sitePath(brand, `/${page}`)}?${query}`;
}

export interface UnitTargets {
  readonly targets: readonly LinkTarget[];
  /** Where a scan without a link type goes: a recall first, then a unit someone holds, else registration. */
  readonly defaultTarget: LinkTarget;
}

type ResourceKind = 'manual' | 'quick_start' | 'faq';

/**
 * Every link OpenOX has for a unit of a model, by GS1 link type: only those the brand has content
 * for (a manual, an accessories shop...), titled in the owner's language, with the languages of each
 * target. Reviews always have one: the brand's review site, else OpenOX's own review pages.
 */
export async function unitTargets(
  scope: BrandScope,
  context: { publicUrl: string; brand: BrandSite; t: Translate; modelId: string; modelName: string; unit: UnitLink; state: UnitState },
): Promise<UnitTargets> {
  const { publicUrl, brand, t, unit, state } = context;
  const root = publicUrl.replace(/\/+$/, '');
  const product = context.modelName;
  const page = (linkType: string, href: string, title: string): LinkTarget => ({ linkType, href, title, hreflang: [...languages], type: 'text/html' });
  const external = (linkType: string, href: string, title: string): LinkTarget => ({ linkType, href: new URL(href).href, title });

  const resources = await scope.db
    .selectFrom('resources')
    .select(['id', 'kind', 'title', 'language', 'url', 'file_id'])
    .where('brand_id', '=', scope.brandId)
    .where('model_id', '=', context.modelId)
    .where('kind', 'in', ['manual', 'quick_start', 'faq'])
    .orderBy('id')
    .execute();
  const documents = (kind: ResourceKind, linkType: string): LinkTarget[] =>
    resources
      // Only a document or a page can be followed: a guide written as text alone has no address of its own.
      .filter((resource) => resource.kind === kind && (resource.url || resource.file_id))
      .map((resource) => ({
        linkType,
        // A file is served through the brand site; a link elsewhere is followed as it is.
        href: resource.url && !resource.file_id ? new URL(resource.url).href : `${root}${sitePath(brand, `/resources/${resource.id}`)}`,
        title: resource.title,
        hreflang: [resource.language],
        ...(resource.file_id ? { type: 'application/pdf' } : {}),
      }));
  const settings = await registrationSettingsOf(scope);

  const register = page('gs1:registerProduct', unitPageUrl(publicUrl, brand, 'register', unit), t('resolver.links.registerProduct', { product }));
  const recallStatus = page('gs1:recallStatus', unitPageUrl(publicUrl, brand, 'recall-status', unit), t('resolver.links.recallStatus', { product }));
  const targets: LinkTarget[] = [
    register,
    ...documents('manual', 'gs1:instructions'),
    ...documents('quick_start', 'gs1:quickStartGuide'),
    settings.supportUrl
      ? external('gs1:support', settings.supportUrl, t('resolver.links.support', { product }))
      : page('gs1:support', `${root}${sitePath(brand, '/products')}`, t('resolver.links.support', { product })),
    ...(resources.some((resource) => resource.kind === 'faq') ? [page('gs1:faqs', unitPageUrl(publicUrl, brand, 'faqs', unit), t('resolver.links.faqs', { product }))] : []),
    recallStatus,
    // Without a review site of the brand's own, OpenOX's: the owner's product's review form (verified-owner badge).
    settings.reviewUrl
      ? external('gs1:leaveReview', settings.reviewUrl, t('resolver.links.leaveReview', { product }))
      : page('gs1:leaveReview', `${root}${sitePath(brand, `/reviews/${context.modelId}/write`)}`, t('resolver.links.leaveReview', { product })),
    ...(settings.accessoriesUrl ? [external('gs1:purchaseSuppliesOrAccessories', settings.accessoriesUrl, t('resolver.links.purchaseSuppliesOrAccessories', { product }))] : []),
  ];

  const defaultTarget = state.recalls.length > 0
    ? recallStatus
    : state.activeOwnershipId
      ? page('gs1:registerProduct', unitPageUrl(publicUrl, brand, 'registered-unit', unit), t('resolver.registeredTitle'))
      : register;
  return { targets, defaultTarget };
}
