import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../platform/database/database.ts';
import { type BrandId, asBrandId } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { type Permission, type Role, can } from './permissions.ts';
import { sha256 } from './secrets.ts';

/** Who is making a request: a signed-in staff user or a brand system holding an API key. */
export interface Principal {
  readonly kind: 'staff' | 'api_key';
  readonly id: string;
  readonly brandId: BrandId;
  readonly role: Role;
  readonly label: string;
  /** The session token, for cookie-authenticated requests: writes must prove they came from the console. */
  readonly sessionToken: string | null;
}

/** Who a change is attributed to in the audit log and events. */
export interface Actor {
  readonly type: 'staff' | 'api_key' | 'system' | 'owner';
  readonly id: string | null;
  readonly label: string;
  readonly requestId: string | null;
}

export const systemActor: Actor = { type: 'system', id: null, label: 'OpenOX', requestId: null };

/** An owner acting on their own pages (filing a claim, passing a product on). */
export interface OwnerActor extends Actor {
  readonly type: 'owner';
  readonly id: string;
}

/** Who did it, as events and records carry it: what the agent's timeline shows and folds by. */
export function attributionOf(actor: Actor): { type: Actor['type']; id: string | null; label: string } {
  return { type: actor.type, id: actor.id, label: actor.label };
}

export function ownerActor(owner: { readonly id: string; readonly name: string }): OwnerActor {
  return { type: 'owner', id: owner.id, label: owner.name, requestId: null };
}

export const sessionCookie = 'openox_session';
export const apiKeyPattern = /^oxk_[A-Za-z0-9_-]{20,200}$/;

/**
 * Finds the principal behind a request's credentials. These lookups happen before a brand is known,
 * so they alone read the credential tables without a brand scope.
 */
export async function authenticate(db: Db, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (key === undefined || !apiKeyPattern.test(key)) throw new ApiError('unauthenticated', 'The Authorization header must be "Bearer <API key>".');
    return authenticateApiKey(db, key);
  }
  const token = request.cookies[sessionCookie];
  return token ? authenticateSession(db, token) : null;
}

async function authenticateApiKey(db: Db, key: string): Promise<Principal> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'brand_id', 'role', 'name', 'prefix', 'last_used_at'])
    .where('secret_hash', '=', sha256(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('unauthenticated', 'This API key is not valid or has been revoked.');
  // Last-used time to the minute is what an admin needs; a write per request is not worth it.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'api_key',
    id: row.id,
    brandId: asBrandId(row.brand_id),
    role: row.role,
    label: `API key "${row.name}" (${row.prefix})`,
    sessionToken: null,
  };
}

export async function authenticateSession(db: Db, token: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.last_seen_at', 'u.id', 'u.brand_id', 'u.role', 'u.email'])
    .where('s.token_hash', '=', sha256(token))
    .where('s.expires_at', '>', new Date())
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > 5 * 60_000) {
    await db.updateTable('staff_sessions').set({ last_seen_at: new Date() }).where('id', '=', row.session_id).execute();
  }
  return { kind: 'staff', id: row.id, brandId: asBrandId(row.brand_id), role: row.role, label: row.email, sessionToken: token };
}

/** The console's CSRF token is derived from the session token, so it needs no storage and dies with the session. */
export function csrfTokenFor(sessionToken: string): string {
  return sha256(`csrf:${sessionToken}`).toString('base64url');
}

export function hasValidCsrfToken(principal: Principal, header: string | string[] | undefined): boolean {
  if (principal.sessionToken === null) return true; // API keys are not sent by browsers on their own
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(principal.sessionToken));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function actorOf(request: FastifyRequest): Actor {
  const principal = requirePrincipal(request);
  return { type: principal.kind, id: principal.id, label: principal.label, requestId: request.id };
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new ApiError('unauthenticated');
  return request.principal;
}

/** A route guard: the caller must be signed in (or hold a key) and their role must allow `permission`. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest): Promise<void> => {
    const principal = requirePrincipal(request);
    if (!can(principal.role, permission)) {
      throw new ApiError('forbidden', `Your role (${principal.role}) does not allow ${permission}. Ask an admin of your brand.`);
    }
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}
