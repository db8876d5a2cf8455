import type { FastifyReply } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import type { Db } from '../platform/database/database.ts';
import { sendStoredFile } from '../platform/files/files.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import type { RouteModule } from '../platform/http/server.ts';
import { brandSiteBySlug } from './brand-site.ts';
import { openSite, plainNotFound } from './site-request.tsx';
import { ResourceText } from './resource-text.tsx';

const params = z.object({ slug: z.string(), id: z.string() });

/**
 * The files an owner page links to without sign-in: the brand's logo, model images, and the manuals
 * and guides attached to resources. Nothing else of a brand's files is public.
 */
export const publicFileRoutes: RouteModule = (app, { db }) => {
  const schema = { hide: true } as const;

  app.get('/o/:slug/logo', { schema: { ...schema, params: z.object({ slug: z.string() }) } }, (request, reply) =>
    sendPublicFile(db, request.params.slug, reply, (scope) => scope.db.selectFrom('brands').select('logo_file_id as file_id').where('id', '=', scope.brandId).executeTakeFirst()),
  );

  app.get('/o/:slug/models/:id/image', { schema: { ...schema, params } }, (request, reply) =>
    sendPublicFile(db, request.params.slug, reply, (scope) =>
      isUuid(request.params.id) ? scope.db.selectFrom('models').select('image_file_id as file_id').where('id', '=', request.params.id).executeTakeFirst() : Promise.resolve(undefined),
    ),
  );

  // A resource is a file (manual), a link (video) or a short text (quick-start steps, an FAQ answer).
  app.get('/o/:slug/resources/:id', { schema: { ...schema, params } }, async (request, reply) => {
    const brand = await brandSiteBySlug(db, request.params.slug);
    const resource = brand && isUuid(request.params.id)
      ? await inBrand(db, brand.id, (scope) => scope.db.selectFrom('resources').select(['file_id', 'url', 'title', 'body']).where('id', '=', request.params.id).executeTakeFirst())
      : undefined;
    if (resource?.url && !resource.file_id) return reply.redirect(resource.url, 302);
    if (resource && !resource.file_id) {
      const site = await openSite(db, request, reply);
      return site?.send(resource.title, createElement(ResourceText, resource));
    }
    return sendPublicFile(db, request.params.slug, reply, async () => resource ?? undefined);
  });
};

async function sendPublicFile(db: Db, slug: string, reply: FastifyReply, fileOf: (scope: BrandScope) => Promise<{ file_id: string | null } | undefined>) {
  const brand = await brandSiteBySlug(db, slug);
  const file = brand
    ? await inBrand(db, brand.id, async (scope) => {
        const ref = await fileOf(scope);
        return ref?.file_id ? scope.db.selectFrom('files').select(['content_type', 'content', 'original_name']).where('id', '=', ref.file_id).executeTakeFirst() : undefined;
      })
    : undefined;
  if (!file) return reply.code(404).type('text/html; charset=utf-8').send(plainNotFound());
  return sendStoredFile(reply, { contentType: file.content_type, originalName: file.original_name, content: file.content }, 'public, max-age=3600');
}

function isUuid(value: string): boolean {
  return z.uuid().safeParse(value).success;
}
