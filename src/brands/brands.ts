import { z } from 'zod';
import type { Actor } from '../access/principal.ts';
import { diff, recordAudit } from '../access/audit.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { publishEvent } from '../platform/events/publish.ts';
import { ApiError, invalidField } from '../platform/http/errors.ts';
import { fileUrl } from '../platform/files/files.ts';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1864ab.');

export const brandView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  logoFileId: z.uuid().nullable(),
  logoUrl: z.string().nullable(),
  primaryColor: z.string(),
  accentColor: z.string(),
  isDemo: z.boolean(),
}).meta({ id: 'Brand' });
export type BrandView = z.output<typeof brandView>;

export const updateBrandBody = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the brand a name.').max(200),
    logoFileId: z.uuid().nullable().meta({ description: 'An uploaded logo (POST /api/v1/files?purpose=logo).' }),
    primaryColor: colour,
    accentColor: colour,
  })
  .partial();

export async function getBrand(scope: BrandScope): Promise<BrandView> {
  const row = await scope.db.selectFrom('brands').selectAll().where('id', '=', scope.brandId).executeTakeFirst();
  if (!row) throw new ApiError('not_found', 'This brand no longer exists.');
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    logoFileId: row.logo_file_id,
    logoUrl: row.logo_file_id ? fileUrl(row.logo_file_id) : null,
    primaryColor: row.primary_color,
    accentColor: row.accent_color,
    isDemo: row.is_demo,
  };
}

export async function updateBranding(scope: BrandScope, actor: Actor, input: z.output<typeof updateBrandBody>): Promise<BrandView> {
  const before = await getBrand(scope);
  if (input.logoFileId) {
    const file = await scope.db.selectFrom('files').select('purpose').where('brand_id', '=', scope.brandId).where('id', '=', input.logoFileId).executeTakeFirst();
    if (file?.purpose !== 'logo') throw invalidField('logoFileId', 'Must be a logo uploaded with POST /api/v1/files?purpose=logo.');
  }
  await scope.db
    .updateTable('brands')
    .set({
      name: input.name,
      logo_file_id: input.logoFileId,
      primary_color: input.primaryColor,
      accent_color: input.accentColor,
      updated_at: new Date(),
    })
    .where('id', '=', scope.brandId)
    .execute();
  const after = await getBrand(scope);
  const changes = diff(before, after);
  if (Object.keys(changes).length > 0) {
    await recordAudit(scope, actor, { action: 'brand.updated', subjectType: 'brand', subjectId: scope.brandId, changes });
    await publishEvent(scope, { type: 'brand.updated', subjectType: 'brand', subjectId: scope.brandId, payload: { changed: Object.keys(changes) } });
  }
  return after;
}
