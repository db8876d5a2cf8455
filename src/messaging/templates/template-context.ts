import { sitePath } from '../../owner-site/brand-site.ts';
import { daysBetween, todayUtc } from '../../platform/calendar.ts';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { registrationSettingsOf } from '../../registration/settings.ts';
import { reviewLinkFor } from '../../reviews/review-link.ts';
import { type Entitlement, lastCoveredDay } from '../../warranty/entitlement.ts';
import { ownershipEntitlement } from '../../warranty/ownership-entitlement.ts';
import type { MessageChannel } from '../tables.ts';
import { ownerLinks } from '../unsubscribe/link-token.ts';
import { variablesUsed } from './liquid.ts';

/** What a message is about: an owner, maybe one of their products, and what the caller adds. */
export interface TemplateSubject {
  readonly ownerId: string;
  readonly ownershipId: string | null;
  /** The channel the message goes by: its preference link is signed for it. */
  readonly channel: MessageChannel;
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
  /** OpenOX's address as owners reach it (config.publicUrl): links in messages are absolute. */
  readonly publicUrl: string;
}

/** The facts a template's variables are made of, read once per message. */
export interface TemplateFacts {
  readonly owner: { readonly id: string; readonly name: string; readonly email: string; readonly phone: string | null; readonly language: string; readonly country: string | null; readonly postalCode: string | null };
  readonly brand: { readonly name: string; readonly slug: string; readonly primaryColor: string; readonly supportEmail: string | null; readonly supportPhone: string | null; readonly supportUrl: string | null; readonly accessoriesUrl: string | null; readonly reviewUrl: string | null };
  readonly ownership: {
    readonly id: string;
    readonly serial: string | null;
    readonly purchaseDate: string | null;
    readonly registeredOn: string;
    readonly stage: string;
    readonly retailer: string | null;
    readonly model: { readonly name: string; readonly sku: string; readonly category: string };
    readonly entitlement: Entitlement | null;
  } | null;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly publicUrl: string;
  /** The owner's preference centre, by a signed link that needs no sign-in. */
  readonly preferencesUrl: string;
  /**
   * OpenOX's own review page for the product, by a signed link that needs no sign-in: a review
   * written there carries the verified-owner badge. Empty when the message is about no product.
   */
  readonly reviewUrl: string;
  readonly today: string;
}

/**
 * Which of the costlier facts a render needs: the warranty (a query over the unit's history), the
 * brand's registration settings, and the signed preference and review links. A journey renders for
 * many owners; what no content reads is not looked up.
 */
export interface FactNeeds {
  readonly coverage: boolean;
  readonly brandSettings: boolean;
  readonly preferences: boolean;
  readonly review: boolean;
}

const allFacts: FactNeeds = { coverage: true, brandSettings: true, preferences: true, review: true };

const settingsPaths = new Set(['brand.supportEmail', 'brand.supportPhone', 'links.accessories', 'links.review', 'links.support']);

/** What the contents read, from their variables (an email's footer always links the preference centre). */
export function factNeedsOf(sources: Iterable<string>, channel: MessageChannel): FactNeeds {
  let coverage = false;
  let brandSettings = false;
  let preferences = channel === 'email';
  let review = false;
  for (const source of sources) {
    for (const variable of variablesUsed(source)) {
      const [root, field] = variable.segments;
      if (root === 'coverage') coverage = true;
      if (settingsPaths.has(`${String(root)}.${String(field)}`) || ((root === 'brand' || root === 'links') && field === undefined)) brandSettings = true;
      if (root === 'links' && (field === 'preferences' || field === undefined)) preferences = true;
      if (root === 'links' && (field === 'review' || field === undefined)) review = true;
    }
  }
  return { coverage, brandSettings, preferences, review };
}

const noSettings = { supportEmail: null, supportPhone: null, supportUrl: null, accessoriesUrl: null, reviewUrl: null };

