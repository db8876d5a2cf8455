import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import { newToken, sha256 } from '../access/secrets.ts';
import type { Db } from '../platform/database/database.ts';
import { type BrandScope, inBrand } from '../platform/database/tenancy.ts';
import type { BrandSite } from '../owner-site/brand-site.ts';
import { sitePath } from '../owner-site/brand-site.ts';
import type { OwnerTables } from './tables.ts';

const ownerCookie = 'openox_owner';
const lifetimeDays = 180;

export interface RecognisedOwner {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string | null;
  readonly address: string | null;
  readonly city: string | null;
  readonly region: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly language: string;
  readonly safetyOnly: boolean;
}

/**
 * The owner this browser signed in as on this brand's site, if any. The cookie is scoped to the
 * brand's path, so a browser is recognised per brand, and holds a token whose sha256 is stored.
 */
export async function recognisedOwner(db: Db, brand: BrandSite, request: FastifyRequest): Promise<RecognisedOwner | null> {
  const token = request.cookies[ownerCookie];
  if (!token) return null;
  return inBrand(db, brand.id, async (scope) => {
    const row = await scope.db
      .updateTable('owner_sessions')
      .set({ last_seen_at: new Date() })
      .where('token_hash', '=', sha256(token))
      .where('expires_at', '>', new Date())
      .returning('owner_id')
      .executeTakeFirst();
    return row ? ownerById(scope, row.owner_id) : null;
  });
}

export async function ownerById(scope: BrandScope, id: string): Promise<RecognisedOwner | null> {
  const owner = await scope.db.selectFrom('owners').selectAll().where('id', '=', id).executeTakeFirst();
  return owner ? ownerDetails(owner) : null;
}

/** An owners row as the rest of OpenOX speaks of an owner. */
export function ownerDetails(owner: Selectable<OwnerTables['owners']>): RecognisedOwner {
  return {
    id: owner.id,
    name: owner.name,
    email: owner.email,
    phone: owner.phone,
    address: owner.address,
    city: owner.city,
    region: owner.region,
    postalCode: owner.postal_code,
    country: owner.country,
    language: owner.language,
    safetyOnly: owner.safety_only,
  };
}

/** Remembers this browser as the owner's, for this brand's pages. */
export async function startOwnerSession(scope: BrandScope, brand: BrandSite, ownerId: string, reply: FastifyReply, secure: boolean): Promise<void> {
  const token = newToken();
  await scope.db
    .insertInto('owner_sessions')
    .values({ brand_id: scope.brandId, owner_id: ownerId, token_hash: sha256(token), expires_at: new Date(Date.now() + lifetimeDays * 86_400_000) })
    .execute();
  // Lax, not Strict: the owner arrives from a link in an email or a QR code and must be recognised.
  reply.setCookie(ownerCookie, token, { path: sitePath(brand), httpOnly: true, secure, sameSite: 'lax', maxAge: lifetimeDays * 86_400 });
}

export async function endOwnerSession(db: Db, brand: BrandSite, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[ownerCookie];
  if (token) await inBrand(db, brand.id, (scope) => scope.db.deleteFrom('owner_sessions').where('token_hash', '=', sha256(token)).execute());
  reply.clearCookie(ownerCookie, { path: sitePath(brand) });
}
