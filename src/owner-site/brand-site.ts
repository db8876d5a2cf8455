import type { Db } from '../platform/database/database.ts';
import { type BrandId, asBrandId } from '../platform/database/tenancy.ts';

/** What an owner page needs to know about the brand whose site it is. */
export interface BrandSite {
  readonly id: BrandId;
  readonly slug: string;
  readonly name: string;
  readonly primaryColor: string;
  readonly accentColor: string;
  readonly logoUrl: string | null;
}

/** The brand behind `/o/<slug>/…`, or null. Brands are looked up before any tenant scope exists. */
export async function brandSiteBySlug(db: Db, slug: string): Promise<BrandSite | null> {
  const row = await db
    .selectFrom('brands')
    .select(['id', 'slug', 'name', 'primary_color', 'accent_color', 'logo_file_id'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? toBrandSite(row) : null;
}

export async function brandSiteById(db: Db, id: string): Promise<BrandSite | null> {
  const row = await db
    .selectFrom('brands')
    .select(['id', 'slug', 'name', 'primary_color', 'accent_color', 'logo_file_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toBrandSite(row) : null;
}

function toBrandSite(row: { id: string; slug: string; name: string; primary_color: string; accent_color: string; logo_file_id: string | null }): BrandSite {
  return {
    id: asBrandId(row.id),
    slug: row.slug,
    name: row.name,
    primaryColor: row.primary_color,
    accentColor: row.accent_color,
    logoUrl: row.logo_file_id ? `/o/${row.slug}/logo` : null,
  };
}

/** The root of a brand's owner pages. */
export function sitePath(brand: Pick<BrandSite, 'slug'>, rest = ''): string {
  return `/o/${brand.slug}${rest}`;
}