/** Reads the owner, the brand, and (when given) the product with its warranty today. Not found: a 404 naming what. */
export async function loadTemplateFacts(scope: BrandScope, subject: TemplateSubject, needs: FactNeeds = allFacts, today = todayUtc()): Promise<TemplateFacts> {
  const [owner, brand, settings] = await Promise.all([
    scope.db.selectFrom('owners').select(['id', 'name', 'email', 'phone', 'language', 'country', 'postal_code']).where('brand_id', '=', scope.brandId).where('id', '=', subject.ownerId).executeTakeFirst(),
    scope.db.selectFrom('brands').select(['name', 'slug', 'primary_color']).where('id', '=', scope.brandId).executeTakeFirstOrThrow(),
    needs.brandSettings ? registrationSettingsOf(scope) : noSettings,
  ]);
  if (!owner) throw new ApiError('not_found', 'There is no owner with this id in your brand.');

  let ownership: TemplateFacts['ownership'] = null;
  if (subject.ownershipId !== null) {
    const row = await scope.db
      .selectFrom('ownerships as o')
      .innerJoin('models as m', 'm.id', 'o.model_id')
      .select(['o.id', 'o.owner_id', 'o.serial', 'o.purchase_date', 'o.registered_at', 'o.stage', 'o.retailer', 'm.name', 'm.sku', 'm.category'])
      .where('o.brand_id', '=', scope.brandId)
      .where('o.id', '=', subject.ownershipId)
      .executeTakeFirst();
    if (!row || row.owner_id !== owner.id) throw new ApiError('not_found', 'This owner has no product (ownership) with this id.');
    ownership = {
      id: row.id,
      serial: row.serial,
      purchaseDate: row.purchase_date,
      registeredOn: row.registered_at.toISOString().slice(0, 10),
      stage: row.stage,
      retailer: row.retailer,
      model: { name: row.name, sku: row.sku, category: row.category },
      entitlement: needs.coverage ? await ownershipEntitlement(scope, row.id, today) : null,
    };
  }

  const publicUrl = subject.publicUrl.replace(/\/+$/, '');
  const preferencesUrl = needs.preferences ? (await ownerLinks(scope, publicUrl, brand.slug, owner.id, subject.channel)).preferencesUrl : '';
  const reviewUrl = needs.review && ownership ? await reviewLinkFor(scope, { publicUrl, brandSlug: brand.slug, ownershipId: ownership.id }) : '';
  return {
    owner: { id: owner.id, name: owner.name, email: owner.email, phone: owner.phone, language: owner.language, country: owner.country, postalCode: owner.postal_code },
    brand: {
      name: brand.name,
      slug: brand.slug,
      primaryColor: brand.primary_color,
      supportEmail: settings.supportEmail,
      supportPhone: settings.supportPhone,
      supportUrl: settings.supportUrl,
      accessoriesUrl: settings.accessoriesUrl,
      reviewUrl: settings.reviewUrl,
    },
    ownership,
    extra: subject.extra ?? {},
    publicUrl,
    preferencesUrl,
    reviewUrl,
    today,
  };
}

const offerFields = ['title', 'description', 'code', 'url', 'price', 'endsOn'] as const;

/** The variables of template-variables.ts, from the facts, for a message written in `language`. */
export function variablesOf(facts: TemplateFacts, language: string): Record<string, unknown> {
  const site = (rest: string) => `${facts.publicUrl}${sitePath(facts.brand, rest)}`;
  const ownership = facts.ownership;
  const entitlement = ownership?.entitlement ?? null;
  const offer = facts.extra.offer;
  return {
    owner: {
      name: facts.owner.name,
      firstName: facts.owner.name.trim().split(/\s+/)[0] ?? '',
      email: facts.owner.email,
      phone: facts.owner.phone ?? '',
      language,
      country: facts.owner.country ?? '',
      postalCode: facts.owner.postalCode ?? '',
    },
    brand: { name: facts.brand.name, supportEmail: facts.brand.supportEmail ?? '', supportPhone: facts.brand.supportPhone ?? '' },
    product: ownership ? { ...ownership.model } : null,
    ownership: ownership
      ? {
        id: ownership.id,
        serial: ownership.serial ?? '',
        purchaseDate: ownership.purchaseDate ?? '',
        registeredOn: ownership.registeredOn,
        daysOwned: Math.max(0, daysBetween(ownership.purchaseDate ?? ownership.registeredOn, facts.today)),
        stage: ownership.stage,
        retailer: ownership.retailer ?? '',
      }
      : null,
    coverage: ownership
      ? {
        covered: entitlement?.covered ?? false,
        until: (entitlement && lastCoveredDay(entitlement)) ?? '',
        partsUntil: entitlement?.parts.until ?? '',
        labourUntil: entitlement?.labour.until ?? '',
        carePlan: entitlement?.carePlan ? { name: entitlement.carePlan.name, until: entitlement.carePlan.until } : null,
      }
      : null,
    links: {
      ownerPage: site('/products'),
      productPage: ownership ? site(`/products/${ownership.id}`) : site('/products'),
      preferences: facts.preferencesUrl,
      accessories: facts.brand.accessoriesUrl ?? '',
      // About a product: OpenOX's own signed page, where the review gets the verified-owner badge.
      // About no product there is nothing to review here, so the brand's own review site, if any.
      review: facts.reviewUrl || (facts.brand.reviewUrl ?? ''),
      support: facts.brand.supportUrl ?? '',
    },
    offer: offer && typeof offer === 'object'
      ? Object.fromEntries(offerFields.map((field) => [field, (offer as Record<string, unknown>)[field] ?? '']))
      : null,
    extra: { ...facts.extra },
  };
}

/**
 * The language to write in: the wanted one, else its base language (es-MX → es), else a regional
 * form of it (pt → pt-BR), else the template's default.
 */
export function chooseLanguage(wanted: string, available: readonly string[], defaultLanguage: string): string {
  if (available.includes(wanted)) return wanted;
  const base = wanted.split('-')[0] as string;
  if (available.includes(base)) return base;
  const regional = available.filter((language) => language.split('-')[0] === base).sort()[0];
  return regional ?? defaultLanguage;
}
